#pragma once
// Builds small desk scenarios in code and runs them through the same path as `desksim run`.
#include <gtest/gtest.h>

#include <string>

#include "analysis/statistics/run_estimates.hpp"
#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::testing {

/// An M/M/c desk: `lambda_per_hour` arrivals, `agents` agents, exponential handle time.
inline scenario::Scenario mmc_scenario(double lambda_per_hour, unsigned agents, double mean_handle_minutes,
                                       std::uint64_t tickets, std::uint64_t warmup_tickets) {
  scenario::Scenario s;
  s.set_name("mmc-test");
  s.mutable_run()->set_max_tickets(tickets);
  s.mutable_run()->set_warmup_tickets(warmup_tickets);
  s.mutable_demand()->set_arrivals_per_hour(lambda_per_hour);
  s.mutable_desk()->set_agents(agents);
  s.mutable_desk()->mutable_handle_time_minutes()->mutable_exponential()->set_mean(mean_handle_minutes);
  return s;
}

/// Runs and adds across-replication estimates at the given confidence.
inline results::RunResult run(const scenario::Scenario& s, unsigned replications, std::uint64_t seed = 1,
                              double confidence = 0.99) {
  std::vector<models::Diagnostic> problems;
  models::validate_scenario(s, &problems);
  EXPECT_TRUE(problems.empty()) << models::format_all(problems);
  results::RunResult out;
  std::string error;
  models::RunOptions options;
  options.seed = seed;
  options.replications = replications;
  options.jobs = 2;
  EXPECT_TRUE(models::run_scenario(s, options, &out, &error)) << error;
  analysis::add_estimates(&out, confidence);
  return out;
}

inline results::MetricEstimate estimate(const results::RunResult& run, const std::string& name) {
  const auto* e = analysis::find_estimate(run, name);
  EXPECT_NE(e, nullptr) << "no metric " << name;
  return e ? *e : results::MetricEstimate{};
}

/// The analytic value must lie in the run's confidence interval.
#define EXPECT_IN_CI(estimate_, value_)                                                                  \
  do {                                                                                                   \
    const auto e_ = (estimate_);                                                                         \
    EXPECT_TRUE(e_.ci_low() <= (value_) && (value_) <= e_.ci_high())                                     \
        << e_.name() << ": analytic " << (value_) << " outside the " << e_.confidence() * 100           \
        << "% CI [" << e_.ci_low() << ", " << e_.ci_high() << "] (mean " << e_.mean() << ", n " << e_.n() \
        << ")";                                                                                          \
  } while (0)

}  // namespace desksim::testing
