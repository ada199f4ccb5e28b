#pragma once
// What each rank of desksim-mpi does. All ranks first agree on the plan (rank 0 asks desksim for
// it and broadcasts whether it may go on); then rank 0 coordinates and every other rank serves.
#include "launcher/launcher_options.hpp"

namespace desksim::launcher {

/// Rank 0: plans, hands out tasks, runs tasks of its own between messages, gathers the results,
/// and has desksim write the outputs from them. Returns the exit code.
int coordinate(const LauncherOptions& options, int ranks);

/// Any other rank: runs the tasks it is given until rank 0 says stop. Returns the exit code.
int serve(const LauncherOptions& options);

/// How often a rank running a task tells rank 0 it is still there.
inline double heartbeat_seconds(const LauncherOptions& options) { return options.lost_after_seconds / 6; }

/// Test hook (README, "Running across machines"): the first attempt at the task named by the
/// environment variable DESKSIM_MPI_TEST_CRASH_TASK has its child process killed as it starts.
bool crash_for_test(unsigned task, unsigned attempt);

}  // namespace desksim::launcher
