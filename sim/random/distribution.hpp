// Random variates from a RandomStream, and a value-type Distribution for durations.
//
// Every sampler is an inverse transform or a documented exact method written here; <random>
// distributions are never used because their algorithms differ between standard libraries.
// The number and order of uniforms each sampler consumes is part of the reproducibility contract:
// changing it changes every simulation result, so treat it like a file format.
//
// Reproducibility: RandomStream words and uniforms are bit-identical everywhere. Variates that go
// through log/exp/sqrt/pow are bit-identical for a given C math library (glibc is what we ship on);
// another libm may differ in the last ulp. The normal quantile uses Boost.Math with double promotion
// disabled, so it does not depend on the platform's long double.
//
// Units are the caller's: a mean of 180 is 180 of whatever unit the caller measures durations in.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "sim/random/random_stream.hpp"

namespace desksim::sim {

/// Exponential variate with the given mean (> 0): -mean * log(u). One uniform.
double sample_exponential(RandomStream& s, double mean);

/// Standard normal variate by inverse CDF: boost::math::quantile(normal, u), one uniform.
/// Chosen over Box-Muller/ziggurat because it consumes exactly one uniform per variate (streams stay
/// aligned) and Boost's erfc_inv is accurate to a few ulp in both tails. Range is about +-8.3.
double sample_standard_normal(RandomStream& s);

/// Lognormal variate exp(mu + sigma * z), z standard normal; mu and sigma are the parameters of the
/// underlying normal (not the mean and sd of the result). One uniform.
double sample_lognormal(RandomStream& s, double mu, double sigma);

/// Gamma variate with shape > 0 and scale > 0 (mean shape*scale) by Marsaglia & Tsang (2000),
/// "A simple method for generating gamma variables": squeeze then log rejection, with the normal drawn
/// by sample_standard_normal. For shape < 1 it draws Gamma(shape + 1) and multiplies by u^(1/shape)
/// (the paper's boost); tiny shapes may then return 0 by underflow, which matches their law closely.
/// Consumes a variable number of uniforms: two per attempt (rejection is rare, a few percent at
/// most), plus one for the boost when shape < 1.
double sample_gamma(RandomStream& s, double shape, double scale);

/// Erlang variate: sum of k >= 1 exponentials with total mean `mean`, computed as
/// -(mean / k) * log(u1 * ... * uk). The running product is folded into a sum of logs before it can
/// underflow, so any k is safe; cost is k uniforms and about k/18 logs.
double sample_erlang(RandomStream& s, int k, double mean);

/// How far from 1 a row of probabilities may sum and still be accepted (and then divided by its sum).
/// Probabilities copied from a log are printed to four or five decimals; a row of up to twenty such
/// values rounded to five decimals is off by at most 20 * 5e-6 = 1e-4, while a mistyped value is off
/// by far more. Every "sums to 1" rule of the schema uses this tolerance.
inline constexpr double kProbabilitySumTolerance = 1e-4;

/// Limits of what IsValid() accepts so that a run can represent and finish it (see representable()).
/// Parameters are in the unit of the field that holds the distribution (minutes, hours): 1e9 hours
/// (a failure that in effect never comes) is still exactly representable in seconds.
inline constexpr double kMaxDistributionValue = 1e9;
inline constexpr int kMaxErlangPhases = 10000;
inline constexpr double kMaxLognormalCv = 100.0;
inline constexpr double kMinGammaShape = 1e-3;

/// True when `total` is 1 within kProbabilitySumTolerance (false for NaN).
inline bool sums_to_one(double total) { return total >= 1.0 - kProbabilitySumTolerance && total <= 1.0 + kProbabilitySumTolerance; }

/// Mixtures may contain mixtures, at most this many levels deep (a mixture of plain kinds is depth 1).
/// Real logs need two levels at most (a mixture of mixtures per category); the bound keeps sampling
/// recursion and error paths short.
inline constexpr int kMaxMixtureDepth = 4;

/// Index i of a discrete law given its cumulative probabilities (non-decreasing, last == 1, non-empty):
/// the first i with cumulative[i] > u (std::upper_bound), so zero-probability entries are never picked.
/// If rounding left the last entry slightly below 1, the result is clamped to the last index.
std::size_t sample_discrete(RandomStream& s, std::span<const double> cumulative);

/// A distribution of non-negative durations (or any positive quantity) as a value type.
///
/// Factories never throw or assert: they store their parameters as given, and IsValid() reports the
/// first violated constraint. Sampling an invalid distribution returns meaningless values (possibly NaN)
/// but never crashes; validate once when loading a scenario, not on the hot path.
class Distribution {
 public:
  enum class Kind {
    kDeterministic,
    kExponential,
    kErlang,
    kGamma,
    kLognormal,
    kUniform,
    kEmpirical,
    kTriangular,
    kPiecewiseLinear,
    kMixture
  };

  /// Always `value` (>= 0); consumes no uniforms.
  static Distribution deterministic(double value);
  /// Exponential with mean > 0 (scv 1).
  static Distribution exponential(double mean);
  /// Erlang with k >= 1 phases and overall mean > 0 (scv 1/k).
  static Distribution erlang(int k, double mean);
  /// Gamma with shape > 0 and mean > 0 (scale = mean/shape, scv 1/shape).
  static Distribution gamma(double shape, double mean);
  /// Lognormal with the given mean > 0 and coefficient of variation cv >= 0 of the result itself.
  /// Converted exactly: sigma^2 = log(1 + cv^2), mu = log(mean) - sigma^2/2.
  static Distribution lognormal(double mean, double cv);
  /// Continuous uniform on [low, high], 0 <= low <= high.
  static Distribution uniform(double low, double high);
  /// Discrete: picks values[i] with probability probabilities[i]. Values >= 0, probabilities in [0,1],
  /// same non-zero size, summing to 1 within kProbabilitySumTolerance (they are NOT normalised to make
  /// a bad sum valid; a valid sum is divided out so that rounding in the input biases nothing).
  static Distribution empirical(std::vector<double> values, std::vector<double> probabilities);
  /// Triangular on [low, high] with the given mode, 0 <= low <= mode <= high, low < high. Inverse transform.
  static Distribution triangular(double low, double mode, double high);
  /// Continuous empirical law: the CDF is linear between the points (values[i], cumulative[i]), as
  /// when a log gives quantiles (p0, p25, p50, p75, p90, p95, p99, max). At least two points; values
  /// finite, >= 0 and strictly increasing; cumulative probabilities in [0, 1], non-decreasing, the
  /// first exactly 0 and the last 1 within kProbabilitySumTolerance (divided out). A flat step (equal
  /// cumulative probabilities) is a gap no value falls in. Inverse transform: one uniform.
  static Distribution piecewise_linear(std::vector<double> values, std::vector<double> cumulative_probabilities);
  /// Finite mixture: parts[i] with probability weights[i]. Weights >= 0, summing to 1 within
  /// kProbabilitySumTolerance (divided out); any valid parts, mixtures included, at most
  /// kMaxMixtureDepth levels. One uniform picks the part (as sample_discrete), then the part draws
  /// from the same stream.
  static Distribution mixture(std::vector<double> weights, std::vector<Distribution> parts);

  Kind kind() const { return kind_; }

  /// One variate. Hot path: a switch on kind, no virtual call, no allocation.
  double sample(RandomStream& s) const;

  /// Mixture levels: 0 for a plain kind, 1 + the deepest part for a mixture.
  int mixture_depth() const;

  /// Exact mean of the law (for empirical, piecewise linear and mixture: of the normalised
  /// probabilities).
  double mean() const;
  /// Exact variance of the law.
  double variance() const;
  /// Squared coefficient of variation variance/mean^2; 0 when the mean is 0 (deterministic 0).
  double scv() const;

  /// Same shape with every value multiplied by `factor` (unit conversion, e.g. minutes -> seconds):
  /// mean scales by factor, variance by factor^2, cv and k and shape are unchanged.
  /// A factor <= 0 yields a distribution that IsValid() rejects.
  Distribution scaled(double factor) const;

  /// Returns true if valid; otherwise false and, if error is not nullptr, *error names the exact
  /// violated constraint, e.g. "exponential mean must be > 0 (got -3)".
  bool IsValid(std::string* error) const;

  /// Human-readable form with the factory's parameters, e.g. "exponential(mean=180)".
  std::string describe() const;

 private:
  explicit Distribution(Kind kind) : kind_(kind) {}
  bool piecewise_linear_valid(std::string* error) const;
  bool kind_valid(std::string* error) const;
  bool representable(std::string* error) const;
  bool mixture_valid(std::string* error) const;

  Kind kind_;
  // Factory parameters as given; meaning by kind:
  //   deterministic: a=value | exponential: a=mean | erlang: k, a=mean | gamma: a=shape, b=mean
  //   lognormal: a=mean, b=cv | uniform: a=low, b=high | triangular: a=low, b=mode, c=high
  double a_ = 0.0, b_ = 0.0, c_ = 0.0;
  int k_ = 0;
  // Derived once so that sample() does no set-up work:
  //   gamma: d1=scale | lognormal: d1=mu, d2=sigma | triangular: d1=(mode-low)/(high-low)
  double d1_ = 0.0, d2_ = 0.0;
  // Empirical: values, probabilities as given, and cumulative probabilities divided by their sum.
  // Piecewise linear: values, cumulative probabilities as given, and those divided by the last one.
  // Mixture: probabilities = weights as given, cumulative = their running sum divided by the total.
  std::vector<double> values_, probabilities_, cumulative_;
  // Mixture only. A vector of the class being defined is allowed since C++17.
  std::vector<Distribution> parts_;
};

}  // namespace desksim::sim
