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
//
// Stopping: when `stop_fd` becomes readable (a signal handler writes to a pipe), the running children
// are sent SIGTERM and reaped, and the run ends without a result. A child also gets SIGTERM if this
// process dies first (PR_SET_PDEATHSIG), and it takes the default action for SIGINT and SIGTERM
// whatever handlers the parent installed (even for a signal that came while it was being forked),
// so that no replication runs on after its parent.
#include <functional>
#include <map>
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
  /// Results already known, by replication (e.g. kept from an interrupted run): those replications
  /// are not run again and their bytes are returned as given.
  std::map<unsigned, std::string> finished;
  /// Called in this process as each replication's result arrives (in the order they finish), e.g. to
  /// keep it on disk. Returning false fails the run with the error it sets.
  std::function<bool(unsigned replication, const std::string& bytes, std::string* error)> on_result;
  /// A file descriptor that becomes readable when the run must stop; -1 = none.
  int stop_fd = -1;

  bool IsValid(std::string* error) const;
};

/// Runs body(r) for r = 0..replications-1 and returns the bytes each returned, in order. If any
/// replication fails (the body throws, or the child dies), returns an empty vector and sets *error
/// to the first failure's message, naming the replication. When the run was stopped through
/// `stop_fd`, returns an empty vector with *stopped set (if given) and *error "stopped".
std::vector<std::string> run_replications(const ReplicationRunnerOptions& options,
                                          const std::function<std::string(unsigned replication)>& body,
                                          std::string* error, bool* stopped = nullptr);

}  // namespace desksim::sim
