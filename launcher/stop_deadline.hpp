#pragma once
// A bound on how long rank 0 takes to end after a stop signal. Rank 0 answers SIGINT or SIGTERM by
// printing what it kept and calling MPI_Abort; should that hang (once seen under Slurm, rank 0's line
// lost and the rank killed only after KillWait), this ends rank 0 by itself `grace` after the signal
// with 128 + the signal's number, which the MPI runtime takes as the job's end. Nothing is lost by
// it: every kept result is already on disk, each written whole under its final name or not at all.
#include <chrono>
#include <string>
#include <thread>

namespace desksim::launcher {

class StopDeadline {
 public:
  /// Watches `signal_fd` (app::StopSignals::fd(): readable once a signal has come). `message` is
  /// written to stderr before rank 0 ends itself.
  StopDeadline(int signal_fd, std::chrono::milliseconds grace, std::string message);
  /// Disarms it, unless it has already fired.
  ~StopDeadline();
  StopDeadline(const StopDeadline&) = delete;
  StopDeadline& operator=(const StopDeadline&) = delete;

  /// The job goes on to its outputs, whatever signal comes now (they are written whole or not at all).
  void disarm();

 private:
  void watch(int signal_fd, std::chrono::milliseconds grace);

  int disarm_read_ = -1, disarm_write_ = -1;
  std::string message_;
  std::thread watcher_;
};

/// How long rank 0 is given: well inside Slurm's default KillWait (30 s), and long enough for an
/// MPI_Abort that is slow rather than stuck (under Slurm it took up to 3 s).
inline constexpr std::chrono::milliseconds kStopGrace{10000};

}  // namespace desksim::launcher
