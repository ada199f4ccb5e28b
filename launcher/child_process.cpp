#include "launcher/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>

#include "analysis/export/temporary_owner.hpp"

namespace desksim::launcher {

namespace {

constexpr std::size_t kStderrKept = 2000;  // the end of a failed child's stderr, in its failure message

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("killed by signal ") + strsignal(WTERMSIG(status));
  return "unknown status";
}

/// Forks a child that runs argv with stdout to `out_fd` and stderr to `err_fd` (-1 = inherited);
/// `pass_fds` (opened close-on-exec, so that no other child has them) stay open in this one.
/// Only async-signal-safe calls between fork and exec: an MPI process may have threads.
pid_t spawn(const std::vector<std::string>& argv, int out_fd, int err_fd, int close_fd,
            const std::vector<int>& pass_fds = {}) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t parent = ::getpid();
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) _exit(127);  // the rank died before the line above took effect
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);  // the MPI library may block signals; exec keeps the mask
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  ::sigaction(SIGPIPE, &default_action, nullptr);  // rank 0 ignores it (optimise_driver.cpp); exec would keep that
  for (const int fd : pass_fds) ::fcntl(fd, F_SETFD, 0);
  if (close_fd >= 0) ::close(close_fd);
  if (out_fd >= 0) ::dup2(out_fd, STDOUT_FILENO);
  if (err_fd >= 0) ::dup2(err_fd, STDERR_FILENO);
  ::execv(args[0], args.data());
  _exit(127);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

constexpr const char* kTaskOut = "desksim-mpi-task.";
constexpr const char* kTaskIn = "desksim-mpi-task-in.";

/// A new empty temporary file of this machine, `prefix` + "<host>.<pid>.XXXXXX" in temporary_folder(),
/// so that a later run can tell it from a live rank's; empty on failure.
std::string temporary_file(const char* prefix) {
  std::string path = temporary_folder() + "/" + prefix + analysis::temporary_owner() + "XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return "";
  ::close(fd);
  return path;
}

}  // namespace

std::string temporary_folder() {
  const char* tmp = std::getenv("TMPDIR");
  return tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
}

void remove_task_files_left_by_dead_ranks() {
  analysis::remove_left_by_dead_processes(temporary_folder(), kTaskOut);
  analysis::remove_left_by_dead_processes(temporary_folder(), kTaskIn);
}

int run_to_end(const std::vector<std::string>& argv, std::string* out, std::string* error) {
  int fds[2] = {-1, -1};
  if (out != nullptr && ::pipe(fds) != 0) {
    *error = std::string("pipe failed: ") + std::strerror(errno);
    return 127;
  }
  const pid_t pid = spawn(argv, fds[1], -1, fds[0]);
  if (fds[1] >= 0) ::close(fds[1]);
  if (pid < 0) {
    *error = std::string("fork failed: ") + std::strerror(errno);
    if (fds[0] >= 0) ::close(fds[0]);
    return 127;
  }
  if (out != nullptr) {
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) != 0;) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      out->append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    if (WEXITSTATUS(status) == 127) *error = argv[0] + ": cannot be run";
    return WEXITSTATUS(status);
  }
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

TaskProcess::~TaskProcess() { stop(); }

void TaskProcess::stop() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  if (stderr_fd_ >= 0) ::close(stderr_fd_);
  stderr_fd_ = -1;
  discard_files();
}

void TaskProcess::discard_files() {
  if (!in_path_.empty()) std::remove(in_path_.c_str());
  in_path_.clear();
  if (out_path_.empty()) return;
  std::remove(out_path_.c_str());
  std::remove((out_path_ + ".part").c_str());  // what desksim writes before renaming it into place
  out_path_.clear();
}

bool TaskProcess::start(const std::string& desksim, const TaskRequest& request, bool crash, TaskOutcome* outcome) {
  auto fail = [&](const std::string& why) {
    discard_files();
    *outcome = TaskOutcome{false, {}, why, 0};
    return false;
  };
  stderr_tail_.clear();
  out_path_ = temporary_file(kTaskOut);
  if (out_path_.empty()) return fail(std::string("cannot create a temporary file: ") + std::strerror(errno));
  std::vector<std::string> argv{desksim};
  argv.insert(argv.end(), request.arguments.begin(), request.arguments.end());
  if (!request.input.empty()) {
    in_path_ = temporary_file(kTaskIn);
    std::ofstream in(in_path_, std::ios::binary | std::ios::trunc);
    in.write(request.input.data(), static_cast<std::streamsize>(request.input.size()));
    in.close();
    if (in_path_.empty() || !in) return fail("cannot write the task's input to a temporary file: " + in_path_);
    argv.insert(argv.end(), {"--task-in", in_path_});
  }
  argv.insert(argv.end(), {"--task-out", out_path_});
  int fds[2];
  if (::pipe(fds) != 0) return fail(std::string("cannot create a pipe: ") + std::strerror(errno));
  const int devnull = ::open("/dev/null", O_WRONLY);
  started_ = std::chrono::steady_clock::now();
  pid_ = spawn(argv, devnull, fds[1], fds[0]);
  if (devnull >= 0) ::close(devnull);
  ::close(fds[1]);
  if (pid_ < 0) {
    ::close(fds[0]);
    return fail(std::string("fork failed: ") + std::strerror(errno));
  }
  stderr_fd_ = fds[0];
  if (crash) ::kill(pid_, SIGKILL);
  return true;
}

std::optional<TaskOutcome> TaskProcess::poll(int timeout_ms) {
  if (pid_ <= 0) return std::nullopt;
  if (stderr_fd_ >= 0) {
    pollfd p{stderr_fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) > 0) {
      char buffer[4096];
      const ssize_t n = ::read(stderr_fd_, buffer, sizeof buffer);
      if (n > 0) {
        stderr_tail_.append(buffer, static_cast<std::size_t>(n));
        if (stderr_tail_.size() > 2 * kStderrKept) stderr_tail_.erase(0, stderr_tail_.size() - kStderrKept);
      } else if (n == 0 || errno != EINTR) {
        ::close(stderr_fd_);  // the child has closed it: it is ending
        stderr_fd_ = -1;
      }
    }
  }
  int status = 0;
  pid_t ended = ::waitpid(pid_, &status, WNOHANG);
  // Once its stderr is closed the child is exiting: look again every 0.1 ms rather than once per
  // timeout, as the next task waits for it.
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (stderr_fd_ < 0 && (ended == 0 || (ended < 0 && errno == EINTR)) && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::microseconds(100));
    ended = ::waitpid(pid_, &status, WNOHANG);
  }
  if (ended == 0 || (ended < 0 && errno == EINTR)) return std::nullopt;
  pid_ = -1;
  if (stderr_fd_ >= 0) {  // what it wrote just before it ended
    char buffer[4096];
    for (ssize_t n; (n = ::read(stderr_fd_, buffer, sizeof buffer)) > 0;) stderr_tail_.append(buffer, static_cast<std::size_t>(n));
    ::close(stderr_fd_);
    stderr_fd_ = -1;
  }
  TaskOutcome outcome;
  outcome.seconds = seconds_since(started_);
  if (ended > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    std::ifstream in(out_path_, std::ios::binary);
    outcome.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    outcome.ok = in.is_open() && !in.bad();
    if (!outcome.ok) outcome.why = out_path_ + ": the task's result cannot be read";
  } else {
    if (stderr_tail_.size() > kStderrKept) stderr_tail_.erase(0, stderr_tail_.size() - kStderrKept);
    while (!stderr_tail_.empty() && stderr_tail_.back() == '\n') stderr_tail_.pop_back();
    outcome.why = "desksim " + (ended > 0 ? describe_exit(status) : std::string("could not be waited for")) +
                  (stderr_tail_.empty() ? "" : ": " + stderr_tail_);
  }
  discard_files();
  return outcome;
}

SearchProcess::~SearchProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

bool SearchProcess::start(const std::vector<std::string>& argv, const std::vector<int>& pass_fds, std::string* error) {
  pid_ = spawn(argv, -1, -1, -1, pass_fds);
  if (pid_ < 0) *error = std::string("fork failed: ") + std::strerror(errno);
  return pid_ > 0;
}

std::optional<int> SearchProcess::exit_code(bool wait) {
  if (pid_ > 0) {
    int status = 0;
    pid_t ended;
    while ((ended = ::waitpid(pid_, &status, wait ? 0 : WNOHANG)) < 0 && errno == EINTR) {
    }
    if (ended == 0) return std::nullopt;
    pid_ = -1;
    code_ = ended < 0                ? 1
            : WIFEXITED(status)      ? WEXITSTATUS(status)
            : WIFSIGNALED(status)    ? 128 + WTERMSIG(status)
                                     : 1;
  }
  return code_;
}

}  // namespace desksim::launcher
