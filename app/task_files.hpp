#pragma once
// Where a task's result is kept between desksim-mpi (launcher/), which gathers it, and
// `desksim run|sweep --task-results DIR`, which assembles the outputs from it: DIR/task-<n>.pb, the
// serialised ReplicationResult of task n. Task n is replication n % R of point n / R (a run is one
// point), R the replications per point: the order in which the local runner numbers them.
#include <filesystem>
#include <string>

namespace desksim::app {

inline std::string task_result_file(const std::string& folder, unsigned task) {
  return (std::filesystem::path(folder) / ("task-" + std::to_string(task) + ".pb")).string();
}

}  // namespace desksim::app
