#pragma once
// What a user pays for whole `desksim run` processes: the start-up of a small scenario, one baseline
// year (CPU, memory, and the share spent writing outputs), and replications spread over cores. One
// JSON line each (bench/json_lines.hpp).
#include <string>

namespace desksim::bench {

/// One replication of 1,000 M/M/10 customers, whole process, median of `repeats`: start-up, a
/// SimGrid engine in a child, outputs and teardown. Target 50 ms.
void startup_bench(const std::string& desksim, int repeats);

/// One baseline replication timed inside its process (CPU and peak memory of the simulation alone),
/// then `desksim run` of it as a whole process, and the share of the whole spent on estimates and
/// outputs for 1 and for the scenario's own number of replications.
void baseline_bench(const std::string& desksim, const std::string& baseline_path, int repeats);

/// 8 replications of the baseline with --jobs 1 and --jobs 2: the wall-time ratio (target <= 0.55
/// on 2 cores).
void parallel_bench(const std::string& desksim, const std::string& baseline_path);

}  // namespace desksim::bench
