#pragma once
// The replications of a run that have finished, kept on disk while the run goes on, so that an
// interrupted run can be completed without computing them again (`desksim run --resume`).
//
// The folder (<out>/.partial) holds:
//   identity              what the run is: desksim version, seed, replication count, and the exact
//                         bytes of the scenario file and of its platform file; a resumed run must
//                         match it byte for byte, or it would mix replications of two runs
//   replication-<r>.pb    replication r's serialised result, present only once complete
//   tickets-<r>.csv       its per-ticket records (runs with --tickets), likewise
// Each file is written under a temporary name and renamed, so that a file present is whole; the
// records are renamed before the result, so a result present means its records are too.
#include <cstdint>
#include <string>
#include <vector>

namespace desksim::models {

/// What must be equal for a checkpoint to be resumed.
struct RunIdentity {
  std::string desksim_version;
  std::uint64_t seed = 0;
  unsigned replications = 0;
  std::string scenario_bytes;
  std::string platform_bytes;  // empty when the scenario has no platform file
};

class RunCheckpoint {
 public:
  /// Starts an empty checkpoint in `folder`, replacing whatever an earlier run left there.
  static bool start(const std::string& folder, const RunIdentity& identity, RunCheckpoint* out, std::string* error);
  /// Opens the checkpoint in `folder`; refuses (with *error saying what differs) one that was
  /// started for another identity, and one that does not exist.
  static bool resume(const std::string& folder, const RunIdentity& identity, RunCheckpoint* out, std::string* error);

  const std::string& folder() const { return folder_; }

  /// Replications whose result is kept (and, when `with_ticket_records`, their records too).
  std::vector<unsigned> finished(bool with_ticket_records) const;
  /// The kept result of a finished replication; false if it cannot be read.
  bool result(unsigned replication, std::string* bytes) const;

  /// Where replication r writes its per-ticket records while it runs (in its own process).
  std::string ticket_records_part(unsigned replication) const;
  /// Its records once it has finished.
  std::string ticket_records(unsigned replication) const;

  /// Keeps replication r's result (and moves its records into place when `with_ticket_records`).
  bool save(unsigned replication, const std::string& bytes, bool with_ticket_records, std::string* error) const;

  /// Removes the folder and everything in it (after the run's outputs are in place).
  bool remove(std::string* error) const;

 private:
  std::string folder_;
  unsigned replications_ = 0;
};

}  // namespace desksim::models
