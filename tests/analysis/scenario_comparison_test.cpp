#include "analysis/statistics/scenario_comparison.hpp"

#include <gtest/gtest.h>

#include <cmath>

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
