#pragma once
// Helpers for the infrastructure tests: load a scenario from scenarios/validation, run it (each
// replication in its own process, as every simulation test must), and read estimates.
#include <string>

#include <gtest/gtest.h>

#include "analysis/statistics/run_estimates.hpp"
#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::models::testing {

inline scenario::Scenario load_validation_scenario(const std::string& file) {
  scenario::Scenario s;
  std::vector<Diagnostic> diagnostics;
  const std::string path = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/validation/" + file;
  EXPECT_TRUE(load_scenario(path, &s, &diagnostics)) << format_all(diagnostics);
  return s;
}

inline results::RunResult run(const scenario::Scenario& s, unsigned replications, std::uint64_t seed = 1) {
  results::RunResult out;
  std::string error;
  RunOptions options;
  options.seed = seed;
  options.replications = replications;
  options.jobs = 2;
  EXPECT_TRUE(run_scenario(s, options, &out, &error)) << error;
  analysis::add_estimates(&out);
  return out;
}

inline const results::MetricEstimate& estimate(const results::RunResult& r, const std::string& name) {
  const results::MetricEstimate* e = analysis::find_estimate(r, name);
  static results::MetricEstimate missing;
  EXPECT_NE(e, nullptr) << "no estimate named " << name;
  return e != nullptr ? *e : missing;
}

}  // namespace desksim::models::testing
