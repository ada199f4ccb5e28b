#include "sim/random/distribution.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>

namespace desksim::sim {
namespace {

constexpr int kDraws = 200'000;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> draw(const Distribution& d, const std::string& stream_name, int n = kDraws) {
  RandomStream s(777, 0, stream_id_for(stream_name));
  std::vector<double> xs(n);
  for (double& x : xs) x = d.sample(s);
  return xs;
}

// Checks the sample mean and variance against the exact ones:
//   |mean_hat - mean| < 4 * sqrt(var / n)
//   |var_hat - var|   < 4 * sqrt((mu4 - var^2) / n) = 4 * var * sqrt((kurtosis - 1) / n),
// the asymptotic standard error of the sample variance (kurtosis = mu4 / var^2, exact for each law).
void ExpectMoments(const std::vector<double>& xs, double mean, double var, double kurtosis) {
  const double n = static_cast<double>(xs.size());
  double m = 0.0;
  for (double x : xs) m += x;
  m /= n;
  double ss = 0.0;
  for (double x : xs) ss += (x - m) * (x - m);
  const double v = ss / (n - 1);
  EXPECT_NEAR(m, mean, 4 * std::sqrt(var / n));
  EXPECT_NEAR(v, var, 4 * var * std::sqrt((kurtosis - 1) / n));
}

// Kolmogorov-Smirnov statistic D = sup |F_n - F|; rejected at the 0.001 level if D > 1.949 / sqrt(n)
// (asymptotic critical value, K^-1(0.999) = 1.9495).
void ExpectKolmogorovSmirnov(std::vector<double> xs, const std::function<double(double)>& cdf) {
  std::sort(xs.begin(), xs.end());
  const double n = static_cast<double>(xs.size());
  double d = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double f = cdf(xs[i]);
    d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
  }
  EXPECT_LT(d, 1.949 / std::sqrt(n));
}

TEST(DistributionTest, Deterministic) {
  const auto d = Distribution::deterministic(42.5);
  EXPECT_EQ(d.kind(), Distribution::Kind::kDeterministic);
  RandomStream s(1, 0, 0);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(d.sample(s), 42.5);
  EXPECT_EQ(s.draws(), 0u);  // consumes no uniforms
  EXPECT_EQ(d.mean(), 42.5);
  EXPECT_EQ(d.variance(), 0.0);
  EXPECT_EQ(d.scv(), 0.0);
  EXPECT_EQ(Distribution::deterministic(0.0).scv(), 0.0);
}

TEST(DistributionTest, Exponential) {
  const auto d = Distribution::exponential(180);
  EXPECT_DOUBLE_EQ(d.mean(), 180);
  EXPECT_DOUBLE_EQ(d.variance(), 180.0 * 180.0);
  EXPECT_DOUBLE_EQ(d.scv(), 1.0);
  const auto xs = draw(d, "exponential");
  ExpectMoments(xs, 180, 180.0 * 180.0, 9.0);
  const boost::math::exponential_distribution<> law(1.0 / 180);
  ExpectKolmogorovSmirnov(xs, [&](double x) { return cdf(law, x); });
}

TEST(DistributionTest, Erlang) {
  const auto d = Distribution::erlang(3, 60);
  EXPECT_DOUBLE_EQ(d.mean(), 60);
  EXPECT_DOUBLE_EQ(d.variance(), 1200);
  EXPECT_DOUBLE_EQ(d.scv(), 1.0 / 3.0);
  const auto xs = draw(d, "erlang");
  ExpectMoments(xs, 60, 1200, 3.0 + 6.0 / 3);
  const boost::math::gamma_distribution<> law(3, 20);
  ExpectKolmogorovSmirnov(xs, [&](double x) { return cdf(law, x); });
}

TEST(DistributionTest, ErlangWithManyPhasesDoesNotUnderflow) {
  // The product of 5000 uniforms is about e^-5000, far below the smallest double.
  const auto xs = draw(Distribution::erlang(5000, 10), "erlang.large", 2000);
  for (double x : xs) ASSERT_TRUE(std::isfinite(x) && x > 0);
  ExpectMoments(xs, 10, 100.0 / 5000, 3.0 + 6.0 / 5000);
}

TEST(DistributionTest, Gamma) {
  for (double shape : {0.3, 1.0, 2.5}) {
    SCOPED_TRACE("shape " + std::to_string(shape));
    const auto d = Distribution::gamma(shape, 50);
    EXPECT_DOUBLE_EQ(d.mean(), 50);
    EXPECT_DOUBLE_EQ(d.variance(), 2500 / shape);
    EXPECT_DOUBLE_EQ(d.scv(), 1 / shape);
    const auto xs = draw(d, "gamma." + std::to_string(shape));
    ExpectMoments(xs, 50, 2500 / shape, 3.0 + 6.0 / shape);
    const boost::math::gamma_distribution<> law(shape, 50 / shape);
    ExpectKolmogorovSmirnov(xs, [&](double x) { return cdf(law, x); });
  }
}

TEST(DistributionTest, Lognormal) {
  const double mean = 300, cv = 0.5;
  const auto d = Distribution::lognormal(mean, cv);
  EXPECT_DOUBLE_EQ(d.mean(), mean);
  EXPECT_DOUBLE_EQ(d.variance(), (mean * cv) * (mean * cv));
  EXPECT_DOUBLE_EQ(d.scv(), cv * cv);
  // Exact conversion: sigma^2 = log(1 + cv^2), mu = log(mean) - sigma^2 / 2.
  const double s2 = std::log(1 + cv * cv);
  const double kurtosis = std::exp(4 * s2) + 2 * std::exp(3 * s2) + 3 * std::exp(2 * s2) - 3;
  const auto xs = draw(d, "lognormal");
  ExpectMoments(xs, mean, (mean * cv) * (mean * cv), kurtosis);
  const boost::math::lognormal_distribution<> law(std::log(mean) - s2 / 2, std::sqrt(s2));
  ExpectKolmogorovSmirnov(xs, [&](double x) { return cdf(law, x); });
}

TEST(DistributionTest, StandardNormalSampler) {
  RandomStream s(5, 0, stream_id_for("normal"));
  std::vector<double> xs(kDraws);
  for (double& x : xs) x = sample_standard_normal(s);
  EXPECT_EQ(s.draws(), static_cast<std::uint64_t>(kDraws));  // exactly one uniform per variate
  ExpectMoments(xs, 0, 1, 3);
  const boost::math::normal_distribution<> law;
  ExpectKolmogorovSmirnov(xs, [&](double x) { return cdf(law, x); });
}

TEST(DistributionTest, Uniform) {
  const auto d = Distribution::uniform(10, 30);
  EXPECT_DOUBLE_EQ(d.mean(), 20);
  EXPECT_DOUBLE_EQ(d.variance(), 400.0 / 12);
  const auto xs = draw(d, "uniform");
  for (double x : xs) ASSERT_TRUE(x > 10 && x < 30);
  ExpectMoments(xs, 20, 400.0 / 12, 9.0 / 5);
  const boost::math::uniform_distribution<> law(10, 30);
  ExpectKolmogorovSmirnov(xs, [&](double x) { return cdf(law, x); });
}

TEST(DistributionTest, Triangular) {
  const double a = 2, c = 3, b = 10;  // low, mode, high
  const auto d = Distribution::triangular(a, c, b);
  const double var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  EXPECT_DOUBLE_EQ(d.mean(), 5);
  EXPECT_DOUBLE_EQ(d.variance(), var);
  const auto xs = draw(d, "triangular");
  ExpectMoments(xs, 5, var, 2.4);  // excess kurtosis -3/5
  const boost::math::triangular_distribution<> law(a, c, b);
  ExpectKolmogorovSmirnov(xs, [&](double x) { return cdf(law, x); });
}

TEST(DistributionTest, Empirical) {
  const std::vector<double> values = {5, 10, 20, 99};
  const std::vector<double> probs = {0.2, 0.5, 0.3, 0.0};
  const auto d = Distribution::empirical(values, probs);
  const double mean = 0.2 * 5 + 0.5 * 10 + 0.3 * 20;  // 12
  double var = 0, mu4 = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    var += probs[i] * std::pow(values[i] - mean, 2);
    mu4 += probs[i] * std::pow(values[i] - mean, 4);
  }
  EXPECT_DOUBLE_EQ(d.mean(), mean);
  EXPECT_DOUBLE_EQ(d.variance(), var);
  const auto xs = draw(d, "empirical");
  ExpectMoments(xs, mean, var, mu4 / (var * var));
  // Frequencies within 4 standard errors sqrt(p(1-p)/n); the zero-probability value never appears.
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double freq = static_cast<double>(std::count(xs.begin(), xs.end(), values[i])) / kDraws;
    EXPECT_NEAR(freq, probs[i], 4 * std::sqrt(probs[i] * (1 - probs[i]) / kDraws) + 1e-12);
  }
}

// 10^6 draws: the sample mean must lie within z_{0.9995} = 3.2905 standard errors of the exact mean
// (a 99.9% interval around it, with the exact standard deviation), and the whole sample must pass
// Kolmogorov-Smirnov at the 0.001 level.
constexpr int kManyDraws = 1'000'000;
constexpr double kZ999 = 3.2905;

void ExpectMeanInside999Interval(const std::vector<double>& xs, double mean, double var) {
  const double n = static_cast<double>(xs.size());
  double m = 0.0;
  for (double x : xs) m += x;
  m /= n;
  const double half_width = kZ999 * std::sqrt(var / n);
  std::cout << "sample mean " << m << ", exact " << mean << " +- " << half_width << " (99.9%)\n";
  EXPECT_NEAR(m, mean, half_width);
}

// The log-quantile example of the schema: p0, p25, p50, p75, p90, p95, p99, max.
const std::vector<double> kQuantileValues = {2, 6, 11, 25, 60, 110, 400, 2000};
const std::vector<double> kQuantileLevels = {0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1};

double piecewise_cdf(const std::vector<double>& v, const std::vector<double>& p, double x) {
  if (x <= v.front()) return 0.0;
  for (std::size_t i = 1; i < v.size(); ++i)
    if (x < v[i]) return p[i - 1] + (p[i] - p[i - 1]) * (x - v[i - 1]) / (v[i] - v[i - 1]);
  return 1.0;
}

TEST(DistributionTest, PiecewiseLinearMeanVarianceAndLaw) {
  const auto d = Distribution::piecewise_linear(kQuantileValues, kQuantileLevels);
  EXPECT_EQ(d.kind(), Distribution::Kind::kPiecewiseLinear);
  // By hand, mass x midpoint per segment: .25*4 + .25*8.5 + .25*18 + .15*42.5 + .05*85 + .04*255
  // + .01*1200 = 1 + 2.125 + 4.5 + 6.375 + 4.25 + 10.2 + 12 = 40.45.
  EXPECT_NEAR(d.mean(), 40.45, 1e-12);
  // E[X^2] of a uniform segment on [a, b] is (a^2 + ab + b^2) / 3: a formula independent of the one
  // variance() uses (midpoints and widths).
  double second = 0.0;
  for (std::size_t i = 1; i < kQuantileValues.size(); ++i) {
    const double a = kQuantileValues[i - 1], b = kQuantileValues[i];
    second += (kQuantileLevels[i] - kQuantileLevels[i - 1]) * (a * a + a * b + b * b) / 3;
  }
  const double var = second - 40.45 * 40.45;
  EXPECT_NEAR(d.variance(), var, 1e-9 * var);
  RandomStream s(777, 0, stream_id_for("piecewise"));
  std::vector<double> xs(kManyDraws);
  for (double& x : xs) x = d.sample(s);
  EXPECT_EQ(s.draws(), static_cast<std::uint64_t>(kManyDraws));  // inverse transform: one uniform each
  for (double x : xs) ASSERT_TRUE(x >= 2 && x <= 2000) << x;
  ExpectMeanInside999Interval(xs, 40.45, var);
  ExpectKolmogorovSmirnov(xs, [](double x) { return piecewise_cdf(kQuantileValues, kQuantileLevels, x); });
}

TEST(DistributionTest, PiecewiseLinearFlatStepIsAGapAndLastPointIsRenormalised) {
  // Cumulative 0 -> 0.5 on [0, 1], flat on [1, 2], 0.5 -> 0.99995 on [2, 3]; the last point is 1 after
  // dividing by 0.99995, so the upper segment carries 0.49995 / 0.99995 of the mass.
  const auto d = Distribution::piecewise_linear({0, 1, 2, 3}, {0, 0.5, 0.5, 0.99995});
  EXPECT_TRUE(d.IsValid(nullptr));
  const double upper = 0.49995 / 0.99995;
  EXPECT_NEAR(d.mean(), (1 - upper) * 0.5 + upper * 2.5, 1e-15);
  const auto xs = draw(d, "piecewise.gap");
  int above = 0;
  for (double x : xs) {
    ASSERT_FALSE(x > 1 && x < 2) << x;
    above += x >= 2;
  }
  EXPECT_NEAR(above / double(kDraws), upper, 4 * std::sqrt(upper * (1 - upper) / kDraws));
}

TEST(DistributionTest, MixtureMeanVarianceAndLaw) {
  // 85% routine tickets (lognormal mean 2, cv 1) and 15% complex ones (exponential mean 30).
  const auto d = Distribution::mixture({0.85, 0.15}, {Distribution::lognormal(2, 1), Distribution::exponential(30)});
  EXPECT_EQ(d.kind(), Distribution::Kind::kMixture);
  EXPECT_EQ(d.mixture_depth(), 1);
  // Mean 0.85 * 2 + 0.15 * 30 = 6.2; E[X^2] = 0.85 * (2^2 * (1 + 1)) + 0.15 * (2 * 30^2) = 276.8.
  EXPECT_NEAR(d.mean(), 6.2, 1e-12);
  EXPECT_NEAR(d.variance(), 276.8 - 6.2 * 6.2, 1e-9);
  RandomStream s(777, 0, stream_id_for("mixture"));
  std::vector<double> xs(kManyDraws);
  for (double& x : xs) x = d.sample(s);
  ExpectMeanInside999Interval(xs, 6.2, 276.8 - 6.2 * 6.2);
  const double s2 = std::log(2.0);  // lognormal cv 1: sigma^2 = log(1 + 1)
  const boost::math::lognormal_distribution<> routine(std::log(2.0) - s2 / 2, std::sqrt(s2));
  const boost::math::exponential_distribution<> complex(1.0 / 30);
  ExpectKolmogorovSmirnov(xs, [&](double x) { return 0.85 * cdf(routine, x) + 0.15 * cdf(complex, x); });
}

TEST(DistributionTest, NestedMixturePicksThePartWithOneUniformThenDrawsFromTheSameStream) {
  const auto inner = Distribution::mixture({0.5, 0.5}, {Distribution::uniform(2, 4), Distribution::deterministic(10)});
  const auto d = Distribution::mixture({0.5, 0.5}, {Distribution::deterministic(1), inner});
  EXPECT_EQ(d.mixture_depth(), 2);
  // 0.5 * 1 + 0.5 * (0.5 * 3 + 0.5 * 10) = 3.75.
  EXPECT_NEAR(d.mean(), 3.75, 1e-15);
  RandomStream a(9, 0, 1), b(9, 0, 1);
  for (int i = 0; i < 1000; ++i) {
    const double x = d.sample(a);
    double expected = 1.0;  // the first part, a deterministic value, draws nothing more
    if (b.uniform() >= 0.5) expected = b.uniform() < 0.5 ? 2 + 2 * b.uniform() : 10.0;
    ASSERT_EQ(x, expected) << "draw " << i;
  }
  EXPECT_EQ(a.draws(), b.draws());
  // By hand: E[X^2] = 0.5 * 1 + 0.5 * (0.5 * 28/3 + 0.5 * 100) = 167/6 (28/3 is E[U(2,4)^2]), so
  // var = 167/6 - 3.75^2 = 661/48.
  EXPECT_NEAR(d.variance(), 661.0 / 48, 1e-12);
  ExpectMeanInside999Interval(draw(d, "mixture.nested", kManyDraws), 3.75, 661.0 / 48);
}

TEST(DistributionTest, MixtureWeightsWithinToleranceAreRenormalised) {
  // Weights printed to five decimals summing to 0.99999: the means are weighted by weight / 0.99999.
  const auto d = Distribution::mixture({0.33333, 0.66666}, {Distribution::deterministic(3), Distribution::deterministic(6)});
  EXPECT_TRUE(d.IsValid(nullptr));
  EXPECT_NEAR(d.mean(), (0.33333 * 3 + 0.66666 * 6) / 0.99999, 1e-14);
  // A zero-weight part is never drawn, even when it is the last.
  const auto z = Distribution::mixture({1, 0}, {Distribution::deterministic(3), Distribution::deterministic(6)});
  for (double x : draw(z, "mixture.zero", 10'000)) ASSERT_EQ(x, 3.0);
}

TEST(DistributionTest, SampleDiscreteUsesUpperBound) {
  // Cumulative {0.25, 0.25, 1}: the middle entry has probability 0 and must never be chosen.
  const std::vector<double> cumulative = {0.25, 0.25, 1.0};
  RandomStream s(3, 0, 0);
  int counts[3] = {0, 0, 0};
  const int n = 100'000;
  for (int i = 0; i < n; ++i) ++counts[sample_discrete(s, cumulative)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0] / double(n), 0.25, 4 * std::sqrt(0.25 * 0.75 / n));
  // Rounding slack below 1 is clamped to the last index rather than running off the end.
  const std::vector<double> short_of_one = {0.0, 0.0};
  EXPECT_EQ(sample_discrete(s, short_of_one), 1u);
}

TEST(DistributionTest, ScaledScalesMeanByFactorAndVarianceByFactorSquared) {
  const std::vector<Distribution> all = {
      Distribution::deterministic(3),      Distribution::exponential(2),
      Distribution::erlang(4, 2),          Distribution::gamma(0.7, 2),
      Distribution::lognormal(2, 1.5),     Distribution::uniform(1, 3),
      Distribution::empirical({1, 2, 4}, {0.25, 0.25, 0.5}), Distribution::triangular(1, 2, 4),
      Distribution::piecewise_linear({1, 2, 4}, {0, 0.25, 1}),
      Distribution::mixture({0.3, 0.7}, {Distribution::exponential(2), Distribution::uniform(1, 3)})};
  const double factor = 60;
  for (const auto& d : all) {
    SCOPED_TRACE(d.describe());
    const auto scaled = d.scaled(factor);
    EXPECT_EQ(scaled.kind(), d.kind());
    EXPECT_TRUE(scaled.IsValid(nullptr));
    EXPECT_NEAR(scaled.mean(), factor * d.mean(), 1e-12 * factor * d.mean());
    EXPECT_NEAR(scaled.variance(), factor * factor * d.variance(), 1e-12 * factor * factor * d.variance());
    EXPECT_NEAR(scaled.scv(), d.scv(), 1e-12);
  }
  std::string error;
  EXPECT_FALSE(Distribution::exponential(2).scaled(-1).IsValid(&error));
  EXPECT_EQ(error, "exponential mean must be > 0 (got -2)");
}

TEST(DistributionTest, IsValidAcceptsGoodParameters) {
  std::string error = "untouched";
  for (const auto& d : {Distribution::deterministic(0), Distribution::exponential(1), Distribution::erlang(1, 1),
                        Distribution::gamma(0.1, 1), Distribution::lognormal(1, 0), Distribution::uniform(0, 0),
                        Distribution::empirical({0, 1}, {0.3, 0.7 + 5e-10}), Distribution::triangular(0, 0, 1),
                        Distribution::empirical({0, 1}, {0.33333, 0.66666}),
                        Distribution::piecewise_linear({0, 1}, {0, 1}),
                        Distribution::piecewise_linear({0, 1, 2}, {0, 0, 1.00009}),
                        Distribution::mixture({1}, {Distribution::exponential(1)}),
                        Distribution::mixture({0.50005, 0.50004}, {Distribution::exponential(1), Distribution::deterministic(0)})}) {
    EXPECT_TRUE(d.IsValid(&error)) << d.describe() << ": " << error;
    EXPECT_TRUE(d.IsValid(nullptr));
  }
  EXPECT_EQ(error, "untouched");
}

TEST(DistributionTest, IsValidNamesEveryViolatedConstraint) {
  struct Case {
    Distribution d;
    std::string message;
  };
  const Case cases[] = {
      {Distribution::deterministic(-1), "deterministic value must be >= 0 (got -1)"},
      {Distribution::deterministic(kInf), "deterministic value must be finite (got inf)"},
      {Distribution::exponential(-3), "exponential mean must be > 0 (got -3)"},
      {Distribution::exponential(0), "exponential mean must be > 0 (got 0)"},
      {Distribution::exponential(kNaN), "exponential mean must be > 0 (got nan)"},
      {Distribution::erlang(0, 5), "erlang k must be >= 1 (got 0)"},
      {Distribution::erlang(2, -5), "erlang mean must be > 0 (got -5)"},
      {Distribution::gamma(0, 5), "gamma shape must be > 0 (got 0)"},
      {Distribution::gamma(2, kInf), "gamma mean must be finite (got inf)"},
      {Distribution::lognormal(-1, 0.5), "lognormal mean must be > 0 (got -1)"},
      {Distribution::lognormal(1, -0.5), "lognormal cv must be >= 0 (got -0.5)"},
      {Distribution::uniform(-1, 2), "uniform low must be >= 0 (got -1)"},
      {Distribution::uniform(1, kInf), "uniform high must be finite (got inf)"},
      {Distribution::uniform(3, 2), "uniform high must be >= low (got high=2, low=3)"},
      {Distribution::empirical({}, {}), "empirical values must not be empty"},
      {Distribution::empirical({1, 2}, {1}), "empirical values and probabilities must have the same size (got 2 and 1)"},
      {Distribution::empirical({1, -2}, {0.5, 0.5}), "empirical values[1] must be >= 0 (got -2)"},
      {Distribution::empirical({1, 2}, {1.5, -0.5}), "empirical probabilities[0] must be in [0, 1] (got 1.5)"},
      {Distribution::empirical({1, 2}, {0.5, 0.4}), "empirical probabilities must sum to 1 within 0.0001 (got 0.9)"},
      {Distribution::empirical({1, 2}, {0.5, 0.5 + 2e-4}),
       "empirical probabilities must sum to 1 within 0.0001 (got 1.0002)"},
      {Distribution::triangular(-1, 1, 2), "triangular low must be >= 0 (got -1)"},
      {Distribution::triangular(2, 1, 3), "triangular mode must be >= low (got mode=1, low=2)"},
      {Distribution::triangular(1, 4, 3), "triangular high must be >= mode (got high=3, mode=4)"},
      {Distribution::triangular(2, 2, 2), "triangular high must be > low (got high=2, low=2)"},
      {Distribution::piecewise_linear({1}, {0}), "piecewise_linear needs at least 2 points (got 1)"},
      {Distribution::piecewise_linear({1, 2}, {0, 0.5, 1}),
       "piecewise_linear values and cumulative_probabilities must have the same size (got 2 and 3)"},
      {Distribution::piecewise_linear({-1, 2}, {0, 1}), "piecewise_linear values[0] must be >= 0 (got -1)"},
      {Distribution::piecewise_linear({1, 3, 3}, {0, 0.5, 1}),
       "piecewise_linear values[2] must be > values[1] (got 3 after 3)"},
      {Distribution::piecewise_linear({1, 2, 3}, {0, 1.5, 1}),
       "piecewise_linear cumulative_probabilities[1] must be in [0, 1] (got 1.5)"},
      {Distribution::piecewise_linear({1, 2, 3}, {0, 0.6, 0.5}),
       "piecewise_linear cumulative_probabilities[2] must be >= cumulative_probabilities[1] (got 0.5 after 0.6)"},
      {Distribution::piecewise_linear({1, 2}, {0.1, 1}), "piecewise_linear cumulative_probabilities[0] must be 0 (got 0.1)"},
      {Distribution::piecewise_linear({1, 2}, {0, 0.999}),
       "piecewise_linear last cumulative probability must be 1 within 0.0001 (got 0.999)"},
      {Distribution::mixture({}, {}), "mixture needs at least 1 part"},
      {Distribution::mixture({1}, {Distribution::exponential(1), Distribution::exponential(2)}),
       "mixture weights and parts must have the same size (got 1 and 2)"},
      {Distribution::mixture({-0.5, 1.5}, {Distribution::exponential(1), Distribution::exponential(2)}),
       "mixture weights[0] must be in [0, 1] (got -0.5)"},
      {Distribution::mixture({0.5, 0.5}, {Distribution::exponential(1), Distribution::exponential(-2)}),
       "mixture parts[1]: exponential mean must be > 0 (got -2)"},
      {Distribution::mixture({0.5, 0.4}, {Distribution::exponential(1), Distribution::exponential(2)}),
       "mixture weights must sum to 1 within 0.0001 (got 0.9)"},
      {Distribution::mixture(
           {1}, {Distribution::mixture(
                    {1}, {Distribution::mixture(
                             {1}, {Distribution::mixture({1}, {Distribution::mixture({1}, {Distribution::exponential(1)})})})})}),
       "mixture nests 5 levels deep (at most 4)"},
  };
  for (const Case& c : cases) {
    std::string error;
    EXPECT_FALSE(c.d.IsValid(&error)) << c.d.describe();
    EXPECT_EQ(error, c.message);
    EXPECT_FALSE(c.d.IsValid(nullptr));
  }
}

TEST(DistributionTest, InvalidDistributionsSampleWithoutCrashing) {
  RandomStream s(1, 1, 1);
  Distribution::empirical({}, {}).sample(s);
  Distribution::empirical({1, 2}, {0, 0}).sample(s);
  Distribution::triangular(1, 1, 1).sample(s);
  Distribution::gamma(-1, 1).sample(s);
  EXPECT_TRUE(std::isnan(Distribution::gamma(kNaN, 1).sample(s)));  // would loop forever unguarded
  EXPECT_TRUE(std::isnan(Distribution::piecewise_linear({1}, {0}).sample(s)));
  EXPECT_TRUE(std::isnan(Distribution::mixture({}, {}).sample(s)));
  Distribution::mixture({1, 1}, {Distribution::exponential(1)}).sample(s);
}

TEST(DistributionTest, Describe) {
  EXPECT_EQ(Distribution::exponential(180).describe(), "exponential(mean=180)");
  EXPECT_EQ(Distribution::deterministic(2.5).describe(), "deterministic(value=2.5)");
  EXPECT_EQ(Distribution::erlang(3, 60).describe(), "erlang(k=3, mean=60)");
  EXPECT_EQ(Distribution::gamma(0.5, 10).describe(), "gamma(shape=0.5, mean=10)");
  EXPECT_EQ(Distribution::lognormal(300, 0.5).describe(), "lognormal(mean=300, cv=0.5)");
  EXPECT_EQ(Distribution::uniform(1, 2).describe(), "uniform(low=1, high=2)");
  EXPECT_EQ(Distribution::empirical({1, 2}, {0.25, 0.75}).describe(),
            "empirical(values=[1, 2], probabilities=[0.25, 0.75])");
  EXPECT_EQ(Distribution::triangular(1, 2, 4).describe(), "triangular(low=1, mode=2, high=4)");
  EXPECT_EQ(Distribution::piecewise_linear({1, 2}, {0, 1}).describe(),
            "piecewise_linear(values=[1, 2], cumulative_probabilities=[0, 1])");
  EXPECT_EQ(Distribution::mixture({0.25, 0.75}, {Distribution::deterministic(1), Distribution::exponential(2)}).describe(),
            "mixture(0.25: deterministic(value=1), 0.75: exponential(mean=2))");
}

}  // namespace
}  // namespace desksim::sim
