#pragma once
// The messages between rank 0 and the other ranks of desksim-mpi, over MPI_COMM_WORLD, whose error
// handler is MPI_ERRORS_RETURN: a failed call returns false here instead of ending the job.
//
//   worker -> 0   kReady                      free for a task (sent once, at the start)
//   0 -> worker   kTask      header, request  run this attempt (launcher/task_request.hpp)
//   0 -> worker   kStop                       no more tasks: finish
//   worker -> 0   kHeartbeat header           still running this attempt (every heartbeat interval)
//   worker -> 0   kResult    header, bytes    the attempt's result (and free for the next task)
//   worker -> 0   kFailed    header, text     why it failed (and free for the next task)
// The ranks run the same executable on machines of the same kind, so the header is sent as its bytes.
#include <cstdint>
#include <string>

namespace desksim::launcher {

enum Tag : int { kReady = 1, kTask, kStop, kHeartbeat, kResult, kFailed };

struct MessageHeader {
  std::uint32_t job = 0;
  std::uint32_t attempt = 0;
  double seconds = 0;  ///< the attempt's wall time (kResult, kFailed)
};

struct Message {
  int source = -1;
  int tag = 0;
  MessageHeader header;
  std::string payload;  ///< after the header
};

/// Sends a message; false if MPI failed.
bool send_message(int destination, int tag, const MessageHeader& header = {}, const std::string& payload = "");
/// Receives a message from `source` (MPI_ANY_SOURCE for any) if one has arrived; false with *failed set
/// if MPI failed.
bool try_receive(int source, Message* out, bool* failed);

}  // namespace desksim::launcher
