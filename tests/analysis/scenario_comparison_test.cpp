#include "analysis/statistics/scenario_comparison.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analysis/statistics/run_estimates.hpp"

namespace desksim::analysis {
namespace {

results::RunResult run_with_waits(const std::vector<double>& waits, std::uint64_t seed = 1) {
  results::RunResult run;
  run.set_seed(seed);
  for (double w : waits) {
    auto* t = run.add_replications()->add_tallies();
    t->set_name("desk.wait_hours");
    t->set_count(100);
    t->set_mean(w);
  }
  return run;
}

TEST(ScenarioComparison, PairsReplicationsAndFlagsDifferencesWhoseIntervalExcludesZero) {
  results::Comparison c;
  *c.mutable_base() = run_with_waits({1.0, 2.0, 3.0, 4.0});
  *c.mutable_alternative() = run_with_waits({0.5, 1.6, 2.4, 3.5});  // differences -0.5, -0.4, -0.6, -0.5
  std::string error;
  ASSERT_TRUE(compare_runs(&c, 0.95, &error)) << error;
  const auto* d = &c.differences(0);
  ASSERT_EQ(d->name(), "desk.wait_hours.mean");
  EXPECT_EQ(d->n(), 4u);
  EXPECT_DOUBLE_EQ(d->base_mean(), 2.5);
  EXPECT_DOUBLE_EQ(d->alternative_mean(), 2.0);
  EXPECT_DOUBLE_EQ(d->difference_mean(), -0.5);
  // sd of the differences = sqrt(0.02/3); t(0.975, 3) = 3.182446: half-width 0.1299.
  EXPECT_NEAR(d->ci_high(), -0.5 + 3.182446 * std::sqrt(0.02 / 3) / 2, 1e-5);
  EXPECT_TRUE(d->significant());
}

TEST(ScenarioComparison, RefusesRunsThatCannotBePaired) {
  results::Comparison c;
  *c.mutable_base() = run_with_waits({1.0, 2.0});
  *c.mutable_alternative() = run_with_waits({1.0, 2.0, 3.0});
  std::string error;
  EXPECT_FALSE(compare_runs(&c, 0.95, &error));
  EXPECT_EQ(error, "cannot pair the runs: 2 replications with seed 1 against 3 with seed 1");
  *c.mutable_alternative() = run_with_waits({1.0, 2.0}, 7);
  EXPECT_FALSE(compare_runs(&c, 0.95, &error));
}

}  // namespace
}  // namespace desksim::analysis

namespace desksim::analysis {
namespace {

// Two replications of a monthly mean (waits) and a monthly sum (tickets); the wait series saw nothing
// in February of replication 1.
results::RunResult run_with_months(const std::vector<std::vector<double>>& waits, const std::vector<std::vector<double>>& raised) {
  results::RunResult run;
  run.set_seed(1);
  for (std::size_t r = 0; r < waits.size(); ++r) {
    auto* rep = run.add_replications();
    auto* w = rep->add_series();
    w->set_name("desk.wait_hours_per_month");
    w->set_aggregate("mean");
    auto* t = rep->add_series();
    t->set_name("tickets.raised_per_month");
    t->set_aggregate("sum");
    for (const char* label : {"2025-01", "2025-02"}) {
      w->add_period_labels(label);
      t->add_period_labels(label);
    }
    for (double v : waits[r]) {
      w->add_values(v);
      w->add_counts(v > 0 ? 10 : 0);
    }
    for (double v : raised[r]) t->add_values(v);
    auto* daily = rep->add_series();  // no labels: not a monthly series
    daily->set_name("tickets.raised_per_day");
    daily->add_values(1.0);
  }
  return run;
}

TEST(MonthlyEstimates, OneEstimatePerSeriesAndMonthOverTheReplicationsThatObservedIt) {
  auto run = run_with_months({{0.2, 0.4}, {0.4, 0.0}}, {{100, 90}, {120, 110}});
  add_estimates(&run);
  ASSERT_EQ(run.monthly_estimates_size(), 4);
  const auto& jan = run.monthly_estimates(0);
  EXPECT_EQ(jan.name(), "desk.wait_hours_per_month");
  EXPECT_EQ(jan.period(), "2025-01");
  EXPECT_EQ(jan.n(), 2u);
  EXPECT_NEAR(jan.mean(), 0.3, 1e-12);
  EXPECT_EQ(jan.unit(), "hours");
  const auto& feb = run.monthly_estimates(1);
  EXPECT_EQ(feb.period(), "2025-02");
  EXPECT_EQ(feb.n(), 1u);  // replication 1 observed no wait in February
  EXPECT_NEAR(feb.mean(), 0.4, 1e-12);
  EXPECT_EQ(run.monthly_estimates(3).name(), "tickets.raised_per_month");
  EXPECT_NEAR(run.monthly_estimates(3).mean(), 100.0, 1e-12);
  EXPECT_GE(run.monthly_estimates(3).ci_low(), 0.0);  // a count's interval stays non-negative
}

TEST(MonthlyEstimates, ComparisonPairsEachMonthOfEachSeries) {
  results::Comparison c;
  *c.mutable_base() = run_with_months({{0.2, 0.4}, {0.4, 0.0}}, {{100, 90}, {120, 110}});
  *c.mutable_alternative() = run_with_months({{0.1, 0.3}, {0.2, 0.1}}, {{90, 95}, {100, 105}});
  std::string error;
  ASSERT_TRUE(compare_runs(&c, 0.95, &error)) << error;
  ASSERT_EQ(c.monthly_differences_size(), 4);
  const auto& jan = c.monthly_differences(0);
  EXPECT_EQ(jan.period(), "2025-01");
  EXPECT_NEAR(jan.difference_mean(), -0.15, 1e-12);  // (-0.1 + -0.2) / 2
  const auto& feb = c.monthly_differences(1);
  EXPECT_EQ(feb.n(), 1u);  // only replication 0 observed the base's February
  EXPECT_NEAR(feb.difference_mean(), -0.1, 1e-12);
  EXPECT_EQ(feb.method(), "none");
  const auto& raised_feb = c.monthly_differences(3);
  EXPECT_NEAR(raised_feb.difference_mean(), 0.0, 1e-12);  // +5 and -5
  EXPECT_FALSE(raised_feb.significant());
}

}  // namespace
}  // namespace desksim::analysis
