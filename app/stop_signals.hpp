#pragma once
// While one of these exists, SIGINT and SIGTERM do not end the process: the handler only writes
// the signal's number to a pipe, whose read end the replication runner watches (RunOptions::stop_fd).
// The runner then stops its children and the command leaves its outputs as they were, keeps the
// finished replications, and exits 128 + the signal's number, as a shell reports a death by that
// signal. The previous handlers come back when it is destroyed.
#include <csignal>

namespace desksim::app {

class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  /// Readable once a signal has come.
  int fd() const { return read_fd_; }
  /// The first signal that came, or 0.
  int received() const;

 private:
  int read_fd_ = -1;
  struct sigaction previous_int_ {}, previous_term_ {};
};

/// "SIGINT", "SIGTERM" or the number.
const char* signal_name(int signal);

}  // namespace desksim::app
