#pragma once
// Runs all replications of a scenario (each in its own process) and gathers them in a RunResult.
// Across-replication estimates are added by analysis/, which works from results alone.
#include <cstdint>
#include <functional>
#include <string>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"

namespace desksim::models {

struct RunOptions {
  /// Base seed; replication r uses streams keyed (seed, r, stream).
  std::uint64_t seed = 1;
  /// Replications (>= 1).
  unsigned replications = 1;
  /// Replications run in parallel (>= 1).
  unsigned jobs = 1;
  /// CSV file of per-ticket records of every replication (see models/flow/ticket_record_writer.hpp),
  /// written to a temporary name and renamed when the run succeeded; empty = none.
  std::string ticket_records;
  /// Called in a replication's own process when it has finished, before its result is sent back
  /// (progress reporting); it may only use what survives a fork (e.g. write(2) to a pipe).
  std::function<void(unsigned replication)> on_replication_done;
};

/// Returns false with *error set if a replication failed.
bool run_scenario(const scenario::Scenario& scenario, const RunOptions& options, results::RunResult* out,
                  std::string* error);

/// Seed and replication count for a scenario: the scenario's own values (defaults 1 and 1) unless the
/// command line gives them (has_seed for the seed; replications > 0).
RunOptions run_options_for(const scenario::Scenario& scenario, bool has_seed, std::uint64_t seed,
                           unsigned replications, unsigned jobs);

}  // namespace desksim::models
