#include "sim/replication/replication_runner.hpp"

#include <poll.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <map>

namespace desksim::sim {

bool ReplicationRunnerOptions::IsValid(std::string* error) const {
  auto fail = [&](std::string m) {
    if (error) *error = std::move(m);
    return false;
  };
  if (replications < 1) return fail("replications must be >= 1 (got 0)");
  if (jobs < 1) return fail("jobs must be >= 1 (got 0)");
  if (in_process && replications != 1)
    return fail("in_process needs replications == 1 (got " + std::to_string(replications) + ")");
  return true;
}

namespace {

// Child → parent message: one status byte ('R' result or 'E' error) then the payload bytes; EOF ends it.
void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      _exit(3);
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

/// SIGINT and SIGTERM, which stop a run.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

[[noreturn]] void run_child(int fd, pid_t parent, unsigned replication,
                            const std::function<std::string(unsigned)>& body) {
  // The parent's handlers only tell it to stop; a replication stops by dying. The signals were
  // blocked across fork(), so one that came before this point is acted upon by the default action
  // once unblocked, not by the parent's handler running in this process.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (::getppid() != parent) _exit(1);  // the parent died before the line above took effect
  char status = 'R';
  std::string payload;
  try {
    payload = body(replication);
  } catch (const std::exception& e) {
    status = 'E';
    payload = e.what();
  } catch (...) {
    status = 'E';
    payload = "unknown exception";
  }
  write_all(fd, &status, 1);
  write_all(fd, payload.data(), payload.size());
  ::close(fd);
  std::fflush(nullptr);
  _exit(status == 'R' ? 0 : 1);
}

struct Child {
  pid_t pid;
  int fd;
  unsigned replication;
  std::string bytes;
};

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("signal ") + strsignal(WTERMSIG(status));
  return "unknown status";
}

/// True when `fd` is readable now (the stop request has come).
bool readable(int fd) {
  if (fd < 0) return false;
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP)) != 0;
}

}  // namespace

std::vector<std::string> run_replications(const ReplicationRunnerOptions& options,
                                          const std::function<std::string(unsigned)>& body, std::string* error,
                                          bool* stopped) {
  if (stopped) *stopped = false;
  std::string why;
  if (!options.IsValid(&why)) {
    if (error) *error = "replication runner: " + why;
    return {};
  }
  if (options.in_process) {
    try {
      return {body(0)};
    } catch (const std::exception& e) {
      if (error) *error = std::string("replication 0: ") + e.what();
      return {};
    }
  }

  std::vector<std::string> results(options.replications);
  std::string first_error;
  std::map<int, Child> running;  // by pipe fd
  unsigned next = 0;
  auto fail_once = [&](std::string m) {
    if (first_error.empty()) first_error = std::move(m);
  };
  auto skip_finished = [&] {
    for (auto it = options.finished.find(next); it != options.finished.end() && next < options.replications;
         it = options.finished.find(next)) {
      results[next] = it->second;
      ++next;
    }
  };
  const pid_t parent = ::getpid();
  bool stop = false;

  skip_finished();
  while (next < options.replications || !running.empty()) {
    if (!stop && readable(options.stop_fd)) {
      stop = true;
      for (auto& [fd, c] : running) ::kill(c.pid, SIGTERM);
    }
    while (!stop && first_error.empty() && next < options.replications && running.size() < options.jobs) {
      int fds[2];
      if (::pipe(fds) != 0) {
        fail_once(std::string("pipe failed: ") + std::strerror(errno));
        break;
      }
      std::fflush(nullptr);  // or the child would flush the parent's buffered output again
      const sigset_t signals = stop_signals();
      sigset_t previous;
      pthread_sigmask(SIG_BLOCK, &signals, &previous);
      pid_t pid = ::fork();
      if (pid != 0) pthread_sigmask(SIG_SETMASK, &previous, nullptr);
      if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        fail_once(std::string("fork failed: ") + std::strerror(errno));
        break;
      }
      if (pid == 0) {
        ::close(fds[0]);
        for (auto& [fd, c] : running) ::close(fd);
        run_child(fds[1], parent, next, body);
      }
      ::close(fds[1]);
      running.emplace(fds[0], Child{pid, fds[0], next, {}});
      ++next;
      skip_finished();
    }
    if (running.empty()) break;

    std::vector<pollfd> polls;
    for (auto& [fd, c] : running) polls.push_back(pollfd{fd, POLLIN, 0});
    if (!stop && options.stop_fd >= 0) polls.push_back(pollfd{options.stop_fd, POLLIN, 0});
    if (::poll(polls.data(), polls.size(), -1) < 0) {
      if (errno == EINTR) continue;
      fail_once(std::string("poll failed: ") + std::strerror(errno));
      for (auto& [fd, c] : running) {  // no child is left running behind a failed run
        ::kill(c.pid, SIGTERM);
        ::close(fd);
        ::waitpid(c.pid, nullptr, 0);
      }
      running.clear();
      break;
    }
    for (const pollfd& p : polls) {
      if (p.fd == options.stop_fd) continue;  // acted upon at the top of the loop
      if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      Child& c = running.at(p.fd);
      char buffer[1 << 16];
      ssize_t n = ::read(p.fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) {
        c.bytes.append(buffer, static_cast<std::size_t>(n));
        continue;
      }
      // EOF (or read error): the child is done.
      ::close(p.fd);
      int status = 0;
      ::waitpid(c.pid, &status, 0);
      // Ctrl-C in a terminal signals the children with the parent: a child that died of it is part of
      // the stop, not a failure. The parent's handler has run by now, as it ran before this code.
      if (!stop && readable(options.stop_fd)) {
        stop = true;
        for (auto& [fd, other] : running)
          if (other.pid != c.pid) ::kill(other.pid, SIGTERM);
      }
      const std::string where = "replication " + std::to_string(c.replication) + ": ";
      if (!c.bytes.empty() && c.bytes[0] == 'R' && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        results[c.replication] = c.bytes.substr(1);
        std::string kept;
        if (options.on_result && !options.on_result(c.replication, results[c.replication], &kept))
          fail_once(where + kept);
      } else if (stop) {
        // Killed on request: not a failure of its own.
      } else if (!c.bytes.empty() && c.bytes[0] == 'E') {
        fail_once(where + c.bytes.substr(1));
      } else {
        fail_once(where + "child process ended without a result (" + describe_exit(status) + ")");
      }
      running.erase(p.fd);
    }
  }
  if (stop && first_error.empty()) {
    if (stopped) *stopped = true;
    if (error) *error = "stopped";
    return {};
  }
  if (!first_error.empty()) {
    if (error) *error = first_error;
    return {};
  }
  return results;
}

}  // namespace desksim::sim
