#pragma once
// desksim-mpi's command line: its own options, then the desksim command it spreads over the ranks.
//   desksim-mpi [--desksim PATH] [--max-attempts N] [--lost-after SECONDS] [--resume] [--] run|sweep|optimise ARGS...
#include <string>
#include <vector>

namespace desksim::launcher {

struct LauncherOptions {
  /// The desksim executable every rank runs (a path; the same on every machine). Default: the one
  /// beside desksim-mpi.
  std::string desksim;
  /// `run`, `sweep` or `optimise` and its arguments, exactly as for a local desksim command.
  std::vector<std::string> command;
  /// Attempts at one task before the run fails (>= 1). Default 3.
  unsigned max_attempts = 3;
  /// A rank that runs a task and has not been heard from for this long (it reports every
  /// lost_after / 6 while its task runs) is taken as lost, and its task is run elsewhere (> 0). Default 120.
  double lost_after_seconds = 120;
  /// Run and sweep only: take the results an earlier, stopped job of the same command kept in
  /// OUT/.mpi-partial (launcher/task_checkpoint.hpp) and run only the tasks missing from it; with no
  /// such folder, run every task. Refused when the folder was made for another run. Default false:
  /// any such folder is discarded.
  bool resume = false;

  bool IsValid(std::string* error) const;
};

/// Reads the command line; false with *error on a usage error (or --help, with *error the help text
/// and *help set).
bool parse_launcher_options(int argc, char** argv, LauncherOptions* out, std::string* error, bool* help);

}  // namespace desksim::launcher
