#pragma once
// Whole-process measurements: run a command as a child, and read its wall time, CPU time (user +
// system, its own children included) and peak resident memory from wait4(2). This is what a user
// pays for `desksim run`, start-up, output writing and teardown included.
#include <sys/resource.h>

#include <filesystem>
#include <functional>
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

/// User + system seconds of a getrusage(2)/wait4(2) record.
double cpu_seconds(const rusage& usage);
/// The same for RUSAGE_SELF or RUSAGE_CHILDREN now.
double cpu_seconds_of(int who);

/// A scratch folder of this benchmark process under the system's temporary folder (created).
std::filesystem::path scratch_folder();

/// Runs `body` in a child process (a SimGrid engine may run only once per process) and returns the
/// text it returned. Exits the benchmark with the error if the child fails.
std::string run_in_child(const std::function<std::string()>& body);

/// The run with the median wall time of `runs` runs (robust to a disturbed one on a shared machine).
ProcessTiming median_of(int runs, const std::vector<std::string>& argv);

}  // namespace desksim::bench
