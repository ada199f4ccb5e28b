// The interval methods against hand calculations, and the choice of method per kind of metric,
// including the intervals the issue reported from the baseline (a negative wait, a share above 1).
#include "analysis/statistics/metric_interval.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace desksim::analysis {
namespace {

// t_{p, 2} has the closed form (2p - 1) / sqrt(2 p (1 - p)); with three values df = 2.
const double kT2 = (2 * 0.975 - 1) / std::sqrt(2 * 0.975 * 0.025);  // 4.302653

TEST(IntervalMethods, LogTOnTheLogScaleByHand) {
  // {1, 2, 3}: mean 2, s 1, h = t s / (sqrt(3) 2) = 1.242069; [2 e^-h, 2 e^h] = [0.577572, 6.925540].
  const std::vector<double> v{1, 2, 3};
  const Interval i = log_t_interval(v, 0.95);
  const double h = kT2 / (std::sqrt(3.0) * 2.0);
  EXPECT_NEAR(h, 1.242069, 1e-6);
  EXPECT_NEAR(i.low, 2 * std::exp(-h), 1e-12);
  EXPECT_NEAR(i.high, 2 * std::exp(h), 1e-12);
  EXPECT_NEAR(i.low, 0.577572, 1e-6);
  EXPECT_NEAR(i.high, 6.925540, 1e-6);
  EXPECT_EQ(i.method, "log-t");
}

TEST(IntervalMethods, LogitTOnTheLogitScaleByHand) {
  // {0.2, 0.4, 0.6}: mean 0.4, s 0.2, h = t 0.2 / (sqrt(3) 0.4 0.6) = 2.070115 on the logit scale
  // around logit 0.4 = -0.405465: [expit(-2.475580), expit(1.664650)] = [0.077588, 0.840861].
  const std::vector<double> v{0.2, 0.4, 0.6};
  const Interval i = logit_t_interval(v, 0.95);
  EXPECT_NEAR(i.low, 0.077588, 1e-6);
  EXPECT_NEAR(i.high, 0.840861, 1e-6);
  EXPECT_EQ(i.method, "logit-t");
}

TEST(IntervalMethods, LognormalCoxByHand) {
  // {1, e, e^2}: logs {0, 1, 2}, mean 1, s^2 = 1; centre 1.5, h = t sqrt(1/3 + 1/4) = 3.286205;
  // [e^-1.786205, e^4.786205] = [0.167595, 119.8457]. The sample mean 3.70 lies inside.
  const std::vector<double> v{1, std::exp(1.0), std::exp(2.0)};
  const Interval i = lognormal_cox_interval(v, 0.95);
  const double h = kT2 * std::sqrt(1.0 / 3 + 1.0 / 4);
  EXPECT_NEAR(i.low, std::exp(1.5 - h), 1e-9);
  EXPECT_NEAR(i.high, std::exp(1.5 + h), 1e-9);
  EXPECT_NEAR(i.low, 0.167595, 1e-6);
  EXPECT_EQ(i.method, "lognormal-cox");
}

TEST(IntervalMethods, ClopperPearsonByHand) {
  // k = n: the lower bound solves p^n = alpha/2, so 0.025^(1/5) = 0.478176; k = 0 mirrors it.
  const Interval all = clopper_pearson_interval(5, 5, 0.95);
  EXPECT_NEAR(all.low, std::pow(0.025, 0.2), 1e-12);
  EXPECT_EQ(all.high, 1.0);
  const Interval none = clopper_pearson_interval(0, 5, 0.95);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_NEAR(none.high, 1 - std::pow(0.025, 0.2), 1e-12);
  // k = 1 of 2: the bounds solve 1 - (1-p)^2 = 0.025 and p^2 = 0.975.
  const Interval half = clopper_pearson_interval(1, 2, 0.95);
  EXPECT_NEAR(half.low, 1 - std::sqrt(0.975), 1e-12);
  EXPECT_NEAR(half.high, std::sqrt(0.975), 1e-12);
}

TEST(IntervalMethods, ClopperPearsonNeverCoversLessThanNominal) {
  // Exact coverage at p: sum over k of Binomial(5, p)(k) for the k whose interval holds p.
  const int n = 5;
  double lowest = 1.0;
  for (int step = 1; step < 1000; ++step) {
    const double p = step / 1000.0;
    double coverage = 0.0;
    for (int k = 0; k <= n; ++k) {
      const Interval i = clopper_pearson_interval(k, n, 0.95);
      if (i.low <= p && p <= i.high)
        coverage += std::tgamma(n + 1.0) / (std::tgamma(k + 1.0) * std::tgamma(n - k + 1.0)) * std::pow(p, k) *
                    std::pow(1 - p, n - k);
    }
    lowest = std::min(lowest, coverage);
  }
  EXPECT_GE(lowest, 0.95);
}

TEST(MetricInterval, TheIssuesIntervalsStayInTheirRange) {
  // Five replications like the baseline's: a skewed mean wait (Student-t gave [-0.011, 0.080]),
  // planned downtime in one replication of five ([-42.6, 90.6]), a target met in 2 of 5 ([-0.28,
  // 1.08]) and a response attainment near 1 (upper bound 1.00045).
  const std::vector<double> wait{0.005, 0.008, 0.012, 0.030, 0.116};
  const Interval w = interval_for(MetricKind::kNonNegative, wait, 0.95);
  EXPECT_GT(w.low, 0.0);
  EXPECT_EQ(w.method, "lognormal-cox");
  const std::vector<double> planned{0, 0, 0, 0, 120};
  const Interval p = interval_for(MetricKind::kNonNegative, planned, 0.95);
  EXPECT_GT(p.low, 0.0);
  EXPECT_EQ(p.method, "log-t");
  const std::vector<double> met{1, 0, 1, 0, 0};
  const Interval m = interval_for(MetricKind::kIndicator, met, 0.95);
  EXPECT_GE(m.low, 0.0);
  EXPECT_LE(m.high, 1.0);
  EXPECT_EQ(m.method, "clopper-pearson");
  const std::vector<double> attainment{0.9990, 0.9995, 0.99995, 1.0, 0.99993};
  const Interval a = interval_for(MetricKind::kShare, attainment, 0.95);
  EXPECT_LT(a.high, 1.0);
  EXPECT_GT(a.low, 0.99);
  EXPECT_EQ(a.method, "logit-t");
}

TEST(MetricInterval, DegenerateCasesAreNamed) {
  const std::vector<double> one{3.0}, same{2.0, 2.0, 2.0}, ones{1, 1, 1, 1, 1};
  EXPECT_EQ(interval_for(MetricKind::kReal, one, 0.95).method, "none");
  EXPECT_TRUE(std::isnan(interval_for(MetricKind::kReal, {}, 0.95).low));
  const Interval d = interval_for(MetricKind::kNonNegative, same, 0.95);
  EXPECT_EQ(d.method, "degenerate");
  EXPECT_EQ(d.low, 2.0);
  EXPECT_EQ(d.high, 2.0);
  // A target met in every replication is not certain to be met: five of five bounds it below by 0.478.
  const Interval all_met = interval_for(MetricKind::kIndicator, ones, 0.95);
  EXPECT_EQ(all_met.method, "clopper-pearson");
  EXPECT_NEAR(all_met.low, 0.478176, 1e-6);
}

TEST(MetricInterval, ValuesOutsideTheDeclaredRangeWidenTheKind) {
  const std::vector<double> above_one{0.5, 1.2, 0.9}, negative{-1.0, 2.0, 3.0}, fractional{0.0, 0.5, 1.0};
  EXPECT_EQ(fitted_kind(MetricKind::kShare, above_one), MetricKind::kNonNegative);
  EXPECT_EQ(fitted_kind(MetricKind::kNonNegative, negative), MetricKind::kReal);
  EXPECT_EQ(fitted_kind(MetricKind::kIndicator, fractional), MetricKind::kShare);
  EXPECT_EQ(interval_for(MetricKind::kShare, negative, 0.95).method, "student-t");
}

}  // namespace
}  // namespace desksim::analysis
