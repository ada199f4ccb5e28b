// A rank other than 0: asks for a task, runs it as a desksim child process (the command line rank 0
// sends with it), sends back its result (or why it failed), and asks again, until rank 0 says stop.
#include <mpi.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "app/stop_signals.hpp"
#include "launcher/child_process.hpp"
#include "launcher/mpi_channel.hpp"
#include "launcher/roles.hpp"

namespace desksim::launcher {

bool crash_for_test(unsigned task, unsigned attempt) {
  const char* crash = std::getenv("DESKSIM_MPI_TEST_CRASH_TASK");
  return crash != nullptr && *crash != '\0' && attempt == 1 && std::to_string(task) == crash;
}

int serve(const LauncherOptions& options) {
  int go = 0;  // rank 0's plan: 0 = go on, else its exit code
  if (MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS) return 1;
  if (go != 0) return 0;  // rank 0 says why, and exits with the code
  if (!send_message(0, kReady)) return 1;
  const auto heartbeat = std::chrono::duration<double>(heartbeat_seconds(options));
  // A signal to end the job (Ctrl-C, Slurm's SIGTERM) kills the task this rank runs and removes its
  // temporary files, then ends the rank by that signal; rank 0 keeps the results already in.
  app::StopSignals signals;
  auto stop_if_asked = [&signals](TaskProcess* task) {
    const int signal = signals.received();
    if (signal == 0) return;
    if (task) task->stop();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    std::_Exit(128 + signal);
  };
  for (;;) {
    // Polled rather than a blocking receive, which in Open MPI keeps a core busy while it waits.
    Message message;
    bool failed = false;
    while (!try_receive(0, &message, &failed)) {
      stop_if_asked(nullptr);
      if (failed) {
        std::cerr << "desksim-mpi: rank lost its link to rank 0\n";
        return 1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (message.tag == kStop) return 0;
    if (message.tag != kTask) continue;
    MessageHeader header = message.header;
    TaskProcess task;
    TaskOutcome outcome{false, {}, "the task's request cannot be read", 0};
    TaskRequest request;
    if (decode_task_request(message.payload, &request) &&
        task.start(options.desksim, request, crash_for_test(header.job, header.attempt), &outcome)) {
      auto last_word = std::chrono::steady_clock::now();
      for (;;) {
        stop_if_asked(&task);
        if (auto ended = task.poll(20)) {
          outcome = std::move(*ended);
          break;
        }
        if (std::chrono::steady_clock::now() - last_word >= heartbeat) {
          if (!send_message(0, kHeartbeat, header)) return 1;
          last_word = std::chrono::steady_clock::now();
        }
      }
    }
    header.seconds = outcome.seconds;
    if (!send_message(0, outcome.ok ? kResult : kFailed, header, outcome.ok ? outcome.bytes : outcome.why)) return 1;
  }
}

}  // namespace desksim::launcher
