// Rank 0: plans the run, hands out one task at a time to whichever rank asks, runs tasks itself
// between messages, gathers the results, and has desksim write the outputs from them.
//
// Rank 0 works too: a task runs in a child process, so rank 0's own loop is free to answer the
// other ranks within milliseconds while its child computes; a rank that only coordinated would leave
// one core of its machine idle (and with one rank nothing would run at all).
#include <mpi.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/task_files.hpp"
#include "launcher/child_process.hpp"
#include "launcher/job_scheduler.hpp"
#include "launcher/mpi_channel.hpp"
#include "launcher/roles.hpp"

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

std::string describe(const Plan& plan, unsigned task) {
  return "task " + std::to_string(task) + " (point " + std::to_string(task / plan.replications) + ", replication " +
         std::to_string(task % plan.replications) + ")";
}

bool write_result(const std::string& folder, unsigned task, const std::string& bytes) {
  const std::string path = app::task_result_file(folder, task);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

std::string fixed(double value, int decimals) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

/// The gathering loop: every task done, or one out of attempts. False if rank 0 cannot keep a result.
class Coordinator {
 public:
  Coordinator(const LauncherOptions& options, int ranks, const Plan& plan, std::string folder)
      : options_(options),
        plan_(plan),
        folder_(std::move(folder)),
        ranks_(ranks),
        scheduler_(JobSchedulerOptions{plan.tasks, ranks, options.max_attempts}),
        last_word_(static_cast<std::size_t>(ranks), Clock::now()),
        stopped_(static_cast<std::size_t>(ranks), false) {}

  bool run() {
    while (!over()) {
      bool busy = receive_all();
      busy = collect_own() || busy;
      find_lost_ranks();
      busy = assign() || busy;
      if (!busy) {
        if (own_.running()) {
          if (auto ended = own_.poll(2)) finish_own(std::move(*ended));
        } else {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
      }
    }
    return keep_error_.empty();
  }

  const JobScheduler& scheduler() const { return scheduler_; }
  const std::string& keep_error() const { return keep_error_; }
  /// Lost ranks that were never told to stop: MPI_Finalize would wait for them.
  bool waiting_for_lost() const {
    for (int r = 1; r < ranks_; ++r)
      if (scheduler_.lost(r) && !stopped_[r]) return true;
    return false;
  }

 private:
  bool over() const {
    if (!scheduler_.finished() || own_.running()) return false;
    for (int r = 1; r < ranks_; ++r)
      if (!stopped_[r] && !scheduler_.lost(r)) return false;
    return true;
  }

  void ended(int rank, const Assignment& a, bool ok, double seconds, const std::string& payload) {
    if (ok) {
      if (!write_result(folder_, a.job, payload)) {
        keep_error_ = app::task_result_file(folder_, a.job) + ": cannot keep the result";
        scheduler_.failed(rank, a, seconds, keep_error_);
        scheduler_.abandon(keep_error_);
        return;
      }
      scheduler_.succeeded(rank, a, seconds);
      return;
    }
    const bool again = scheduler_.failed(rank, a, seconds, payload);
    std::cerr << "desksim-mpi: " << describe(plan_, a.job) << ", attempt " << a.attempt << ", failed on rank " << rank
              << ": " << payload << "\n";
    if (again)
      std::cerr << "desksim-mpi: it will run again " << (live_ranks() > 1 ? "on another rank" : "on this rank, the only one")
                << "\n";
  }

  int live_ranks() const {
    int live = 0;
    for (int r = 0; r < ranks_; ++r) live += scheduler_.lost(r) ? 0 : 1;
    return live;
  }

  /// Every message that has arrived. True if there was any.
  bool receive_all() {
    bool any = false;
    Message m;
    bool failed = false;
    while (try_receive(MPI_ANY_SOURCE, &m, &failed)) {
      any = true;
      last_word_[m.source] = Clock::now();
      if (scheduler_.lost(m.source)) {  // taken for lost, yet it speaks: its word is too late; let it go
        if (m.tag != kHeartbeat && !stopped_[m.source]) stopped_[m.source] = send_message(m.source, kStop);
        continue;
      }
      const Assignment a{m.header.job, m.header.attempt};
      if (m.tag == kReady) {
        idle_.insert(m.source);
      } else if ((m.tag == kResult || m.tag == kFailed) && scheduler_.running_on(m.source) == a) {
        ended(m.source, a, m.tag == kResult, m.header.seconds, m.payload);
        idle_.insert(m.source);
      }
    }
    if (failed) std::cerr << "desksim-mpi: an MPI receive failed; carrying on with the ranks that answer\n";
    return any;
  }

  bool collect_own() {
    if (!own_.running()) return false;
    auto ended = own_.poll(0);
    if (!ended) return false;
    finish_own(std::move(*ended));
    return true;
  }

  void finish_own(TaskOutcome outcome) {
    ended(0, own_task_, outcome.ok, outcome.seconds, outcome.ok ? outcome.bytes : outcome.why);
  }

  void find_lost_ranks() {
    const auto limit = std::chrono::duration<double>(options_.lost_after_seconds);
    for (int r = 1; r < ranks_; ++r) {
      if (!scheduler_.running_on(r) || Clock::now() - last_word_[r] < limit) continue;
      lose(r, "no word from it for " + fixed(options_.lost_after_seconds, 0) + " s");
    }
  }

  void lose(int rank, const std::string& why) {
    const auto was = scheduler_.lose(rank, "rank " + std::to_string(rank) + " lost: " + why);
    idle_.erase(rank);
    std::cerr << "desksim-mpi: rank " << rank << " is taken as lost (" << why << ")";
    if (was) std::cerr << "; " << describe(plan_, was->job) << " will run on another rank";
    std::cerr << "\n";
  }

  /// Hands tasks to the free ranks (rank 0 included), or tells them to stop. True if it did anything.
  bool assign() {
    bool any = false;
    for (auto it = idle_.begin(); it != idle_.end();) {
      const int r = *it;
      if (scheduler_.finished()) {
        stopped_[r] = send_message(r, kStop);
        if (!stopped_[r]) lose(r, "it cannot be told to stop");
        it = idle_.erase(it);
        any = true;
      } else if (auto a = scheduler_.next(r)) {
        last_word_[r] = Clock::now();
        if (!send_message(r, kTask, MessageHeader{a->job, a->attempt, 0})) {
          it = idle_.erase(it);
          lose(r, "a task cannot be sent to it");
        } else {
          it = idle_.erase(it);
        }
        any = true;
      } else {
        ++it;
      }
    }
    if (!own_.running() && !scheduler_.finished()) {
      if (auto a = scheduler_.next(0)) {
        own_task_ = *a;
        TaskOutcome outcome;
        if (!own_.start(options_.desksim, options_.command, a->job, crash_for_test(a->job, a->attempt), &outcome))
          finish_own(std::move(outcome));
        any = true;
      }
    }
    return any;
  }

  const LauncherOptions& options_;
  Plan plan_;
  std::string folder_;
  int ranks_;
  JobScheduler scheduler_;
  std::vector<Clock::time_point> last_word_;  // by rank
  std::vector<bool> stopped_;                  // by rank: told to stop
  std::set<int> idle_;                         // ranks waiting for a task
  TaskProcess own_;
  Assignment own_task_;
  std::string keep_error_;
};

}  // namespace

int coordinate(const LauncherOptions& options, int ranks) {
  const auto start = Clock::now();
  Plan plan;
  int go = read_plan(options, &plan);
  if (MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS) return 1;
  if (go != 0) return go;

  const char* tmp = std::getenv("TMPDIR");
  std::string folder = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/desksim-mpi-results.XXXXXX";
  if (::mkdtemp(folder.data()) == nullptr) {
    std::cerr << "desksim-mpi: cannot create a folder for the results in " << folder << "\n";
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  Coordinator coordinator(options, ranks, plan, folder);
  const bool kept = coordinator.run();
  const JobScheduler& scheduler = coordinator.scheduler();

  int code = 1;
  if (!kept) {
    std::cerr << "desksim-mpi: " << coordinator.keep_error() << "\n";
  } else if (!scheduler.succeeded_all()) {
    const auto& history = scheduler.history();
    const auto last = std::find_if(history.rbegin(), history.rend(), [](const AttemptRecord& r) { return !r.succeeded; });
    std::cerr << "desksim-mpi: the run failed: ";
    if (last != history.rend())
      std::cerr << describe(plan, last->assignment.job) << " failed " << last->assignment.attempt << " of "
                << options.max_attempts << " attempts; the last, on rank " << last->rank << ": " << last->why;
    else
      std::cerr << scheduler.failure();
    std::cerr << "\ndesksim-mpi: nothing was written\n";
  } else {
    // The outputs, from the gathered results, by the code that writes those of a local run.
    std::vector<std::string> argv{options.desksim};
    argv.insert(argv.end(), options.command.begin(), options.command.end());
    argv.insert(argv.end(), {"--task-results", folder});
    std::string error;
    code = run_to_end(argv, nullptr, &error);
    if (!error.empty()) std::cerr << "desksim-mpi: " << error << "\n";
  }
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);

  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  const double useful = scheduler.useful_seconds();
  unsigned lost = 0;
  for (int r = 1; r < ranks; ++r) lost += scheduler.lost(r) ? 1 : 0;
  for (const AttemptRecord& record : scheduler.history()) {
    if (record.succeeded && record.assignment.attempt > 1)
      std::cerr << "desksim-mpi: " << describe(plan, record.assignment.job) << " done on rank " << record.rank
                << " at attempt " << record.assignment.attempt << "\n";
  }
  // Efficiency: the share of the ranks' time spent running tasks that gave a result (README, "Running
  // across machines"); what is missing from 1 went to planning, messages, idling and failed attempts.
  std::cerr << "desksim-mpi: " << plan.tasks << " tasks (" << plan.points << " points x " << plan.replications
            << " replications) on " << ranks << (ranks == 1 ? " rank" : " ranks") << "; retried " << scheduler.retries()
            << ", ranks lost " << lost << "; elapsed " << fixed(elapsed, 2) << " s; efficiency "
            << fixed(useful / (ranks * elapsed), 2) << " = " << fixed(useful, 2) << " s of task wall time / (" << ranks
            << " x " << fixed(elapsed, 2) << " s)\n";
  if (coordinator.waiting_for_lost()) {
    // MPI_Finalize would wait for them forever: end the job here (the outputs are in place).
    std::cerr << "desksim-mpi: ending the MPI job without the lost ranks\n";
    MPI_Abort(MPI_COMM_WORLD, code);
  }
  return code;
}

}  // namespace desksim::launcher
