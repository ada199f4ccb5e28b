#include "app/stop_signals.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace desksim::app {

namespace {

// A handler may only touch lock-free atomics and make async-signal-safe calls (write(2)).
std::atomic<int> write_fd{-1};
std::atomic<int> first_signal{0};

void on_signal(int signal) {
  const int saved = errno;
  int none = 0;
  first_signal.compare_exchange_strong(none, signal);
  const char byte = static_cast<char>(signal);
  if (const int fd = write_fd.load(); fd >= 0) (void)::write(fd, &byte, 1);
  errno = saved;
}

}  // namespace

StopSignals::StopSignals() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return;  // without a pipe the signals keep their default action
  ::fcntl(fds[1], F_SETFL, O_NONBLOCK);       // a burst of signals must not block the handler
  read_fd_ = fds[0];
  first_signal = 0;
  write_fd = fds[1];
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &previous_int_);
  sigaction(SIGTERM, &action, &previous_term_);
}

StopSignals::~StopSignals() {
  if (read_fd_ < 0) return;
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
  ::close(write_fd.exchange(-1));
  ::close(read_fd_);
}

int StopSignals::received() const { return first_signal.load(); }

const char* signal_name(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "a signal";
  }
}

}  // namespace desksim::app
