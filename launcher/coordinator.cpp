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
#include <vector>

#include "launcher/child_process.hpp"
#include "launcher/roles.hpp"
#include "launcher/task_coordinator.hpp"

namespace desksim::launcher {

namespace {

using Clock = std::chrono::steady_clock;

struct Plan {
  unsigned tasks = 0, points = 0, replications = 0;
};

/// Asks desksim for the plan (it checks the input as a run would). Returns desksim's exit code, 0 when
/// the plan was read.
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
  std::istringstream line(out);
  std::string tasks, points, replications;
  if (!(line >> tasks >> plan->tasks >> points >> plan->points >> replications >> plan->replications) ||
      tasks != "tasks" || points != "points" || replications != "replications" || plan->tasks == 0) {
    std::cerr << "desksim-mpi: " << options.desksim << " gave no plan (\"" << out
              << "\"): is it the desksim of this desksim-mpi?\n";
    return 1;
  }
  return 0;
}

}  // namespace

std::string fixed(double value, int decimals) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

std::string results_folder() {
  const char* tmp = std::getenv("TMPDIR");
  std::string folder = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/desksim-mpi-results.XXXXXX";
  if (::mkdtemp(folder.data()) == nullptr) {
    std::cerr << "desksim-mpi: cannot create a folder for the results in " << folder << "\n";
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  return folder;
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
  int go = read_plan(options, &plan);
  if (MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS) return 1;
  if (go != 0) return go;

  TaskBatch batch;
  batch.tasks = plan.tasks;
  batch.folder = results_folder();
  batch.request = [&](unsigned task) {
    // desksim re-plans from the same command line and runs only task `task` of it.
    TaskRequest request{options.command, ""};
    request.arguments.insert(request.arguments.end(), {"--task", std::to_string(task)});
    return request;
  };
  batch.describe = [&](unsigned task) {
    return "task " + std::to_string(task) + " (point " + std::to_string(task / plan.replications) + ", replication " +
           std::to_string(task % plan.replications) + ")";
  };
  TaskCoordinator coordinator(options, ranks);
  std::string failure;
  const bool done = coordinator.run(batch, {}, &failure);
  coordinator.finish();

  int code = 1;
  if (!done) {
    std::cerr << "desksim-mpi: the run failed: " << failure << "\ndesksim-mpi: nothing was written\n";
  } else {
    // The outputs, from the gathered results, by the code that writes those of a local run.
    std::vector<std::string> argv{options.desksim};
    argv.insert(argv.end(), options.command.begin(), options.command.end());
    argv.insert(argv.end(), {"--task-results", batch.folder});
    std::string error;
    code = run_to_end(argv, nullptr, &error);
    if (!error.empty()) std::cerr << "desksim-mpi: " << error << "\n";
  }
  std::error_code ec;
  std::filesystem::remove_all(batch.folder, ec);

  report_end(coordinator,
             std::to_string(plan.tasks) + " tasks (" + std::to_string(plan.points) + " points x " +
                 std::to_string(plan.replications) + " replications)",
             ranks, std::chrono::duration<double>(Clock::now() - start).count());
  return end_job(coordinator, code);
}

}  // namespace desksim::launcher
