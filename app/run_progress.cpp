#include "app/run_progress.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include <pthread.h>

#include "analysis/report/progress_line.hpp"

namespace desksim::app {
namespace {

// The reporter thread allocates (it formats the line) while the runner forks replications. A child
// forked while another thread holds the allocator's lock inherits it held and waits forever: glibc's
// malloc takes its locks around fork, AddressSanitizer's allocator (GCC 12) does not, and the progress
// test hung there. So the reporter prints only under this mutex, and fork takes it first.
std::mutex printing;
void register_fork_guard() {
  static std::once_flag once;
  std::call_once(once, [] {
    ::pthread_atfork([] { printing.lock(); }, [] { printing.unlock(); }, [] { printing.unlock(); });
  });
}

// write(2) straight to fd 2: the children are forked while this thread runs, and a raw system call
// holds no lock a child could inherit locked.
void write_stderr(const std::string& text) {
  std::size_t left = text.size();
  const char* data = text.data();
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

// Reads one byte per finished replication from `fd` until every writer has closed it, printing the
// progress line at each and, on a terminal, once a second so that the elapsed time moves.
void report_progress(int fd, std::string label, unsigned total, unsigned already_done, bool terminal,
                     std::promise<void>* started) {
  const auto start = std::chrono::steady_clock::now();
  unsigned done = already_done;
  auto print = [&](bool last) {
    const std::lock_guard<std::mutex> no_fork_meanwhile(printing);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string line = analysis::progress_line(label, done, total, elapsed);
    // On a terminal the line is redrawn in place (\r, then clear to the end of the line).
    write_stderr(terminal ? "\r" + line + "\x1b[K" + (last ? "\n" : "") : line + "\n");
  };
  print(false);
  started->set_value();  // from here on this thread allocates only in print(), under the mutex
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, terminal ? 1000 : -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      print(false);
      continue;
    }
    char buffer[64];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // every writer closed: the run is over
    // One line per finished replication, even when several finished between two reads.
    for (ssize_t k = 0; k < n; ++k) {
      ++done;
      print(done == total);
    }
  }
  if (terminal && done != total) write_stderr("\n");
}

}  // namespace

bool show_progress(bool asked) { return asked || ::isatty(STDERR_FILENO); }

namespace {

// Runs `run` with options whose on_replication_done tells the reporter thread, which prints
// `done of total` (replications kept from an interrupted run count as done from the start).
bool with_progress(const models::RunOptions& options, const std::string& label, unsigned total, unsigned kept,
                   const std::function<bool(const models::RunOptions&)>& run) {
  int fds[2];
  if (::pipe(fds) != 0) return run(options);
  register_fork_guard();
  // No replication is forked before the thread has started and printed once: starting a thread
  // allocates outside the mutex (its stack, the sanitizer's per-thread state).
  std::promise<void> started;
  std::thread reporter(report_progress, fds[0], label, total, kept, ::isatty(STDERR_FILENO) != 0, &started);
  started.get_future().wait();
  models::RunOptions reporting = options;
  const int done_fd = fds[1];
  reporting.on_replication_done = [done_fd](unsigned) {
    const char one = 1;
    (void)::write(done_fd, &one, 1);  // in the child: tell the parent this replication is done
  };
  const bool ok = run(reporting);
  ::close(fds[1]);  // the children have exited; with the parent's end closed, the reader sees the end
  reporter.join();
  ::close(fds[0]);
  return ok;
}

}  // namespace

bool run_scenario_with_progress(const scenario::Scenario& scenario, const models::RunOptions& options,
                                const std::string& label, results::RunResult* out, std::string* error,
                                bool* stopped) {
  const unsigned kept =
      options.checkpoint ? static_cast<unsigned>(options.checkpoint->finished(options.ticket_records).size()) : 0;
  return with_progress(options, label, options.replications, kept, [&](const models::RunOptions& o) {
    return models::run_scenario(scenario, o, out, error, stopped);
  });
}

bool run_scenarios_with_progress(const std::vector<scenario::Scenario>& scenarios, const models::RunOptions& options,
                                 const std::string& label, std::vector<results::RunResult>* out, std::string* error,
                                 bool* stopped) {
  const auto total = static_cast<unsigned>(scenarios.size()) * options.replications;
  return with_progress(options, label, total, 0, [&](const models::RunOptions& o) {
    return models::run_scenarios(scenarios, o, out, error, stopped);
  });
}

}  // namespace desksim::app
