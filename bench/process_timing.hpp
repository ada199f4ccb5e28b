#pragma once
// Whole-process measurements: run a command as a child, and read its wall time, CPU time (user +
// system, its own children included) and peak resident memory from wait4(2). This is what a user
// pays for `desksim run`, start-up, output writing and teardown included.
#include <string>
#include <vector>

namespace desksim::bench {

struct ProcessTiming {
  double wall_seconds = 0;
  double cpu_seconds = 0;
  double max_rss_mb = 0;  ///< the largest of the process and the children it waited for
  int exit_code = -1;
};

/// Runs argv (argv[0] is a path) with stdout and stderr discarded. Exits the benchmark with a message
/// if the command cannot start or fails: a failed run has no timing worth printing.
ProcessTiming time_command(const std::vector<std::string>& argv);

/// The run with the median wall time of `runs` runs (robust to a disturbed one on a shared machine).
ProcessTiming median_of(int runs, const std::vector<std::string>& argv);

}  // namespace desksim::bench
