#pragma once
// The results of the tasks of a run or a sweep that have finished, kept on rank 0's disk until the
// outputs are written, so that a job stopped by its time limit (Slurm's SIGTERM), Ctrl-C, a crash of
// rank 0 or a task out of attempts can be completed by `desksim-mpi --resume` without computing them
// again.
//
// The folder (OUT/.mpi-partial, named by desksim's plan) holds:
//   identity      the plan's shape (tasks, points, replications) and identity (app::plan_identity:
//                 desksim's version, the seed, the replications and every point's scenario and
//                 platform file); a resumed run must match both, or it would mix results of two runs
//   task-<n>.pb   task n's result (app/task_files.hpp), present only once whole
// Every file is written by sim::write_durably (temporary name, flushed, renamed), so that a file
// present is whole even if the machine stops; the folder is removed once the outputs are in place.
#include <string>
#include <vector>

namespace desksim::launcher {

/// What desksim's plan says a run is.
struct PlanIdentity {
  unsigned tasks = 0, points = 0, replications = 0;
  std::string hash;  ///< app::plan_identity, 16 hex digits

  /// "32 tasks (8 points x 4 replications)".
  std::string shape() const;
};

class TaskCheckpoint {
 public:
  /// Starts an empty checkpoint in `folder` for the run `identity`, replacing whatever an earlier
  /// run left there (*replaced says whether there was something).
  static bool start(const std::string& folder, const PlanIdentity& identity, TaskCheckpoint* out, bool* replaced,
                    std::string* error);
  /// Opens the checkpoint in `folder`; refuses one that does not exist or was started for another
  /// run, with *error saying what differs.
  static bool resume(const std::string& folder, const PlanIdentity& identity, TaskCheckpoint* out, std::string* error);

  const std::string& folder() const { return folder_; }
  /// The tasks whose result is kept, in increasing order.
  std::vector<unsigned> finished() const { return tasks_kept(true); }
  /// The tasks whose result is not kept yet, in increasing order.
  std::vector<unsigned> missing() const { return tasks_kept(false); }
  /// Keeps task n's result; false with *error naming the file.
  bool keep(unsigned task, const std::string& bytes, std::string* error) const;
  /// Removes the folder and everything in it.
  bool remove(std::string* error) const;

 private:
  std::vector<unsigned> tasks_kept(bool kept) const;
  std::string folder_;
  unsigned tasks_ = 0;
};

}  // namespace desksim::launcher
