#pragma once
// Runs independent replications, each in its own child process.
//
// Why processes: SimGrid allows one engine per process and cannot be restarted, so a replication
// owns a whole process. That also makes replications independent by construction (no state leaks
// from one to the next), lets `jobs` of them run in parallel on separate cores, and keeps the
// output identical whatever `jobs` is: each replication's bytes depend only on its own index.
//
// The body runs in the child and returns the replication's result as bytes (a serialised message);
// the parent collects them in replication order.
#include <functional>
#include <string>
#include <vector>

namespace desksim::sim {

struct ReplicationRunnerOptions {
  /// Number of replications (>= 1).
  unsigned replications = 1;
  /// Child processes running at once (>= 1). Default 1.
  unsigned jobs = 1;
  /// Run replication 0 in this process instead of a child (only valid with replications == 1). For
  /// debugging under gdb; afterwards no other SimGrid engine can be created in this process.
  bool in_process = false;

  bool IsValid(std::string* error) const;
};

/// Runs body(r) for r = 0..replications-1 and returns the bytes each returned, in order. If any
/// replication fails (the body throws, or the child dies), returns an empty vector and sets *error
/// to the first failure's message, naming the replication.
std::vector<std::string> run_replications(const ReplicationRunnerOptions& options,
                                          const std::function<std::string(unsigned replication)>& body,
                                          std::string* error);

}  // namespace desksim::sim
