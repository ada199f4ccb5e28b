#pragma once
// Helpers for running population-mode scenarios in tests: load a shipped scenario, run it through
// models::run_scenario (one process per replication), and read metrics and profiles.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/statistics/run_estimates.hpp"
#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::testing {

inline scenario::Scenario load(const std::string& relative) {
  scenario::Scenario s;
  std::vector<models::Diagnostic> diagnostics;
  const bool ok = models::load_scenario(std::string(DESKSIM_SOURCE_DIR) + "/" + relative, &s, &diagnostics);
  EXPECT_TRUE(ok) << models::format_all(diagnostics);
  return s;
}

inline results::RunResult run(const scenario::Scenario& s, unsigned replications, unsigned jobs = 2) {
  models::RunOptions options;
  options.seed = s.run().seed() > 0 ? s.run().seed() : 1;
  options.replications = replications;
  options.jobs = jobs;
  results::RunResult out;
  std::string error;
  EXPECT_TRUE(models::run_scenario(s, options, &out, &error)) << error;
  analysis::add_estimates(&out);
  return out;
}

inline results::MetricEstimate metric(const results::RunResult& r, const std::string& name) {
  const auto* e = analysis::find_estimate(r, name);
  EXPECT_NE(e, nullptr) << "no metric " << name;
  return e ? *e : results::MetricEstimate{};
}

/// EXPECT that `value` lies in the estimate's confidence interval widened by `allowance` on each side.
inline void expect_in_ci(const results::RunResult& r, const std::string& name, double value, double allowance = 0.0) {
  const auto e = metric(r, name);
  EXPECT_GE(value, e.ci_low() - allowance) << name << ": mean " << e.mean() << " CI [" << e.ci_low() << ", " << e.ci_high() << "]";
  EXPECT_LE(value, e.ci_high() + allowance) << name << ": mean " << e.mean() << " CI [" << e.ci_low() << ", " << e.ci_high() << "]";
}

inline std::uint64_t counter(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& c : r.counters())
    if (c.name() == name) return c.value();
  ADD_FAILURE() << "no counter " << name;
  return 0;
}

/// Mean of a tally of one replication (0 when it observed nothing).
inline double tally_mean(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& t : r.tallies())
    if (t.name() == name) return t.count() > 0 ? t.mean() : 0.0;
  ADD_FAILURE() << "no tally " << name;
  return 0.0;
}

/// Scalar of one replication (e.g. staff hours).
inline double scalar(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& s : r.scalars())
    if (s.name() == name) return s.value();
  ADD_FAILURE() << "no scalar " << name;
  return 0.0;
}

/// Time average of one replication.
inline double time_average(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& a : r.time_averages())
    if (a.name() == name) return a.mean();
  ADD_FAILURE() << "no time average " << name;
  return 0.0;
}

inline const results::CycleProfile* profile(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& p : r.profiles())
    if (p.name() == name) return &p;
  ADD_FAILURE() << "no profile " << name;
  return nullptr;
}

inline const results::PeriodSeries* series(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& s : r.series())
    if (s.name() == name) return &s;
  ADD_FAILURE() << "no series " << name;
  return nullptr;
}

}  // namespace desksim::testing
