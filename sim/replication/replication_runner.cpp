#include "sim/replication/replication_runner.hpp"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
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

[[noreturn]] void run_child(int fd, unsigned replication, const std::function<std::string(unsigned)>& body) {
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

}  // namespace

std::vector<std::string> run_replications(const ReplicationRunnerOptions& options,
                                          const std::function<std::string(unsigned)>& body, std::string* error) {
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

  while (next < options.replications || !running.empty()) {
    while (first_error.empty() && next < options.replications && running.size() < options.jobs) {
      int fds[2];
      if (::pipe(fds) != 0) {
        fail_once(std::string("pipe failed: ") + std::strerror(errno));
        break;
      }
      std::fflush(nullptr);  // or the child would flush the parent's buffered output again
      pid_t pid = ::fork();
      if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        fail_once(std::string("fork failed: ") + std::strerror(errno));
        break;
      }
      if (pid == 0) {
        ::close(fds[0]);
        for (auto& [fd, c] : running) ::close(fd);
        run_child(fds[1], next, body);
      }
      ::close(fds[1]);
      running.emplace(fds[0], Child{pid, fds[0], next, {}});
      ++next;
    }
    if (running.empty()) break;

    std::vector<pollfd> polls;
    for (auto& [fd, c] : running) polls.push_back(pollfd{fd, POLLIN, 0});
    if (::poll(polls.data(), polls.size(), -1) < 0) {
      if (errno == EINTR) continue;
      fail_once(std::string("poll failed: ") + std::strerror(errno));
      break;
    }
    for (const pollfd& p : polls) {
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
      const std::string where = "replication " + std::to_string(c.replication) + ": ";
      if (!c.bytes.empty() && c.bytes[0] == 'R' && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        results[c.replication] = c.bytes.substr(1);
      } else if (!c.bytes.empty() && c.bytes[0] == 'E') {
        fail_once(where + c.bytes.substr(1));
      } else {
        fail_once(where + "child process ended without a result (" + describe_exit(status) + ")");
      }
      running.erase(p.fd);
    }
  }
  if (!first_error.empty()) {
    if (error) *error = first_error;
    return {};
  }
  return results;
}

}  // namespace desksim::sim
