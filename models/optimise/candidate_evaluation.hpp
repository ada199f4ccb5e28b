#pragma once
// Simulating candidate rosters: the one place the optimiser runs the engine. Every candidate runs
// with the same seed and replication count (common random numbers: replication r of every
// candidate draws the same arrivals, work and waits, so that the difference between two rosters is
// not noise), each (candidate, replication) one task for the process pool of run_scenarios. To
// spread candidates over MPI ranks, replace this function: nothing else in the search simulates.
#include <string>
#include <vector>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/optimise/optimise_options.hpp"
#include "models/run/run_scenario.hpp"

namespace desksim::models {

/// Runs every candidate and adds its across-replication estimates at `confidence`. False with
/// *error when a replication failed or the run was stopped (*stopped set).
bool evaluate_candidates(const std::vector<scenario::Scenario>& candidates, const RunOptions& options,
                         double confidence, std::vector<results::RunResult>* runs, std::string* error,
                         bool* stopped = nullptr);

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
