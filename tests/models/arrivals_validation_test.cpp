// Time-varying arrivals: simulated counts per hour of week against the configured profile
// (chi-square over 168 bins, pooled over replications), and the over-dispersion of daily counts
// against the configured Gamma day factor (variance/mean = 1 + m cv^2, within the CI across
// replications). Expected values are computed here from the scenario's own numbers, not by the
// model's code.
#include <gtest/gtest.h>

#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>

#include "analysis/statistics/replication_statistics.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

TEST(ArrivalsValidation, CountsPerHourOfWeekFollowTheProfile) {
  const auto s = testing::load("scenarios/validation/hour-of-week-profile.textproto");
  const auto r = testing::run(s, 4);
  const auto& w = s.demand().hour_of_week_weights();
  ASSERT_EQ(w.size(), 168);
  double total_weight = 0;
  for (double x : w) total_weight += x;
  const auto& seg = s.demand().population().segments(0);
  const double mean_rate_per_hour = seg.users() * seg.incidents_per_user_per_month() / 730.5;

  std::vector<double> observed(168, 0.0), expected(168, 0.0);
  for (const auto& rep : r.replications()) {
    const auto* p = testing::profile(rep, "tickets.raised_by_hour_of_week");
    ASSERT_NE(p, nullptr);
    ASSERT_EQ(p->values_size(), 168);
    for (int h = 0; h < 168; ++h) {
      EXPECT_NEAR(p->exposure_hours(h), 52.0, 1e-6);  // 52 whole weeks: every hour of week 52 times
      observed[h] += p->values(h);
      expected[h] += mean_rate_per_hour * w[h] * 168.0 / total_weight * p->exposure_hours(h);
    }
  }
  double chi2 = 0;
  for (int h = 0; h < 168; ++h) chi2 += (observed[h] - expected[h]) * (observed[h] - expected[h]) / expected[h];
  const double critical = boost::math::quantile(boost::math::chi_squared(168), 0.999);
  EXPECT_LT(chi2, critical) << "chi-square " << chi2 << " on 168 df";
  // The profile's shape is visible: Monday 09-10 (peak) vs Monday 03-04 (trough), ratio 7/0.3.
  EXPECT_NEAR(observed[9] / observed[3], 7.0 / 0.3, 0.25 * 7.0 / 0.3);
  // A mis-placed week (an offset error) would swap Monday and Sunday counts: chi-square of that alternative fails.
  double shifted = 0;
  for (int h = 0; h < 168; ++h) {
    const double e = expected[(h + 24) % 168];
    shifted += (observed[h] - e) * (observed[h] - e) / e;
  }
  EXPECT_GT(shifted, critical);
}

TEST(ArrivalsValidation, DailyCountsAreOverDispersedAsConfigured) {
  const auto s = testing::load("scenarios/validation/day-factor-overdispersion.textproto");
  const auto r = testing::run(s, 8);
  const auto& seg = s.demand().population().segments(0);
  const double m = seg.users() * seg.incidents_per_user_per_month() / 730.5 * 24.0;
  const double cv = s.demand().day_factor_cv();
  std::vector<double> ratios, means;
  for (const auto& rep : r.replications()) {
    const auto* daily = testing::series(rep, "tickets.raised_per_day");
    ASSERT_NE(daily, nullptr);
    ASSERT_GE(daily->values_size(), 365);
    double mean = 0, var = 0;
    const int n = 365;
    for (int d = 0; d < n; ++d) mean += daily->values(d) / n;
    for (int d = 0; d < n; ++d) var += (daily->values(d) - mean) * (daily->values(d) - mean) / (n - 1);
    ratios.push_back(var / mean);
    means.push_back(mean);
  }
  const auto ratio = analysis::estimate_mean(ratios);
  const auto mean = analysis::estimate_mean(means);
  EXPECT_TRUE(analysis::contains(ratio, 1.0 + m * cv * cv))
      << "variance/mean " << ratio.mean << " CI [" << ratio.low << ", " << ratio.high << "], configured " << 1.0 + m * cv * cv;
  EXPECT_TRUE(analysis::contains(mean, m)) << "daily mean " << mean.mean << " CI [" << mean.low << ", " << mean.high << "] vs " << m;
  EXPECT_GT(ratio.low, 10.0);  // far from Poisson
}

}  // namespace
}  // namespace desksim

namespace desksim {
namespace {

// Date factors, rate levels and a trend, against the expected count computed here day by day: a
// holiday with factor 0 raises nothing that day; the total over eight weeks lies in the run's CI.
TEST(ArrivalsValidation, HolidaysLevelsAndTrendScaleTheRateByDate) {
  auto s = testing::load("scenarios/validation/hour-of-week-profile.textproto");
  s.mutable_run()->set_horizon_hours(8 * 168);  // 2025-01-01 (a Wednesday) + 56 days
  auto* d = s.mutable_demand();
  auto* holiday = d->add_date_factors();
  holiday->set_date("2025-01-15");  // day 14
  holiday->set_factor(0.0);
  auto* half = d->add_date_factors();
  half->set_date("2025-01-20");  // day 19
  half->set_factor(0.5);
  auto* level = d->add_level_changes();
  level->set_from_date("2025-02-01");  // day 31
  level->set_level(1.5);
  d->set_trend_percent_per_year(20.0);
  auto r = testing::run(s, 6);

  const auto& w = s.demand().hour_of_week_weights();
  double total_weight = 0;
  for (double x : w) total_weight += x;
  const auto& seg = s.demand().population().segments(0);
  const double rate_per_hour = seg.users() * seg.incidents_per_user_per_month() / 730.5;
  const int start_weekday = 2;  // Wednesday, Monday = 0
  double expected = 0;
  for (int day = 0; day < 56; ++day) {
    double day_weight = 0;
    for (int h = 0; h < 24; ++h) day_weight += w[((day + start_weekday) % 7) * 24 + h];
    double factor = 1.0 + 0.20 * (day + 0.5) / 365.25;  // the trend, applied per day at its middle
    if (day == 14) factor *= 0.0;
    if (day == 19) factor *= 0.5;
    if (day >= 31) factor *= 1.5;
    expected += rate_per_hour * day_weight * 168.0 / total_weight * factor;
  }
  analysis::add_estimates(&r, 0.99);
  testing::expect_in_ci(r, "tickets.raised", expected);
  for (const auto& rep : r.replications()) {
    const auto* per_day = testing::series(rep, "tickets.raised_per_day");
    ASSERT_NE(per_day, nullptr);
    EXPECT_EQ(per_day->values(14), 0.0);
    EXPECT_GT(per_day->values(13), 0.0);
  }
}

}  // namespace
}  // namespace desksim
