#pragma once
// What a rank runs for one task attempt, as rank 0 sends it: the desksim command line for the task,
// and, for a task whose input is not on the ranks' file system (a candidate roster of the optimiser,
// built in memory on rank 0), that input's bytes. Kept apart from MPI, so that it can be tested alone.
#include <string>
#include <vector>

namespace desksim::launcher {

struct TaskRequest {
  /// desksim's arguments (without the program), e.g. `sweep ARGS --task 3`; the rank adds `--task-in
  /// FILE` when `input` is not empty, then `--task-out FILE`.
  std::vector<std::string> arguments;
  /// Bytes the rank writes to a temporary file of its own for `--task-in`; empty = none.
  std::string input;
  friend bool operator==(const TaskRequest&, const TaskRequest&) = default;
};

/// The request as bytes (a message's payload). The ranks run the same executable on machines of the
/// same kind, so lengths are sent as their bytes.
std::string encode_task_request(const TaskRequest& request);
/// False when `bytes` is not an encoded request.
bool decode_task_request(const std::string& bytes, TaskRequest* out);

}  // namespace desksim::launcher
