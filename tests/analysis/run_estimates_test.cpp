// Across-replication estimates keep a metric that some replications did not observe, over the
// replications that did (its n), and comparisons pair such a metric replication by replication.
#include "analysis/statistics/run_estimates.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "analysis/statistics/scenario_comparison.hpp"

namespace desksim::analysis {
namespace {

/// A run whose replication r has the tally "desk.wait_hours.P1" with mean waits[r], or no
/// observation at all when waits[r] is empty, and the counter "tickets.raised" = 10 + r.
results::RunResult run_with_p1_waits(const std::vector<std::optional<double>>& waits) {
  results::RunResult run;
  run.set_seed(1);
  for (std::size_t r = 0; r < waits.size(); ++r) {
    auto* rep = run.add_replications();
    auto* t = rep->add_tallies();
    t->set_name("desk.wait_hours.P1");
    t->set_count(waits[r] ? 5 : 0);
    t->set_mean(waits[r].value_or(0.0));
    auto* c = rep->add_counters();
    c->set_name("tickets.raised");
    c->set_value(10 + r);
  }
  return run;
}

TEST(RunEstimates, AMetricMissingInSomeReplicationsIsReportedWithItsN) {
  auto run = run_with_p1_waits({1.0, std::nullopt, 3.0});
  add_estimates(&run, 0.95);
  const auto* wait = find_estimate(run, "desk.wait_hours.P1.mean");
  ASSERT_NE(wait, nullptr);
  EXPECT_EQ(wait->n(), 2u);
  // {1, 3}: mean 2, s = sqrt(2); the interval of a positive quantity (interval_methods_test.cpp
  // checks each method) is over these two replications and stays positive.
  EXPECT_DOUBLE_EQ(wait->mean(), 2.0);
  EXPECT_NEAR(wait->stddev(), std::sqrt(2.0), 1e-15);
  EXPECT_GT(wait->ci_low(), 0.0);
  EXPECT_LT(wait->ci_low(), 2.0);
  EXPECT_GT(wait->ci_high(), 3.0);
  const auto* raised = find_estimate(run, "tickets.raised");
  ASSERT_NE(raised, nullptr);
  EXPECT_EQ(raised->n(), 3u);
  EXPECT_DOUBLE_EQ(raised->mean(), 11.0);
}

TEST(RunEstimates, AMetricSeenInOneReplicationHasNoInterval) {
  auto run = run_with_p1_waits({std::nullopt, 4.0, std::nullopt});
  add_estimates(&run, 0.95);
  const auto* wait = find_estimate(run, "desk.wait_hours.P1.mean");
  ASSERT_NE(wait, nullptr);
  EXPECT_EQ(wait->n(), 1u);
  EXPECT_EQ(wait->mean(), 4.0);
  EXPECT_EQ(wait->stddev(), 0.0);
  EXPECT_EQ(wait->ci_low(), 4.0);
  EXPECT_EQ(wait->ci_high(), 4.0);
  // Quantiles of an unobserved tally are left out with its mean.
  const auto samples = collect_metric_samples(run);
  for (const auto& m : samples) {
    if (m.name.rfind("desk.wait_hours.P1", 0) != 0) continue;
    EXPECT_EQ(m.replications, std::vector<int>{1}) << m.name;
  }
}

TEST(RunEstimates, ComparisonPairsOnlyReplicationsWhereBothRunsObservedTheMetric) {
  results::Comparison c;
  *c.mutable_base() = run_with_p1_waits({1.0, std::nullopt, 3.0, 5.0});
  *c.mutable_alternative() = run_with_p1_waits({2.0, 9.0, std::nullopt, 5.5});
  std::string error;
  ASSERT_TRUE(compare_runs(&c, 0.95, &error)) << error;
  const results::MetricDifference* d = nullptr;
  for (const auto& x : c.differences())
    if (x.name() == "desk.wait_hours.P1.mean") d = &x;
  ASSERT_NE(d, nullptr);
  // Pairs: replications 0 (1 -> 2) and 3 (5 -> 5.5); differences 1 and 0.5.
  EXPECT_EQ(d->n(), 2u);
  EXPECT_DOUBLE_EQ(d->base_mean(), 3.0);
  EXPECT_DOUBLE_EQ(d->alternative_mean(), 3.75);
  EXPECT_DOUBLE_EQ(d->difference_mean(), 0.75);
}

}  // namespace
}  // namespace desksim::analysis

namespace desksim::analysis {
namespace {

// Headline figures are those the models declared with their statistics, in any replication.
TEST(RunEstimates, AHeadlineIsWhatTheModelsDeclaredNotWhatANameLooksLike) {
  results::RunResult run;
  for (int r = 0; r < 2; ++r) {
    auto* rep = run.add_replications();
    for (const char* name : {"tickets.raised", "tickets.raised_total"}) {
      auto* c = rep->add_counters();
      c->set_name(name);
      c->set_value(100 + r);
    }
    if (r == 1) rep->add_headline_metrics("tickets.raised");
  }
  add_estimates(&run);
  ASSERT_EQ(run.estimates_size(), 2);
  EXPECT_TRUE(run.estimates(0).headline());
  EXPECT_FALSE(run.estimates(1).headline());
}

}  // namespace
}  // namespace desksim::analysis
