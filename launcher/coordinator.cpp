// Rank 0 of a run or a sweep: plans it, has every (point, replication) task run on the ranks (one
// batch, launcher/task_coordinator.hpp), and has desksim write the outputs from the results.
#include <mpi.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/stop_signals.hpp"
#include "launcher/child_process.hpp"
#include "launcher/roles.hpp"
#include "launcher/stop_deadline.hpp"
#include "launcher/task_checkpoint.hpp"
#include "launcher/task_coordinator.hpp"

namespace desksim::launcher {

namespace {

using Clock = std::chrono::steady_clock;

struct Plan {
  PlanIdentity identity;
  std::string checkpoint;  // the folder where the results are kept (OUT/.mpi-partial)
};

/// Asks desksim for the plan (it checks the input as a run would; app::print_plan). Returns desksim's
/// exit code, 0 when the plan was read.
int read_plan(const LauncherOptions& options, Plan* plan) {
  std::vector<std::string> argv{options.desksim};
  argv.insert(argv.end(), options.command.begin(), options.command.end());
  argv.push_back("--plan");
  std::string out, error;
  const int code = run_to_end(argv, &out, &error);
  if (code != 0) {
    if (!error.empty()) std::cerr << "desksim-mpi: " << error << "\n";
    return code;
  }
  std::istringstream lines(out);
  std::string tasks, points, replications, identity, checkpoint;
  PlanIdentity& id = plan->identity;
  if (!(lines >> tasks >> id.tasks >> points >> id.points >> replications >> id.replications >> identity >> id.hash >>
        checkpoint) ||
      tasks != "tasks" || points != "points" || replications != "replications" || identity != "identity" ||
      checkpoint != "checkpoint" || id.tasks == 0 || id.tasks != id.points * id.replications ||
      !std::getline(lines >> std::ws, plan->checkpoint) || plan->checkpoint.empty()) {
    std::cerr << "desksim-mpi: " << options.desksim << " gave no plan (\"" << out
              << "\"): is it the desksim of this desksim-mpi?\n";
    return 1;
  }
  return 0;
}

/// Opens the folder of kept results: a new one, or with --resume the one an earlier job of the same
/// run left, if any. Returns 0, or the exit code when the run cannot go on (2: the folder holds
/// another run's results; 1: it cannot be written).
int open_checkpoint(const LauncherOptions& options, const Plan& plan, TaskCheckpoint* checkpoint) {
  std::string error;
  std::error_code ec;
  if (options.resume && std::filesystem::exists(plan.checkpoint, ec)) {
    if (!TaskCheckpoint::resume(plan.checkpoint, plan.identity, checkpoint, &error)) {
      std::cerr << "desksim-mpi: cannot resume: " << error << "\n";
      return 2;
    }
    const std::size_t kept = checkpoint->finished().size();
    if (kept == plan.identity.tasks)
      std::cerr << "desksim-mpi: resuming: the results of all " << plan.identity.shape() << " are kept in "
                << plan.checkpoint << "; only the outputs are left to write\n";
    else
      std::cerr << "desksim-mpi: resuming: the results of " << kept << " of " << plan.identity.shape()
                << " are kept in " << plan.checkpoint << "; the other " << plan.identity.tasks - kept << " will run\n";
    return 0;
  }
  // With --resume and nothing kept the run starts afresh, so that a batch script can say --resume
  // from its first submission (Slurm's --requeue runs the same script again).
  if (options.resume)
    std::cerr << "desksim-mpi: nothing to resume in " << plan.checkpoint << ": every task will run\n";
  bool replaced = false;
  if (!TaskCheckpoint::start(plan.checkpoint, plan.identity, checkpoint, &replaced, &error)) {
    std::cerr << "desksim-mpi: " << error << "\n";
    return 1;
  }
  if (replaced)
    std::cerr << "desksim-mpi: discarded the results an interrupted job kept in " << plan.checkpoint
              << " (--resume would have completed that run)\n";
  return 0;
}

}  // namespace

std::string fixed(double value, int decimals) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

std::string results_folder() {
  std::string folder = temporary_folder() + "/desksim-mpi-results.XXXXXX";
  if (::mkdtemp(folder.data()) == nullptr) {
    std::cerr << "desksim-mpi: cannot create a folder for the results in " << folder << "\n";
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  return folder;
}

bool abort_stuck_for_test() {
  const char* stuck = std::getenv("DESKSIM_MPI_TEST_STUCK_ABORT");
  return stuck != nullptr && *stuck != '\0';
}

int end_job(const TaskCoordinator& coordinator, int code) {
  if (coordinator.waiting_for_lost()) {
    std::cerr << "desksim-mpi: ending the MPI job without the lost ranks\n";
    MPI_Abort(MPI_COMM_WORLD, code);
  }
  return code;
}

void report_end(const TaskCoordinator& coordinator, const std::string& what, int ranks, double elapsed) {
  for (const std::string& line : coordinator.recovered()) std::cerr << "desksim-mpi: " << line << "\n";
  // Efficiency: the share of the ranks' time spent running tasks that gave a result (README, "Running
  // across machines"); what is missing from 1 went to planning, messages, idling and failed attempts
  // (and, for the optimiser, to the search's own work between rounds).
  const double useful = coordinator.useful_seconds();
  std::cerr << "desksim-mpi: " << what << " on " << ranks << (ranks == 1 ? " rank" : " ranks") << "; retried "
            << coordinator.retries() << ", ranks lost " << coordinator.lost_ranks() << "; elapsed " << fixed(elapsed, 2)
            << " s; efficiency " << fixed(useful / (ranks * elapsed), 2) << " = " << fixed(useful, 2)
            << " s of task wall time / (" << ranks << " x " << fixed(elapsed, 2) << " s)\n";
}

int coordinate(const LauncherOptions& options, int ranks) {
  if (options.command[0] == "optimise") return coordinate_optimise(options, ranks);
  const auto start = Clock::now();
  Plan plan;
  TaskCheckpoint checkpoint;
  int go = read_plan(options, &plan);
  if (go == 0) go = open_checkpoint(options, plan, &checkpoint);
  if (MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS) return 1;
  if (go != 0) return go;

  const PlanIdentity& id = plan.identity;
  const std::vector<unsigned> to_run = checkpoint.missing();  // all of them, unless resumed
  TaskBatch batch;  // its task i is the run's task to_run[i]
  batch.tasks = static_cast<unsigned>(to_run.size());
  batch.request = [&](unsigned i) {
    // desksim re-plans from the same command line and runs only that task of it.
    TaskRequest request{options.command, ""};
    request.arguments.insert(request.arguments.end(), {"--task", std::to_string(to_run[i])});
    return request;
  };
  batch.describe = [&](unsigned i) {
    const unsigned task = to_run[i];
    return "task " + std::to_string(task) + " (point " + std::to_string(task / id.replications) + ", replication " +
           std::to_string(task % id.replications) + ")";
  };
  batch.keep = [&](unsigned i, const std::string& bytes, std::string* error) {
    return checkpoint.keep(to_run[i], bytes, error);
  };
  TaskCoordinator coordinator(options, ranks);
  std::string failure;
  bool done = true;
  // From here a signal (Ctrl-C, the SIGTERM of Slurm's time limit or of scancel) ends the job at once,
  // keeping every result already in: mpirun's SIGKILL follows its SIGTERM within milliseconds, Slurm's
  // after KillWait (30 s by default). Once every result is in, it waits for the outputs instead
  // (desksim writes them whole or not at all).
  app::StopSignals signals;
  StopDeadline deadline(signals.fd(), kStopGrace,
                        "desksim-mpi: rank 0 did not end within " + std::to_string(kStopGrace.count() / 1000) +
                            " s of the signal and ends itself now; the results kept in " + checkpoint.folder() +
                            " stay there (desksim-mpi --resume runs only the others)\n");
  if (!to_run.empty()) done = coordinator.run(batch, {}, &failure, [&signals] { return signals.received() != 0; });
  if (const int signal = signals.received(); signal != 0 && !done) {
    const std::size_t kept = checkpoint.finished().size();
    std::cerr << "desksim-mpi: stopped by " << app::signal_name(signal) << ": the results of " << kept << " of "
              << id.shape() << " are kept in " << checkpoint.folder() << "; the outputs are as they were. The same "
              << "command with desksim-mpi --resume runs only the other " << id.tasks - kept << ".\n";
    // The other ranks may be running tasks: the job ends here. When the signal reached them too (mpirun
    // and srun send it to every rank), they first get a moment to stop their tasks and remove the
    // tasks' temporary files, which they do within 20 ms.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (abort_stuck_for_test()) std::this_thread::sleep_for(std::chrono::hours(1));
    MPI_Abort(MPI_COMM_WORLD, 128 + signal);
    return 128 + signal;
  }
  deadline.disarm();
  coordinator.finish();

  int code = 1;
  if (!done) {
    std::cerr << "desksim-mpi: the run failed: " << failure << "\ndesksim-mpi: no output was written; the results of "
              << checkpoint.finished().size() << " of " << id.shape() << " are kept in " << checkpoint.folder()
              << " (desksim-mpi --resume runs only the others)\n";
  } else {
    // The outputs, from the gathered results, by the code that writes those of a local run.
    std::vector<std::string> argv{options.desksim};
    argv.insert(argv.end(), options.command.begin(), options.command.end());
    argv.insert(argv.end(), {"--task-results", checkpoint.folder()});
    std::string error;
    code = run_to_end(argv, nullptr, &error);
    if (!error.empty()) std::cerr << "desksim-mpi: " << error << "\n";
    if (code == 0 && !checkpoint.remove(&error)) std::cerr << "desksim-mpi: " << error << "\n";
    if (code != 0)
      std::cerr << "desksim-mpi: every result is kept in " << checkpoint.folder()
                << ": desksim-mpi --resume writes the outputs without running anything again\n";
  }

  const std::string what = to_run.size() == id.tasks ? id.shape()
                                                      : id.shape() + ", " + std::to_string(to_run.size()) + " run by this job";
  report_end(coordinator, what, ranks, std::chrono::duration<double>(Clock::now() - start).count());
  return end_job(coordinator, code);
}

}  // namespace desksim::launcher
