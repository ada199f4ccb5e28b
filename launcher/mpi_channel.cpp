#include "launcher/mpi_channel.hpp"

#include <mpi.h>

#include <cstring>
#include <vector>

namespace desksim::launcher {

bool send_message(int destination, int tag, const MessageHeader& header, const std::string& payload) {
  std::vector<char> buffer(sizeof header + payload.size());
  std::memcpy(buffer.data(), &header, sizeof header);
  if (!payload.empty()) std::memcpy(buffer.data() + sizeof header, payload.data(), payload.size());
  return MPI_Send(buffer.data(), static_cast<int>(buffer.size()), MPI_BYTE, destination, tag, MPI_COMM_WORLD) ==
         MPI_SUCCESS;
}

bool try_receive(int source, Message* out, bool* failed) {
  *failed = false;
  int arrived = 0;
  MPI_Status status;
  if (MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status) != MPI_SUCCESS) {
    *failed = true;
    return false;
  }
  if (!arrived) return false;
  int size = 0;
  MPI_Get_count(&status, MPI_BYTE, &size);
  std::vector<char> buffer(static_cast<std::size_t>(size));
  if (MPI_Recv(buffer.data(), size, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE) !=
          MPI_SUCCESS ||
      buffer.size() < sizeof(MessageHeader)) {
    *failed = true;
    return false;
  }
  out->source = status.MPI_SOURCE;
  out->tag = status.MPI_TAG;
  std::memcpy(&out->header, buffer.data(), sizeof out->header);
  out->payload.assign(buffer.data() + sizeof out->header, buffer.size() - sizeof out->header);
  return true;
}

}  // namespace desksim::launcher
