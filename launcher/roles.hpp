#pragma once
// What each rank of desksim-mpi does. All ranks first agree whether to go on (for a run or a sweep,
// rank 0 asks desksim for the plan; for the optimiser, the search checks its own input); then rank 0
// coordinates and every other rank serves.
#include <string>

#include "launcher/launcher_options.hpp"

namespace desksim::launcher {

class TaskCoordinator;

/// Rank 0 of a run or a sweep: plans, hands out tasks, runs tasks of its own between messages,
/// gathers the results, and has desksim write the outputs from them. Returns the exit code.
/// For `optimise`, coordinate_optimise.
int coordinate(const LauncherOptions& options, int ranks);

/// Rank 0 of `optimise` (launcher/optimise_driver.cpp): runs the search in a desksim child and has
/// each of its rounds' candidates simulated on the ranks. Returns the search's exit code.
int coordinate_optimise(const LauncherOptions& options, int ranks);

/// Any other rank: runs the tasks it is given until rank 0 says stop. Returns the exit code.
int serve(const LauncherOptions& options);

/// How often a rank running a task tells rank 0 it is still there.
inline double heartbeat_seconds(const LauncherOptions& options) { return options.lost_after_seconds / 6; }

/// Test hook (README, "Running across machines"): the first attempt at the task named by the
/// environment variable DESKSIM_MPI_TEST_CRASH_TASK (in each batch: each round of the optimiser) has
/// its child process killed as it starts.
bool crash_for_test(unsigned task, unsigned attempt);

/// Test hook: when the environment variable DESKSIM_MPI_TEST_STUCK_ABORT is set, rank 0 stopped by a
/// signal hangs where it would call MPI_Abort, as once seen under Slurm (launcher/stop_deadline.hpp).
bool abort_stuck_for_test();

// Shared by the two ways rank 0 works (launcher/coordinator.cpp).

/// `value` with `decimals` decimals.
std::string fixed(double value, int decimals);
/// A new folder for rank 0's results in $TMPDIR (else /tmp); the job ends if it cannot be made.
std::string results_folder();
/// The closing lines on stderr: each task run again that succeeded, then what ran (`what`, e.g. "32
/// tasks (8 points x 4 replications)"), retries, lost ranks, elapsed time and efficiency.
void report_end(const TaskCoordinator& coordinator, const std::string& what, int ranks, double elapsed);
/// Ends rank 0's part with exit code `code`: when a rank was lost, the whole MPI job ends here, since
/// MPI_Finalize would wait for the lost ranks forever (the outputs are in place by then).
int end_job(const TaskCoordinator& coordinator, int code);

}  // namespace desksim::launcher
