#pragma once
// One replication timed inside its own process (a child, as `desksim run` runs it): the CPU time of
// the simulation alone, without start-up or outputs, and the process's peak memory.
#include <cstdint>

#include "desksim/scenario.pb.h"

namespace desksim::bench {

struct ReplicationTiming {
  double cpu_seconds = 0;
  double max_rss_mb = 0;
  std::uint64_t events = 0, tickets = 0, users = 0;
};

/// Replication 0 of `s` with seed 1. Exits the benchmark with the error if the replication fails.
ReplicationTiming time_replication(const scenario::Scenario& s);

}  // namespace desksim::bench
