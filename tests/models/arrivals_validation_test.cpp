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
