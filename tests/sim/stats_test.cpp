#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/random/distribution.hpp"
#include "sim/random/random_stream.hpp"
#include "sim/stats/period_series.hpp"
#include "sim/stats/tally.hpp"
#include "sim/stats/time_weighted.hpp"

namespace desksim::sim {
namespace {

// ------------------------------------------------------------------------------------------ Tally

TEST(TallyTest, EmptyTallyReportsNaN) {
  const Tally t({20.0});
  EXPECT_EQ(t.count(), 0u);
  EXPECT_EQ(t.sum(), 0.0);
  EXPECT_TRUE(std::isnan(t.mean()));
  EXPECT_TRUE(std::isnan(t.variance()));
  EXPECT_TRUE(std::isnan(t.stddev()));
  EXPECT_TRUE(std::isnan(t.min()));
  EXPECT_TRUE(std::isnan(t.max()));
  EXPECT_TRUE(std::isnan(t.quantile(0.5)));
  EXPECT_TRUE(std::isnan(t.fraction_at_most(0)));
}

TEST(TallyTest, ExactValuesOnSmallDataSet) {
  Tally t({4.0, 5.5, 1.0, 100.0});
  for (double x : {5.0, 2.0, 9.0, 4.0, 4.0, 7.0, 4.0, 5.0}) t.add(x);
  EXPECT_EQ(t.count(), 8u);
  EXPECT_DOUBLE_EQ(t.sum(), 40.0);
  EXPECT_DOUBLE_EQ(t.mean(), 5.0);
  EXPECT_DOUBLE_EQ(t.variance(), 32.0 / 7.0);  // squared deviations 9+1+1+1+0+0+4+16 over n-1
  EXPECT_DOUBLE_EQ(t.stddev(), std::sqrt(32.0 / 7.0));
  EXPECT_EQ(t.min(), 2.0);
  EXPECT_EQ(t.max(), 9.0);
  // Sorted 2 4 4 4 5 5 7 9; h = 7p; x[floor h] + frac(h) * (x[floor h + 1] - x[floor h]).
  EXPECT_DOUBLE_EQ(t.quantile(0.5), 4.5);
  EXPECT_DOUBLE_EQ(t.quantile(0.9), 7.6);
  EXPECT_DOUBLE_EQ(t.quantile(0.95), 8.3);
  EXPECT_DOUBLE_EQ(t.quantile(0.99), 8.86);
  EXPECT_DOUBLE_EQ(t.quantile(0.25), 4.0);   // h = 1.75: 4 + 0.75 x 0
  EXPECT_DOUBLE_EQ(t.quantile(0.75), 5.5);   // h = 5.25: 5 + 0.25 x 2
  EXPECT_TRUE(std::isnan(t.quantile(0.8)));  // not one of the supported levels
  Tally light({4.0}, false);  // moments and threshold shares only
  for (double x : {5.0, 2.0, 9.0, 4.0, 4.0, 7.0, 4.0, 5.0}) light.add(x);
  EXPECT_DOUBLE_EQ(light.mean(), 5.0);
  EXPECT_DOUBLE_EQ(light.variance(), 32.0 / 7.0);
  EXPECT_DOUBLE_EQ(light.fraction_at_most(0), 4.0 / 8);
  EXPECT_TRUE(std::isnan(light.quantile(0.5)));
  EXPECT_DOUBLE_EQ(t.fraction_at_most(0), 4.0 / 8);
  EXPECT_DOUBLE_EQ(t.fraction_at_most(1), 6.0 / 8);
  EXPECT_DOUBLE_EQ(t.fraction_at_most(2), 0.0);
  EXPECT_DOUBLE_EQ(t.fraction_at_most(3), 1.0);
  EXPECT_TRUE(std::isnan(t.fraction_at_most(4)));
  EXPECT_EQ(t.thresholds(), (std::vector<double>{4.0, 5.5, 1.0, 100.0}));
}

TEST(TallyTest, SingleObservation) {
  Tally t;
  t.add(3.0);
  EXPECT_EQ(t.mean(), 3.0);
  EXPECT_TRUE(std::isnan(t.variance()));
  EXPECT_EQ(t.quantile(0.99), 3.0);
  EXPECT_EQ(t.min(), 3.0);
  EXPECT_EQ(t.max(), 3.0);
}

TEST(TallyTest, QuantilesExactUpToLimit) {
  Tally t;
  // 1000 values 1..1000 in a scrambled order: type-7 median is 500.5, p99 is 1 + 999 * 0.99 = 990.01.
  for (std::size_t i = 0; i < Tally::kExactQuantileLimit; ++i) t.add(static_cast<double>((i * 7919) % 1000 + 1));
  EXPECT_DOUBLE_EQ(t.quantile(0.5), 500.5);
  EXPECT_DOUBLE_EQ(t.quantile(0.99), 990.01);
}

TEST(TallyTest, QuantilesOfMillionExponentialsWithinTwoPercent) {
  Tally t({1.0, 3.0});
  RandomStream s(99, 0, stream_id_for("tally.exponential"));
  const int n = 1'000'000;
  for (int i = 0; i < n; ++i) t.add(sample_exponential(s, 1.0));
  // Exponential(1): quantile(p) = -log(1 - p), P(X <= x) = 1 - exp(-x).
  for (double p : Tally::kQuantileLevels) {
    const double exact = -std::log(1 - p);
    EXPECT_NEAR(t.quantile(p), exact, 0.02 * exact) << "p = " << p;
  }
  EXPECT_NEAR(t.mean(), 1.0, 4 * std::sqrt(1.0 / n));
  EXPECT_NEAR(t.fraction_at_most(0), 1 - std::exp(-1.0), 4 * std::sqrt(0.25 / n));
  EXPECT_NEAR(t.fraction_at_most(1), 1 - std::exp(-3.0), 4 * std::sqrt(0.25 / n));
}

TEST(TallyTest, ResetForgetsEverythingButThresholds) {
  Tally t({10.0});
  RandomStream s(1, 0, 0);
  for (int i = 0; i < 5000; ++i) t.add(sample_exponential(s, 10.0));  // well past the exact buffer
  t.reset();
  EXPECT_EQ(t.count(), 0u);
  EXPECT_EQ(t.sum(), 0.0);
  EXPECT_TRUE(std::isnan(t.mean()));
  EXPECT_TRUE(std::isnan(t.quantile(0.5)));
  EXPECT_EQ(t.thresholds(), std::vector<double>{10.0});

  // After reset, the tally behaves exactly like a fresh one, in exact mode and in histogram mode.
  Tally fresh({10.0});
  RandomStream a(2, 0, 0), b(2, 0, 0);
  for (int n : {10, 3000}) {
    while (fresh.count() < static_cast<std::uint64_t>(n)) {
      t.add(sample_exponential(a, 10.0));
      fresh.add(sample_exponential(b, 10.0));
    }
    EXPECT_EQ(t.count(), fresh.count());
    EXPECT_EQ(t.mean(), fresh.mean());
    EXPECT_EQ(t.variance(), fresh.variance());
    EXPECT_EQ(t.min(), fresh.min());
    EXPECT_EQ(t.max(), fresh.max());
    EXPECT_EQ(t.fraction_at_most(0), fresh.fraction_at_most(0));
    for (double p : Tally::kQuantileLevels) EXPECT_EQ(t.quantile(p), fresh.quantile(p));
  }
}

TEST(TallyTest, IndicatorGivesTheSameFiguresAsAFullTally) {
  Tally full, indicator = Tally::indicator();
  RandomStream s(5, 0, stream_id_for("test.indicator"));
  for (int i = 0; i < 10000; ++i) {
    const double x = s.uniform() < 0.3 ? 1.0 : 0.0;
    full.add(x);
    indicator.add_indicator(x);
  }
  EXPECT_EQ(indicator.count(), full.count());
  EXPECT_DOUBLE_EQ(indicator.mean(), full.mean());
  EXPECT_NEAR(indicator.variance(), full.variance(), 1e-12);
  EXPECT_EQ(indicator.min(), 0.0);
  EXPECT_EQ(indicator.max(), 1.0);
  EXPECT_DOUBLE_EQ(indicator.sum(), full.sum());
  Tally ones = Tally::indicator();
  ones.add_indicator(1.0);
  ones.add_indicator(1.0);
  EXPECT_EQ(ones.min(), 1.0);
  EXPECT_EQ(ones.variance(), 0.0);
}

TEST(TallyTest, VarianceStaysAccurateFarFromZero) {
  // Shifted sums: values around 1e9 with spread 1 lose nothing (naive sums of squares would lose all).
  Tally t;
  for (int i = 0; i < 100000; ++i) t.add(1e9 + (i % 2 == 0 ? -1.0 : 1.0));
  EXPECT_NEAR(t.variance(), 100000.0 / 99999.0, 1e-9);
  EXPECT_NEAR(t.mean(), 1e9, 1e-6);
}

// Observations of very different sizes (a P1's hours and a P4's days) split among parts at random:
// merged, the parts must give what one tally of all of them gives.
void expect_merge_gives_the_whole(std::size_t n, std::size_t parts) {
  const std::vector<double> thresholds = {4.0, 40.0};
  Tally whole(thresholds);
  std::vector<Tally> part(parts, Tally(thresholds));
  RandomStream s(11, n, stream_id_for("test.merge"));
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t k = static_cast<std::size_t>(s.uniform() * static_cast<double>(parts));
    const double x = s.uniform() < 0.05 ? 0.0 : -std::log(s.uniform()) * std::pow(10.0, static_cast<double>(k));
    whole.add(x);
    part[k].add(x);
  }
  Tally merged(thresholds);
  for (const Tally& t : part) merged.merge(t);
  ASSERT_EQ(merged.count(), whole.count());
  EXPECT_EQ(merged.min(), whole.min());
  EXPECT_EQ(merged.max(), whole.max());
  for (std::size_t i = 0; i < thresholds.size(); ++i) EXPECT_EQ(merged.fraction_at_most(i), whole.fraction_at_most(i));
  // Quantiles come from the same kept observations or the same buckets: equal to the bit.
  for (double p : Tally::kQuantileLevels) EXPECT_EQ(merged.quantile(p), whole.quantile(p)) << "p = " << p;
  // Moments: sums in another order, a few ulps apart.
  EXPECT_NEAR(merged.sum(), whole.sum(), 1e-13 * whole.sum());
  EXPECT_NEAR(merged.mean(), whole.mean(), 1e-13 * whole.mean());
  EXPECT_NEAR(merged.variance(), whole.variance(), 1e-12 * whole.variance());
}

TEST(TallyTest, MergedPartsGiveTheWholeWithKeptObservations) {
  expect_merge_gives_the_whole(Tally::kExactQuantileLimit, 4);  // every observation kept: exact quantiles
}

TEST(TallyTest, MergedPartsGiveTheWholeWithTheHistogram) {
  expect_merge_gives_the_whole(Tally::kExactQuantileLimit + 1, 4);  // the parts keep theirs; the whole does not
  expect_merge_gives_the_whole(50000, 3);
}

TEST(TallyTest, MergingEmptyAndIntoEmptyChangesNothing) {
  Tally t({1.0}), empty({1.0}), into({1.0});
  t.add(0.5);
  t.add(3.0);
  t.merge(empty);
  EXPECT_EQ(t.count(), 2u);
  into.merge(t);
  EXPECT_EQ(into.count(), 2u);
  EXPECT_EQ(into.mean(), t.mean());
  EXPECT_EQ(into.variance(), t.variance());
  EXPECT_EQ(into.min(), 0.5);
  EXPECT_EQ(into.fraction_at_most(0), 0.5);
  EXPECT_EQ(into.quantile(0.5), t.quantile(0.5));
}

TEST(TallyTest, MergedIndicatorsCountTheOnes) {
  Tally a = Tally::indicator(), b = Tally::indicator(), merged = Tally::indicator();
  for (int i = 0; i < 10; ++i) a.add_indicator(i < 3 ? 1.0 : 0.0);
  for (int i = 0; i < 5; ++i) b.add_indicator(1.0);
  merged.merge(a);
  merged.merge(b);
  EXPECT_EQ(merged.count(), 15u);
  EXPECT_EQ(merged.mean(), 8.0 / 15.0);
  EXPECT_EQ(merged.min(), 0.0);
  EXPECT_EQ(merged.max(), 1.0);
}

// ----------------------------------------------------------------------------------- TimeWeighted

TEST(TimeWeightedTest, HandComputedAverage) {
  TimeWeighted q(0.0, 0.0);
  q.update(2.0, 3.0);   // 0 on [0,2)
  q.update(5.0, 1.0);   // 3 on [2,5): area 9
  q.update(10.0, 0.0);  // 1 on [5,10): area 5
  EXPECT_DOUBLE_EQ(q.integral(10.0), 14.0);
  EXPECT_DOUBLE_EQ(q.mean(10.0), 1.4);
  EXPECT_DOUBLE_EQ(q.integral(12.0), 14.0);
  EXPECT_DOUBLE_EQ(q.mean(12.0), 14.0 / 12.0);
  EXPECT_EQ(q.current(), 0.0);
  EXPECT_EQ(q.max(), 3.0);
}

TEST(TimeWeightedTest, EmptyWindowReturnsCurrentValue) {
  TimeWeighted q(100.0, 2.0);
  EXPECT_EQ(q.mean(100.0), 2.0);
  EXPECT_EQ(q.integral(100.0), 0.0);
  EXPECT_EQ(q.max(), 2.0);
  q.update(110.0, 0.0);
  EXPECT_DOUBLE_EQ(q.mean(120.0), 1.0);  // 2 for 10, 0 for 10
  q.update(120.0, 5.0);                  // a change at the very end
  EXPECT_DOUBLE_EQ(q.mean(120.0), 1.0);
}

TEST(TimeWeightedTest, ResetRestartsWindowKeepingCurrentValue) {
  TimeWeighted q(0.0, 0.0);
  q.update(2.0, 3.0);
  q.update(5.0, 1.0);
  q.reset(6.0);  // current value 1 carries over; max restarts at 1
  EXPECT_EQ(q.current(), 1.0);
  EXPECT_EQ(q.max(), 1.0);
  EXPECT_EQ(q.mean(6.0), 1.0);
  EXPECT_DOUBLE_EQ(q.integral(7.0), 1.0);
  q.update(8.0, 4.0);  // 1 on [6,8), then 4
  EXPECT_DOUBLE_EQ(q.integral(10.0), 2.0 + 8.0);
  EXPECT_DOUBLE_EQ(q.mean(10.0), 2.5);
  EXPECT_EQ(q.max(), 4.0);
}

// ----------------------------------------------------------------------------------- PeriodSeries

TEST(PeriodSeriesTest, HandComputedSums) {
  PeriodSeries ps(0.0, 10.0);
  EXPECT_TRUE(ps.values().empty());
  ps.add(0.0);
  ps.add(9.999);
  ps.add(10.0);  // a boundary belongs to the later period
  ps.add(35.0, 2.5);
  ps.add(-1.0);  // before origin: ignored
  ps.add(std::nan(""));
  EXPECT_EQ(ps.values(), (std::vector<double>{2.0, 1.0, 0.0, 2.5}));
  ps.ensure_periods(6);
  EXPECT_EQ(ps.values(), (std::vector<double>{2.0, 1.0, 0.0, 2.5, 0.0, 0.0}));
  ps.ensure_periods(2);  // never shrinks
  EXPECT_EQ(ps.values().size(), 6u);
  EXPECT_EQ(ps.period(), 10.0);
  EXPECT_EQ(ps.origin(), 0.0);
}

TEST(PeriodSeriesTest, OriginOffsetAndDays) {
  const double day = 86400.0;
  PeriodSeries ps(100.0, day);
  ps.add(99.0);
  ps.add(100.0, 3.0);
  ps.add(100.0 + day, 4.0);
  ps.add(100.0 + 3 * day - 1e-6);
  EXPECT_EQ(ps.values(), (std::vector<double>{3.0, 4.0, 1.0}));
}

TEST(PeriodSeriesTest, BoundaryComputedAsOriginPlusIndexTimesPeriodLandsInThatPeriod) {
  // With origin 0.1 and period 0.1 the division (t - origin) / period often rounds below the integer.
  const double origin = 0.1, period = 0.1;
  PeriodSeries ps(origin, period);
  const std::size_t n = 1000;
  for (std::size_t i = 0; i < n; ++i) ps.add(origin + static_cast<double>(i) * period);
  ASSERT_EQ(ps.values().size(), n);
  for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(ps.values()[i], 1.0) << "period " << i;
}

}  // namespace
}  // namespace desksim::sim
