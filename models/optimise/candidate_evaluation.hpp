#pragma once
// Simulating candidate rosters: the one place the optimiser runs the engine. Every candidate runs
// with the same seed and replication count (common random numbers: replication r of every
// candidate draws the same arrivals, work and waits, so that the difference between two rosters is
// not noise), each (candidate, replication) one task for the process pool of run_scenarios, or,
// under desksim-mpi, for the ranks of the MPI job (ReplicationsElsewhere): nothing else in the search
// simulates.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/optimise/optimise_options.hpp"
#include "models/run/run_scenario.hpp"

namespace desksim::models {

/// Computes every (candidate, replication) of a round somewhere other than this process's pool (the
/// ranks of desksim-mpi, app/optimise_rounds.hpp): into *results, by task candidate * replications +
/// replication, the bytes of the ReplicationResult that run_replication(candidate, options.seed,
/// replication) returns. False with *error (and *stopped when the run was stopped).
using ReplicationsElsewhere =
    std::function<bool(const std::vector<scenario::Scenario>& candidates, const RunOptions& options,
                       std::map<unsigned, std::string>* results, std::string* error, bool* stopped)>;

/// Runs every candidate and adds its across-replication estimates at `confidence`. The replications run
/// in the local pool of options.jobs processes, or through `elsewhere` when it is given; either way the
/// results are put together by run_scenarios and the estimates added by the same code, so that the
/// numbers are the same bit for bit. False with *error when a replication failed or the run was
/// stopped (*stopped set).
bool evaluate_candidates(const std::vector<scenario::Scenario>& candidates, const RunOptions& options,
                         double confidence, std::vector<results::RunResult>* runs, std::string* error,
                         bool* stopped = nullptr, const ReplicationsElsewhere& elsewhere = {});

/// One target as a run met it (or not).
struct TargetOutcome {
  StaffingTarget target;
  bool observed = false;  ///< the run has the metric (a priority no ticket had has none)
  double mean = 0, low = 0, high = 0;
  std::string method;  ///< how the interval was built
  bool met = false;    ///< lower end >= level (a ceiling: upper end <= level)
  /// How far the interval's end is on the wrong side of the level, in share points (0 when met).
  double shortfall = 0;
};

std::vector<TargetOutcome> check_targets(const results::RunResult& run, const std::vector<StaffingTarget>& targets);

/// True when every outcome is met.
bool all_met(const std::vector<TargetOutcome>& outcomes);

/// Sum of shortfalls.
double total_shortfall(const std::vector<TargetOutcome>& outcomes);

}  // namespace desksim::models
