#include "models/optimise/candidate_evaluation.hpp"

#include <algorithm>

#include "analysis/statistics/run_estimates.hpp"

namespace desksim::models {

bool evaluate_candidates(const std::vector<scenario::Scenario>& candidates, const RunOptions& options,
                         double confidence, std::vector<results::RunResult>* runs, std::string* error, bool* stopped,
                         const ReplicationsElsewhere& elsewhere) {
  RunOptions run = options;
  // Results computed elsewhere are `finished` tasks for run_scenarios: it runs none of them again and
  // puts them together as it does the results of its own pool.
  if (elsewhere && !elsewhere(candidates, options, &run.finished, error, stopped)) return false;
  if (!run_scenarios(candidates, run, runs, error, stopped)) return false;
  for (auto& run : *runs) analysis::add_estimates(&run, confidence);
  return true;
}

std::vector<TargetOutcome> check_targets(const results::RunResult& run, const std::vector<StaffingTarget>& targets) {
  std::vector<TargetOutcome> out;
  for (const auto& t : targets) {
    TargetOutcome o;
    o.target = t;
    if (const auto* e = analysis::find_estimate(run, t.metric); e != nullptr && e->n() > 0) {
      o.observed = true;
      o.mean = e->mean();
      o.low = e->ci_low();
      o.high = e->ci_high();
      o.method = e->method();
      o.met = t.ceiling ? o.high <= t.level : o.low >= t.level;
      o.shortfall = o.met ? 0.0 : (t.ceiling ? o.high - t.level : t.level - o.low);
    } else {
      o.shortfall = 1.0;  // unobserved: no evidence the target is met
    }
    out.push_back(o);
  }
  return out;
}

bool all_met(const std::vector<TargetOutcome>& outcomes) {
  return std::all_of(outcomes.begin(), outcomes.end(), [](const TargetOutcome& o) { return o.met; });
}

double total_shortfall(const std::vector<TargetOutcome>& outcomes) {
  double s = 0;
  for (const auto& o : outcomes) s += o.shortfall;
  return s;
}

}  // namespace desksim::models
