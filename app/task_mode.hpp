#pragma once
// The plumbing with which desksim-mpi (launcher/) spreads a run or a sweep over machines. It passes
// the user's own `desksim run|sweep` command line, plus one hidden option that says what to do
// instead of the whole run:
//   --plan                    check the input as a run would, then print the plan (print_plan)
//   --task N --task-out FILE  run task N alone, in this process, and write its result's bytes to FILE
//   --task-results DIR        run nothing: take every task's result from DIR (app/task_files.hpp) and
//                             write the outputs as the run would
// (`desksim optimise` has plumbing of its own, app/optimise_rounds.hpp, whose tasks run as
// `desksim replication-task`.)
// A task is computed by the very function the local runner calls for it, with the same seed and
// indices, and the outputs are written by the same code: the outputs are the local run's, byte for byte.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "desksim/scenario.pb.h"

namespace desksim::app {

struct TaskModeArguments {
  /// Print the plan and run nothing.
  bool plan = false;
  /// Run this task only (with task_out); -1 = not asked.
  long long task = -1;
  /// Where --task writes the task's serialised ReplicationResult (written whole, then renamed).
  std::string task_out;
  /// Folder of every task's result: assemble the outputs from them instead of running.
  std::string task_results;

  bool any() const { return plan || task >= 0 || !task_results.empty(); }
};

/// Registers the hidden options on `command`.
void add_task_mode_options(CLI::App* command, TaskModeArguments* args);

/// The name of the folder, inside the command's --out, where desksim-mpi keeps the results of the
/// tasks that have finished until the outputs are written (`desksim-mpi --resume` runs only the others).
inline constexpr const char* kMpiCheckpointFolder = ".mpi-partial";

/// The platform file's bytes (empty when the scenario names none): results depend on them, so a kept
/// result is tied to them as well as to the scenario.
std::string platform_bytes(const scenario::Scenario& scenario);

/// What a task's result depends on, as 16 hex digits: desksim's version, the seed, the replications
/// per point, and each point's scenario (serialised deterministically) and platform file. Two runs
/// with the same identity compute the same result for the same task, so desksim-mpi may take a kept
/// result for one made by the run it resumes (a 64-bit FNV-1a hash: it tells inputs apart; it does
/// not guard against forgeries).
std::string plan_identity(const std::vector<scenario::Scenario>& points, std::uint64_t seed, unsigned replications);

/// Prints the plan on stdout, three lines, for desksim-mpi:
///   tasks T points P replications R
///   identity HEX          (plan_identity)
///   checkpoint FOLDER     (OUT/.mpi-partial, the rest of the line)
void print_plan(const std::vector<scenario::Scenario>& points, std::uint64_t seed, unsigned replications,
                const std::string& out);

/// Which point and replication task `task` is (replication task % replications of point task /
/// replications); false with *error when there is no such task.
bool locate_task(long long task, std::size_t points, unsigned replications, std::size_t* point, unsigned* replication,
                 std::string* error);

/// Runs replication `replication` of `point_scenario` (point `point` of the run, for messages) with the
/// run's `seed`, in this process, and writes its bytes to args.task_out. Exit code: 0 done, 1 failed.
int run_one_task(const scenario::Scenario& point_scenario, std::uint64_t seed, std::size_t point,
                 unsigned replication, const TaskModeArguments& args, const std::string& command);

/// Runs replication `replication` of `scenario` with `seed`, in this process, and writes its bytes to
/// `task_out`; `what` names the task in messages, `command` the command. Exit code: 0 done, 1 failed.
int run_replication_task(const scenario::Scenario& scenario, std::uint64_t seed, unsigned replication,
                         const std::string& task_out, const std::string& what, const std::string& command);

/// Writes `bytes` under a temporary name beside `path` (path + ".part"), then renames it: a file
/// present is whole. False with *error naming the path.
bool write_whole(const std::string& path, const std::string& bytes, std::string* error);

/// Reads tasks 0..tasks-1 from `folder` into *finished; false with *error naming the first one missing.
bool read_task_results(const std::string& folder, unsigned tasks, std::map<unsigned, std::string>* finished,
                       std::string* error);

}  // namespace desksim::app
