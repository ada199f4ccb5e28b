// Rank 0 of `desksim-mpi optimise`: the search runs in one desksim child beside rank 0 (it is serial:
// each round's candidates depend on the last round's results), and each round's (candidate,
// replication) simulations run on the ranks as one batch of tasks (launcher/task_coordinator.hpp).
// app/optimise_rounds.hpp describes the link between the two. The search writes the outputs itself,
// with the code of a local `desksim optimise`, from results computed by the function its local pool
// calls: the outputs are the local command's.
#include <fcntl.h>
#include <mpi.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "app/optimise_rounds.hpp"
#include "app/task_files.hpp"
#include "launcher/child_process.hpp"
#include "launcher/roles.hpp"
#include "launcher/task_coordinator.hpp"
#include "sim/io/durable_file.hpp"

namespace desksim::launcher {

namespace {

using Clock = std::chrono::steady_clock;

/// The search's requests, a line at a time.
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}
  /// Waits at most `timeout_ms` for a whole line: 1 with it in *line, 0 when none came, -1 when the
  /// pipe has closed (the search has ended).
  int next(int timeout_ms, std::string* line) {
    for (;;) {
      if (const auto end = buffer_.find('\n'); end != std::string::npos) {
        *line = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        return 1;
      }
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, timeout_ms);
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) return 0;
      char chunk[256];
      const ssize_t n = ::read(fd_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return -1;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

 private:
  int fd_;
  std::string buffer_;
};

/// Runs one round's tasks on the ranks; false with *failure (for the search to report) when it could not.
bool run_round(TaskCoordinator* coordinator, const app::RoundRequest& round, const std::string& folder,
               SearchProcess* search, std::string* failure) {
  std::vector<std::string> candidates(round.candidates);
  for (unsigned c = 0; c < round.candidates; ++c) {
    std::ifstream in(app::candidate_file(folder, c), std::ios::binary);
    candidates[c].assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.is_open() || in.bad() || candidates[c].empty()) {
      *failure = app::candidate_file(folder, c) + ": missing or unreadable";
      return false;
    }
  }
  const unsigned replications = round.replications;
  TaskBatch batch;
  batch.tasks = round.candidates * replications;
  batch.keep = [&folder](unsigned task, const std::string& bytes, std::string* error) {
    return sim::write_durably(app::task_result_file(folder, task), bytes, error);
  };
  batch.request = [&](unsigned task) {
    return TaskRequest{{"replication-task", "--seed", std::to_string(round.seed), "--replication",
                        std::to_string(task % replications)},
                       candidates[task / replications]};
  };
  batch.describe = [&](unsigned task) {
    return "task " + std::to_string(task) + " of round " + std::to_string(round.round) + " (candidate " +
           std::to_string(task / replications) + ", replication " + std::to_string(task % replications) + ")";
  };
  // A search that has ended (killed, say) wants no more results: the round is abandoned.
  const auto search_runs = [search] { return !search->exit_code().has_value(); };
  if (coordinator->run(batch, search_runs, failure)) return true;
  *failure = "the simulations of round " + std::to_string(round.round) + " failed on the MPI ranks: " + *failure;
  return false;
}

}  // namespace

int coordinate_optimise(const LauncherOptions& options, int ranks) {
  const auto start = Clock::now();
  int go = 0;  // the search checks its own input (exit 2 when bad); the ranks wait for its rounds
  if (MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS) return 1;
  // An answer to a search that has just ended must be an error code here, not the end of rank 0.
  ::signal(SIGPIPE, SIG_IGN);

  const std::string folder = results_folder();
  int request[2] = {-1, -1}, answer[2] = {-1, -1};  // [0] read end, [1] write end
  if (::pipe2(request, O_CLOEXEC) != 0 || ::pipe2(answer, O_CLOEXEC) != 0) {
    std::cerr << "desksim-mpi: cannot create a pipe: " << std::strerror(errno) << "\n";
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  std::vector<std::string> argv{options.desksim};
  argv.insert(argv.end(), options.command.begin(), options.command.end());
  argv.insert(argv.end(), {"--rounds-folder", folder, "--rounds-request-fd", std::to_string(request[1]),
                           "--rounds-answer-fd", std::to_string(answer[0]), "--rounds-ranks", std::to_string(ranks)});
  SearchProcess search;
  TaskCoordinator coordinator(options, ranks);
  std::string error;
  int code = 1;
  unsigned rounds = 0, candidates = 0, replications = 0;
  const bool started = search.start(argv, {request[1], answer[0]}, &error);
  ::close(request[1]);  // the search's ends: its exit closes the request pipe
  ::close(answer[0]);
  if (!started) {
    std::cerr << "desksim-mpi: " << options.desksim << ": " << error << "\n";
  } else {
    LineReader requests(request[0]);
    std::string line;
    for (int got; (got = requests.next(100, &line)) >= 0;) {
      if (got == 0) continue;
      app::RoundRequest round;
      std::string failure;
      bool done = false;
      if (!app::parse_round_request(line, &round)) {
        failure = "desksim-mpi cannot read the request \"" + line + "\"";
        round.round = rounds;
      } else {
        ++rounds;
        candidates += round.candidates;
        replications = round.replications;
        done = run_round(&coordinator, round, app::round_folder(folder, round.round), &search, &failure);
      }
      if (!done) std::ofstream(app::round_failure_file(app::round_folder(folder, round.round))) << failure;
      app::write_all(answer[1], done ? "done\n" : "failed\n");  // if the search has ended, its exit code says why
    }
    code = *search.exit_code(/*wait=*/true);
  }
  ::close(request[0]);
  ::close(answer[1]);
  coordinator.finish();
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);

  if (rounds > 0)
    report_end(coordinator,
               std::to_string(rounds) + " rounds of the search, " + std::to_string(coordinator.tasks()) + " tasks (" +
                   std::to_string(candidates) + " candidates x " + std::to_string(replications) + " replications)",
               ranks, std::chrono::duration<double>(Clock::now() - start).count());
  return end_job(coordinator, code);
}

}  // namespace desksim::launcher
