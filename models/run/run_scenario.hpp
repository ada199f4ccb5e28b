#pragma once
// Runs all replications of a scenario (each in its own process) and gathers them in a RunResult.
// Across-replication estimates are added by analysis/, which works from results alone.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/run/run_checkpoint.hpp"

namespace desksim::models {

struct RunOptions {
  /// Base seed; replication r uses streams keyed (seed, r, stream).
  std::uint64_t seed = 1;
  /// Replications (>= 1).
  unsigned replications = 1;
  /// Replications run in parallel (>= 1).
  unsigned jobs = 1;
  /// Where finished replications are kept, and found again when a run is resumed (see
  /// run_checkpoint.hpp); null = nowhere.
  const RunCheckpoint* checkpoint = nullptr;
  /// Per-ticket records (models/flow/ticket_record_writer.hpp): each replication writes its rows
  /// into the checkpoint, which must be set; write_ticket_records() puts them together.
  bool ticket_records = false;
  /// A file descriptor that becomes readable when the run must stop (sim/replication); -1 = none.
  int stop_fd = -1;
  /// Results computed elsewhere (e.g. on other machines by desksim-mpi), by task: the replication for
  /// run_scenario, scenario * replications + replication for run_scenarios. They are not run again.
  std::map<unsigned, std::string> finished;
  /// Called in a replication's own process when it has finished, before its result is sent back
  /// (progress reporting); it may only use what survives a fork (e.g. write(2) to a pipe).
  std::function<void(unsigned replication)> on_replication_done;
};

/// Returns false with *error set if a replication failed, or if the run was stopped (then *stopped
/// is set, if given). The replications kept in the checkpoint are not run again.
bool run_scenario(const scenario::Scenario& scenario, const RunOptions& options, results::RunResult* out,
                  std::string* error, bool* stopped = nullptr);

/// Runs several scenarios (the points of a sweep) with the same seed and replication count: common
/// random numbers across them. Every (scenario, replication) is one task for the same pool of `jobs`
/// processes, so points run in parallel as well as replications; each result is the one
/// run_scenario would give for that scenario alone, byte for byte. `on_replication_done` gets the
/// task number, scenario * replications + replication. No checkpoint, no per-ticket records.
bool run_scenarios(const std::vector<scenario::Scenario>& scenarios, const RunOptions& options,
                   std::vector<results::RunResult>* out, std::string* error, bool* stopped = nullptr);

/// The per-ticket records CSV of a finished run: the header, then each replication's rows, in
/// replication order, from the checkpoint, written to `path`.
bool write_ticket_records(const RunCheckpoint& checkpoint, unsigned replications, const std::string& path,
                          std::string* error);

/// Seed and replication count for a scenario: the scenario's own values (defaults 1 and 1) unless the
/// command line gives them (has_seed for the seed; replications > 0).
RunOptions run_options_for(const scenario::Scenario& scenario, bool has_seed, std::uint64_t seed,
                           unsigned replications, unsigned jobs);

}  // namespace desksim::models
