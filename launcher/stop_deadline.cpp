#include "launcher/stop_deadline.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>

namespace desksim::launcher {

namespace {

/// Waits until `a` or `b` is readable, or `timeout_ms` (-1: no limit) has passed; returns which one,
/// or -1 on time-out. A negative `a` is not watched (poll ignores it).
int first_readable(int a, int b, int timeout_ms) {
  pollfd fds[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    int left = timeout_ms;
    if (timeout_ms >= 0)
      left = static_cast<int>(std::max<long long>(
          0, std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count()));
    const int n = ::poll(fds, 2, left);
    if (n < 0 && errno == EINTR) continue;  // the stop signal itself interrupts the wait
    if (n <= 0) return -1;
    if (fds[1].revents != 0) return b;  // disarming wins over a signal that came at the same time
    if (fds[0].revents != 0) return a;
  }
}

}  // namespace

StopDeadline::StopDeadline(int signal_fd, std::chrono::milliseconds grace, std::string message)
    : message_(std::move(message)) {
  int fds[2];
  if (signal_fd < 0 || ::pipe2(fds, O_CLOEXEC) != 0) return;  // without them, rank 0 relies on MPI_Abort alone
  disarm_read_ = fds[0];
  disarm_write_ = fds[1];
  watcher_ = std::thread([this, signal_fd, grace] { watch(signal_fd, grace); });
}

void StopDeadline::watch(int signal_fd, std::chrono::milliseconds grace) {
  if (first_readable(signal_fd, disarm_read_, -1) != signal_fd) return;
  // The signal's byte stays in its pipe (level-triggered), so the grace watches the disarming alone.
  if (first_readable(-1, disarm_read_, static_cast<int>(grace.count())) == disarm_read_) return;
  // Only async-signal-safe calls from here: the main thread may hold any lock (it is stuck).
  char signal_byte = 0;
  const int signal = ::read(signal_fd, &signal_byte, 1) == 1 ? signal_byte : SIGTERM;
  (void)::write(2, message_.data(), message_.size());
  std::_Exit(128 + signal);
}

void StopDeadline::disarm() {
  if (disarm_write_ < 0) return;
  const char byte = 1;
  (void)::write(disarm_write_, &byte, 1);
  if (watcher_.joinable()) watcher_.join();
  ::close(disarm_write_);
  ::close(disarm_read_);
  disarm_write_ = disarm_read_ = -1;
}

StopDeadline::~StopDeadline() { disarm(); }

}  // namespace desksim::launcher
