// Rank 0's bound on how long it takes to end after a stop signal (launcher/stop_deadline.hpp),
// without MPI: a pipe stands for app::StopSignals. Each case that should end the process runs in a
// death-test child, so the exit code and the message are checked as the MPI runtime would see them.
#include "launcher/stop_deadline.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace desksim::launcher {
namespace {

using namespace std::chrono_literals;

struct Pipe {
  int read = -1, write = -1;
  Pipe() {
    int fds[2];
    if (::pipe(fds) == 0) read = fds[0], write = fds[1];
  }
  ~Pipe() {
    ::close(read);
    ::close(write);
  }
  void signal(int number) const {
    const char byte = static_cast<char>(number);
    ASSERT_EQ(::write(write, &byte, 1), 1);
  }
};

TEST(StopDeadline, ASignalNotFollowedByTheEndEndsTheProcessAfterTheGraceWith128PlusTheSignal) {
  EXPECT_EXIT(
      {
        Pipe signals;
        StopDeadline deadline(signals.read, 200ms, "rank 0 ends itself\n");
        const auto start = std::chrono::steady_clock::now();
        signals.signal(SIGTERM);
        std::this_thread::sleep_for(10s);  // stuck, as MPI_Abort once was
        // Reached only if the deadline did not fire: a different exit code, so the test fails.
        std::_Exit(static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::steady_clock::now() - start).count()));
      },
      ::testing::ExitedWithCode(128 + SIGTERM), "rank 0 ends itself");
}

TEST(StopDeadline, WaitsTheWholeGraceBeforeEndingTheProcess) {
  // The signal's byte stays readable in its pipe: the deadline must still wait its grace, not fire
  // at once. The child exits 3 itself if it is still running 400 ms after the signal (grace 2 s).
  EXPECT_EXIT(
      {
        Pipe signals;
        StopDeadline deadline(signals.read, 2000ms, "too early\n");
        signals.signal(SIGINT);
        std::this_thread::sleep_for(400ms);
        std::_Exit(3);
      },
      ::testing::ExitedWithCode(3), "");
}

TEST(StopDeadline, DisarmedInTimeLetsTheProcessGoOnToItsOutputs) {
  EXPECT_EXIT(
      {
        Pipe signals;
        StopDeadline deadline(signals.read, 300ms, "fired after disarm\n");
        signals.signal(SIGTERM);
        std::this_thread::sleep_for(50ms);
        deadline.disarm();
        std::this_thread::sleep_for(600ms);  // twice the grace
        std::_Exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(StopDeadline, NoSignalNoEnd) {
  Pipe signals;
  {
    StopDeadline deadline(signals.read, 10ms, "fired without a signal\n");
    std::this_thread::sleep_for(50ms);
  }  // destroyed: disarmed, its thread joined
  SUCCEED();
}

}  // namespace
}  // namespace desksim::launcher
