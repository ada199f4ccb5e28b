#pragma once
// The reference the kernel is measured against: M/M/c FIFO as a plain std::priority_queue event loop,
// with the same random streams and the same per-ticket work as desksim's desk, recording only the
// mean wait. It is what "close to a plain event loop" means in numbers.
#include <cstdint>

namespace desksim::bench {

struct PlainLoopResult {
  std::uint64_t customers = 0;
  std::uint64_t events = 0;
  double mean_wait_hours = 0;
};

PlainLoopResult plain_mmc_loop(double lambda_per_hour, double mu_per_hour, unsigned servers, std::uint64_t customers,
                               std::uint64_t seed);

}  // namespace desksim::bench
