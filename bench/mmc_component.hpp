#pragma once
// M/M/c FIFO written as a component of desksim's engine: two event handlers on the kernel's queue,
// the wait emitted on a declared signal, a statistics recorder keeping its tally. It is the plain
// loop's model (bench/plain_loop.hpp) event for event, with the same random streams drawn in the
// same order, so the two must agree to the last bit; the difference in time is what the kernel
// (event queue, handler dispatch, signal bus, recorder) costs over a hand-written loop.
//
// desksim's own M/M/10 benchmark runs the same arrivals through the service-desk model, where each
// customer is a whole ticket (a record, a lifecycle, SLA clocks, dozens of statistics): that measures
// the model, this the kernel.
#include <cstdint>

#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"

namespace desksim::bench {

struct MmcComponentResult {
  std::uint64_t customers = 0;
  std::uint64_t events = 0;
  std::uint64_t served = 0;       ///< customers whose service started (all of them, at the end)
  double wait_sum_seconds = 0;    ///< the sum of their waits, in the order they started service
  double mean_wait_hours = 0;
};

/// Runs `customers` arrivals to the end on `kernel`, emitting each customer's wait on `bus`, with a
/// statistics recorder listening.
MmcComponentResult run_mmc_component(sim::EventKernel& kernel, sim::SignalBus& bus, double lambda_per_hour,
                                     double mu_per_hour, unsigned servers, std::uint64_t customers,
                                     std::uint64_t seed);

}  // namespace desksim::bench
