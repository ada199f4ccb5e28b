#pragma once
// Rank 0's side of the ranks: hands out the tasks of a batch one at a time to whichever rank asks,
// runs tasks itself between messages, keeps the results, and runs again what fails (JobScheduler).
// A run or a sweep is one batch; the optimiser's search is one batch per round, the ranks waiting
// between rounds, and a rank lost in one round gets no task in the next.
//
// Rank 0 works too: a task runs in a child process, so rank 0's own loop is free to answer the
// other ranks within milliseconds while its child computes; a rank that only coordinated would leave
// one core of its machine idle (and with one rank nothing would run at all).
#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "launcher/child_process.hpp"
#include "launcher/job_scheduler.hpp"
#include "launcher/launcher_options.hpp"
#include "launcher/task_request.hpp"

namespace desksim::launcher {

/// The tasks of one batch.
struct TaskBatch {
  /// Tasks 0..tasks-1 (>= 1).
  unsigned tasks = 1;
  /// What a rank runs for task t.
  std::function<TaskRequest(unsigned task)> request;
  /// Task t in words, for messages, e.g. "task 1 (point 0, replication 1)".
  std::function<std::string(unsigned task)> describe;
  /// Keeps task t's result (on disk, whole: write_durably); false with *error when it cannot.
  std::function<bool(unsigned task, const std::string& bytes, std::string* error)> keep;
};

class TaskCoordinator {
 public:
  TaskCoordinator(const LauncherOptions& options, int ranks);

  /// Runs the batch to its end. True when every task's result is kept; false when a task ran out of
  /// attempts, a result could not be kept, or `go_on` (asked between events; may be empty) said no:
  /// then *failure says which and why, and the tasks still running are waited for. `stop_now` (asked
  /// between events; may be empty) ends the batch at once instead, as a signal to end the job does:
  /// rank 0's own task is killed and the other ranks' tasks are left running (the caller ends the job).
  bool run(const TaskBatch& batch, const std::function<bool()>& go_on, std::string* failure,
           const std::function<bool()>& stop_now = {});
  /// Tells every live rank that there are no more tasks (waiting for those that have not yet asked).
  void finish();

  /// Over every batch: tasks, attempts run again, wall time of the attempts that gave a result.
  unsigned tasks() const { return tasks_; }
  unsigned retries() const { return retries_; }
  double useful_seconds() const { return useful_seconds_; }
  unsigned lost_ranks() const { return static_cast<unsigned>(lost_.size()); }
  /// "task 1 (point 0, replication 1) done on rank 2 at attempt 2", for each task that was run again.
  const std::vector<std::string>& recovered() const { return recovered_; }
  /// Lost ranks that were never told to stop: MPI_Finalize would wait for them.
  bool waiting_for_lost() const;

 private:
  bool lost(int rank) const { return lost_.count(rank) != 0; }
  bool batch_over() const;
  void ended(int rank, const Assignment& a, bool ok, double seconds, const std::string& payload);
  int live_ranks() const;
  bool receive_all();
  bool collect_own();
  void finish_own(TaskOutcome outcome);
  void find_lost_ranks();
  void lose(int rank, const std::string& why);
  bool assign();
  void stop_idle_ranks();

  const LauncherOptions& options_;
  int ranks_;
  const TaskBatch* batch_ = nullptr;              // the batch running, if any
  std::unique_ptr<JobScheduler> scheduler_;       // its scheduler
  std::string keep_error_;                        // a result that could not be kept
  std::vector<std::chrono::steady_clock::time_point> last_word_;  // by rank
  std::vector<bool> stopped_;                     // by rank: told to stop
  std::set<int> idle_;                            // ranks waiting for a task
  std::set<int> lost_;
  TaskProcess own_;
  Assignment own_task_;
  unsigned tasks_ = 0, retries_ = 0;
  double useful_seconds_ = 0;
  std::vector<std::string> recovered_;
};

}  // namespace desksim::launcher
