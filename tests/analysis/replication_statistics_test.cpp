// Student-t intervals across replications: quantiles, hand-computed intervals, paired/Welch/batch
// variants, degenerate inputs, and empirical coverage with a fully specified generator.
#include "analysis/statistics/replication_statistics.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace desksim::analysis {
namespace {

// t_{p, 2} has the closed form (2p - 1) / sqrt(2 p (1 - p)).
double t_two_df(double p) { return (2 * p - 1) / std::sqrt(2 * p * (1 - p)); }

TEST(StudentT, KnownQuantiles) {
  EXPECT_NEAR(student_t_critical(0.95, 9), 2.262157, 1e-6);
  EXPECT_NEAR(student_t_critical(0.95, 4), 2.776445, 1e-6);
  EXPECT_NEAR(student_t_critical(0.99, 9), 3.249836, 1e-6);
  EXPECT_NEAR(student_t_critical(0.95, 2), t_two_df(0.975), 1e-12);
  EXPECT_NEAR(student_t_critical(0.90, 2), t_two_df(0.95), 1e-12);
  EXPECT_NEAR(student_t_critical(0.95, 1e7), 1.959964, 1e-6);  // -> normal
  EXPECT_TRUE(std::isnan(student_t_critical(1.0, 9)));
  EXPECT_TRUE(std::isnan(student_t_critical(0.95, 0)));
}

TEST(EstimateMean, HandComputedInterval) {
  // {2, 4, 6}: mean 4, s = 2, half width t_{0.975,2} * 2 / sqrt(3) = 4.968275...
  const std::vector<double> v{2, 4, 6};
  const Estimate e = estimate_mean(v);
  EXPECT_EQ(e.n, 3u);
  EXPECT_DOUBLE_EQ(e.mean, 4.0);
  EXPECT_DOUBLE_EQ(e.stddev, 2.0);
  EXPECT_NEAR(e.half_width, t_two_df(0.975) * 2.0 / std::sqrt(3.0), 1e-12);
  EXPECT_NEAR(e.half_width, 4.968275, 1e-6);
  EXPECT_NEAR(e.low, 4.0 - e.half_width, 1e-15);
  EXPECT_NEAR(e.high, 4.0 + e.half_width, 1e-15);
  EXPECT_EQ(e.confidence, 0.95);
  EXPECT_TRUE(contains(e, -0.96));
  EXPECT_FALSE(contains(e, -0.97));
}

TEST(EstimateMean, TenReplicationsUseNineDegreesOfFreedom) {
  const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const Estimate e = estimate_mean(v);
  EXPECT_DOUBLE_EQ(e.mean, 5.5);
  EXPECT_NEAR(e.stddev, std::sqrt(55.0 / 6.0), 1e-14);
  EXPECT_NEAR(e.half_width / (e.stddev / std::sqrt(10.0)), 2.262157, 1e-6);
}

TEST(EstimateMean, DegenerateInputs) {
  const Estimate none = estimate_mean({});
  EXPECT_EQ(none.n, 0u);
  EXPECT_TRUE(std::isnan(none.mean));
  EXPECT_FALSE(contains(none, 0.0));

  const std::vector<double> one{3.5};
  const Estimate single = estimate_mean(one);
  EXPECT_EQ(single.mean, 3.5);
  EXPECT_EQ(single.stddev, 0.0);
  EXPECT_EQ(single.half_width, std::numeric_limits<double>::infinity());
  EXPECT_EQ(single.low, -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(contains(single, 1e300));

  const std::vector<double> same{7, 7, 7, 7};
  const Estimate flat = estimate_mean(same);
  EXPECT_EQ(flat.stddev, 0.0);
  EXPECT_EQ(flat.half_width, 0.0);
  EXPECT_TRUE(contains(flat, 7.0));

  const Estimate bad = estimate_mean(same, 1.5);
  EXPECT_EQ(bad.mean, 7.0);
  EXPECT_TRUE(std::isnan(bad.half_width));
}

TEST(EstimateMean, LargeOffsetDoesNotCancel) {
  // Naive E[x^2] - mean^2 loses all digits here; the two-pass form keeps them.
  const std::vector<double> v{1e9 + 2, 1e9 + 4, 1e9 + 6};
  const Estimate e = estimate_mean(v);
  EXPECT_DOUBLE_EQ(e.mean, 1e9 + 4);
  EXPECT_NEAR(e.stddev, 2.0, 1e-9);
}

TEST(PairedDifference, EqualsMeanOfDifferences) {
  const std::vector<double> a{10.1, 12.4, 9.8, 11.0, 10.6}, b{10.9, 13.0, 10.1, 12.2, 11.0};
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) d[i] = b[i] - a[i];
  const Estimate paired = estimate_paired_difference(a, b);
  const Estimate direct = estimate_mean(d);
  EXPECT_EQ(paired.n, 5u);
  EXPECT_EQ(paired.mean, direct.mean);
  EXPECT_EQ(paired.stddev, direct.stddev);
  EXPECT_EQ(paired.half_width, direct.half_width);
  EXPECT_GT(paired.low, 0.0);  // common random numbers expose a small consistent gain
  const Estimate mismatch = estimate_paired_difference(a, std::vector<double>{1, 2});
  EXPECT_EQ(mismatch.n, 0u);
  EXPECT_TRUE(std::isnan(mismatch.mean));
}

TEST(WelchDifference, EqualVariancesGivePooledDegreesOfFreedom) {
  // Equal sizes and variances: f = 2(n - 1) = 4, se = sqrt(2 s^2 / n) = sqrt(2/3).
  const std::vector<double> a{1, 2, 3}, b{11, 12, 13};
  const Estimate e = estimate_welch_difference(a, b);
  EXPECT_EQ(e.n, 6u);
  EXPECT_DOUBLE_EQ(e.mean, 10.0);
  EXPECT_NEAR(e.stddev, std::sqrt(2.0 / 3.0), 1e-15);
  EXPECT_NEAR(e.half_width, 2.776445 * std::sqrt(2.0 / 3.0), 1e-6);
}

TEST(WelchDifference, UnequalVariancesSatterthwaite) {
  // a: mean 2.5, s^2 = 5/3; b: mean 6, s^2 = 10. se^2 = 5/12 + 2 = 29/12,
  // f = (29/12)^2 / ((5/12)^2 / 3 + 2^2 / 4) = (841/144) / (457/432) = 2523/457 = 5.5208...
  const std::vector<double> a{1, 2, 3, 4}, b{2, 4, 6, 8, 10};
  const Estimate e = estimate_welch_difference(a, b);
  const double se2 = 29.0 / 12.0;
  const double f = se2 * se2 / ((5.0 / 12.0) * (5.0 / 12.0) / 3.0 + 1.0);
  EXPECT_NEAR(f, 2523.0 / 457.0, 1e-14);
  EXPECT_DOUBLE_EQ(e.mean, 3.5);
  EXPECT_NEAR(e.stddev, std::sqrt(se2), 1e-15);
  EXPECT_NEAR(e.half_width, student_t_critical(0.95, f) * std::sqrt(se2), 1e-12);
  // Between the t quantiles of the neighbouring integer degrees of freedom.
  EXPECT_GT(e.half_width, student_t_critical(0.95, 6) * std::sqrt(se2));
  EXPECT_LT(e.half_width, student_t_critical(0.95, 5) * std::sqrt(se2));
  const std::vector<double> one{1.0};
  EXPECT_TRUE(std::isinf(estimate_welch_difference(one, b).half_width));
  EXPECT_TRUE(std::isnan(estimate_welch_difference({}, b).mean));
}

TEST(BatchMeans, DropsLeadingRemainderAndAveragesBatches) {
  // 10 observations in 3 batches of 3: the first observation is dropped.
  const std::vector<double> x{100, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  const Estimate e = estimate_batch_means(x, 3);
  EXPECT_EQ(e.n, 3u);
  EXPECT_DOUBLE_EQ(e.mean, 5.0);  // batch means 2, 5, 8
  EXPECT_DOUBLE_EQ(e.stddev, 3.0);
  EXPECT_NEAR(e.half_width, t_two_df(0.975) * 3.0 / std::sqrt(3.0), 1e-12);
  EXPECT_EQ(estimate_batch_means(x, 0).n, 0u);
  EXPECT_TRUE(std::isnan(estimate_batch_means(x, 11).mean));
  EXPECT_EQ(estimate_batch_means(x, 10).n, 10u);
}

// Standard normal by Box-Muller on std::mt19937_64 (whose output sequence the C++ standard fixes),
// with our own 53-bit uniform so the test does not depend on library distribution code.
class Normal {
 public:
  explicit Normal(std::uint64_t seed) : engine_(seed) {}
  double operator()() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * 3.14159265358979323846 * u2;
    spare_ = r * std::sin(angle);
    has_spare_ = true;
    return r * std::cos(angle);
  }

 private:
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::mt19937_64 engine_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

TEST(EstimateMean, CoverageOfNinetyFivePercentInterval) {
  constexpr int kRepetitions = 2000;
  constexpr double kTrueMean = 5.0, kSigma = 2.0;
  Normal normal(20240611);
  int covered = 0;
  std::vector<double> sample(10);
  for (int rep = 0; rep < kRepetitions; ++rep) {
    for (double& x : sample) x = kTrueMean + kSigma * normal();
    covered += contains(estimate_mean(sample), kTrueMean) ? 1 : 0;
  }
  const double coverage = static_cast<double>(covered) / kRepetitions;
  const double tolerance = 3.0 * std::sqrt(0.95 * 0.05 / kRepetitions);
  EXPECT_NEAR(coverage, 0.95, tolerance) << covered << " of " << kRepetitions;
  RecordProperty("coverage", std::to_string(coverage));
}

}  // namespace
}  // namespace desksim::analysis
