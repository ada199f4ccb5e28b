#include "sim/random/distribution.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <utility>

#include <boost/math/distributions/normal.hpp>

namespace desksim::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Running sums of `xs` divided by the total. Dividing by the total makes the last positive entry
// exactly 1.0, so rounding in the input can neither leave a gap above the last cumulative value nor
// give mass to trailing zero entries.
std::vector<double> normalised_running_sum(const std::vector<double>& xs) {
  std::vector<double> out;
  out.reserve(xs.size());
  double total = 0.0;
  for (double x : xs) {
    total += x;
    out.push_back(total);
  }
  for (double& c : out) c /= total;
  return out;
}

// Inverse of a piecewise-linear CDF through (values[i], cumulative[i]), cumulative[0] = 0 and
// cumulative.back() = 1: the segment k with cumulative[k-1] <= u < cumulative[k] (so of non-zero
// mass) is found by upper_bound, then interpolated linearly.
double piecewise_linear_quantile(const std::vector<double>& values, const std::vector<double>& cumulative, double u) {
  const std::size_t n = cumulative.size();
  if (n < 2 || values.size() != n) return kNaN;  // invalid: never crash
  auto k = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
  k = std::clamp<std::size_t>(k, 1, n - 1);
  const double width = cumulative[k] - cumulative[k - 1];
  if (!(width > 0.0)) return values[k];
  return values[k - 1] + (values[k] - values[k - 1]) * ((u - cumulative[k - 1]) / width);
}

// Boost promotes double to long double internally by default; long double is 80-bit on x86 and 64-bit
// on ARM, so results would depend on the platform. Errors set errno instead of throwing (u in (0,1)
// never triggers one anyway).
using NoPromotion = boost::math::policies::policy<boost::math::policies::promote_float<false>,
                                                  boost::math::policies::promote_double<false>,
                                                  boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
                                                  boost::math::policies::overflow_error<boost::math::policies::errno_on_error>>;

}  // namespace

double sample_exponential(RandomStream& s, double mean) { return -mean * std::log(s.uniform()); }

double sample_standard_normal(RandomStream& s) {
  return boost::math::quantile(boost::math::normal_distribution<double, NoPromotion>(0.0, 1.0), s.uniform());
}

double sample_lognormal(RandomStream& s, double mu, double sigma) {
  return std::exp(mu + sigma * sample_standard_normal(s));
}

double sample_gamma(RandomStream& s, double shape, double scale) {
  if (!(shape > 0.0)) return kNaN;  // NaN would loop forever, a negative shape recurse without end
  if (shape < 1.0) {
    // Marsaglia & Tsang, section 6: Gamma(a) = Gamma(a + 1) * U^(1/a). Gamma draw first, then U.
    const double x = sample_gamma(s, shape + 1.0, scale);
    return x * std::pow(s.uniform(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double z = 0.0;
    double v = 0.0;
    do {  // v = (1 + c z)^3 must be positive; for shape >= 1 this rejects only z < -3, rarely.
      z = sample_standard_normal(s);
      v = 1.0 + c * z;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = s.uniform();
    const double z2 = z * z;
    if (u < 1.0 - 0.0331 * z2 * z2) return d * v * scale;                          // cheap squeeze
    if (std::log(u) < 0.5 * z2 + d * (1.0 - v + std::log(v))) return d * v * scale;  // exact test
  }
}

double sample_erlang(RandomStream& s, int k, double mean) {
  // Each uniform is >= 2^-53, so a product kept >= 2^-960 stays a normal double after one more factor.
  double log_sum = 0.0;
  double product = 1.0;
  for (int i = 0; i < k; ++i) {
    product *= s.uniform();
    if (product < 0x1.0p-960) {
      log_sum += std::log(product);
      product = 1.0;
    }
  }
  return -(mean / k) * (log_sum + std::log(product));
}

std::size_t sample_discrete(RandomStream& s, std::span<const double> cumulative) {
  assert(!cumulative.empty());
  const double u = s.uniform();
  const auto index = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) -
                                              cumulative.begin());
  return std::min(index, cumulative.size() - 1);
}

// ---------------------------------------------------------------------------------------------------
// Distribution

Distribution Distribution::deterministic(double value) {
  Distribution d(Kind::kDeterministic);
  d.a_ = value;
  return d;
}

Distribution Distribution::exponential(double mean) {
  Distribution d(Kind::kExponential);
  d.a_ = mean;
  return d;
}

Distribution Distribution::erlang(int k, double mean) {
  Distribution d(Kind::kErlang);
  d.k_ = k;
  d.a_ = mean;
  return d;
}

Distribution Distribution::gamma(double shape, double mean) {
  Distribution d(Kind::kGamma);
  d.a_ = shape;
  d.b_ = mean;
  d.d1_ = mean / shape;
  return d;
}

Distribution Distribution::lognormal(double mean, double cv) {
  Distribution d(Kind::kLognormal);
  d.a_ = mean;
  d.b_ = cv;
  // log1p keeps small cv accurate; beyond 1e150, cv*cv would overflow and 2 log(cv) is exact enough.
  const double sigma2 = cv < 1e150 ? std::log1p(cv * cv) : 2.0 * std::log(cv);
  d.d1_ = std::log(mean) - 0.5 * sigma2;
  d.d2_ = std::sqrt(sigma2);
  return d;
}

Distribution Distribution::uniform(double low, double high) {
  Distribution d(Kind::kUniform);
  d.a_ = low;
  d.b_ = high;
  return d;
}

Distribution Distribution::empirical(std::vector<double> values, std::vector<double> probabilities) {
  Distribution d(Kind::kEmpirical);
  d.values_ = std::move(values);
  d.probabilities_ = std::move(probabilities);
  d.cumulative_ = normalised_running_sum(d.probabilities_);
  return d;
}

Distribution Distribution::piecewise_linear(std::vector<double> values, std::vector<double> cumulative_probabilities) {
  Distribution d(Kind::kPiecewiseLinear);
  d.values_ = std::move(values);
  d.probabilities_ = std::move(cumulative_probabilities);
  d.cumulative_ = d.probabilities_;
  // x / x is exactly 1, so the last point becomes exactly 1 and u < 1 always falls in a segment.
  if (!d.cumulative_.empty()) {
    const double last = d.cumulative_.back();
    for (double& c : d.cumulative_) c /= last;
  }
  return d;
}

Distribution Distribution::mixture(std::vector<double> weights, std::vector<Distribution> parts) {
  Distribution d(Kind::kMixture);
  d.probabilities_ = std::move(weights);
  d.cumulative_ = normalised_running_sum(d.probabilities_);
  d.parts_ = std::move(parts);
  return d;
}

Distribution Distribution::triangular(double low, double mode, double high) {
  Distribution d(Kind::kTriangular);
  d.a_ = low;
  d.b_ = mode;
  d.c_ = high;
  d.d1_ = (mode - low) / (high - low);
  return d;
}

double Distribution::sample(RandomStream& s) const {
  switch (kind_) {
    case Kind::kDeterministic:
      return a_;
    case Kind::kExponential:
      return sample_exponential(s, a_);
    case Kind::kErlang:
      return sample_erlang(s, k_, a_);
    case Kind::kGamma:
      return sample_gamma(s, a_, d1_);
    case Kind::kLognormal:
      return sample_lognormal(s, d1_, d2_);
    case Kind::kUniform:
      return a_ + (b_ - a_) * s.uniform();
    case Kind::kEmpirical: {
      if (cumulative_.empty() || values_.size() < cumulative_.size()) return kNaN;  // invalid: never crash
      return values_[sample_discrete(s, cumulative_)];
    }
    case Kind::kTriangular: {
      // Inverse of the triangular CDF; d1 = F(mode).
      const double u = s.uniform();
      if (u < d1_) return a_ + std::sqrt(u * (c_ - a_) * (b_ - a_));
      return c_ - std::sqrt((1.0 - u) * (c_ - a_) * (c_ - b_));
    }
    case Kind::kPiecewiseLinear:
      return piecewise_linear_quantile(values_, cumulative_, s.uniform());
    case Kind::kMixture: {
      if (cumulative_.empty() || parts_.size() < cumulative_.size()) return kNaN;  // invalid: never crash
      return parts_[sample_discrete(s, cumulative_)].sample(s);
    }
  }
  return kNaN;
}

int Distribution::mixture_depth() const {
  int deepest = 0;
  for (const Distribution& p : parts_) deepest = std::max(deepest, p.mixture_depth());
  return kind_ == Kind::kMixture ? 1 + deepest : 0;
}

double Distribution::mean() const {
  switch (kind_) {
    case Kind::kDeterministic:
    case Kind::kExponential:
    case Kind::kErlang:
    case Kind::kLognormal:
      return a_;
    case Kind::kGamma:
      return b_;
    case Kind::kUniform:
      return 0.5 * (a_ + b_);
    case Kind::kEmpirical: {
      double total = 0.0;
      double weighted = 0.0;
      for (std::size_t i = 0; i < values_.size() && i < probabilities_.size(); ++i) {
        total += probabilities_[i];
        weighted += probabilities_[i] * values_[i];
      }
      return weighted / total;
    }
    case Kind::kTriangular:
      return (a_ + b_ + c_) / 3.0;
    case Kind::kPiecewiseLinear: {
      // Uniform on each segment: its mass times its midpoint.
      double m = 0.0;
      for (std::size_t i = 1; i < values_.size() && i < cumulative_.size(); ++i)
        m += (cumulative_[i] - cumulative_[i - 1]) * 0.5 * (values_[i - 1] + values_[i]);
      return m;
    }
    case Kind::kMixture: {
      double total = 0.0;
      double weighted = 0.0;
      for (std::size_t i = 0; i < parts_.size() && i < probabilities_.size(); ++i) {
        if (probabilities_[i] == 0.0) continue;  // a part never drawn adds nothing, even if degenerate
        total += probabilities_[i];
        weighted += probabilities_[i] * parts_[i].mean();
      }
      return weighted / total;
    }
  }
  return kNaN;
}

double Distribution::variance() const {
  switch (kind_) {
    case Kind::kDeterministic:
      return 0.0;
    case Kind::kExponential:
      return a_ * a_;
    case Kind::kErlang:
      return a_ * a_ / k_;
    case Kind::kGamma:
      return b_ * b_ / a_;
    case Kind::kLognormal:
      return (a_ * b_) * (a_ * b_);
    case Kind::kUniform:
      return (b_ - a_) * (b_ - a_) / 12.0;
    case Kind::kEmpirical: {
      const double m = mean();
      double total = 0.0;
      double weighted = 0.0;
      for (std::size_t i = 0; i < values_.size() && i < probabilities_.size(); ++i) {
        total += probabilities_[i];
        weighted += probabilities_[i] * (values_[i] - m) * (values_[i] - m);
      }
      return weighted / total;
    }
    case Kind::kTriangular:
      return (a_ * a_ + b_ * b_ + c_ * c_ - a_ * b_ - a_ * c_ - b_ * c_) / 18.0;
    case Kind::kPiecewiseLinear: {
      // Law of total variance over segments: each is uniform on [v_{i-1}, v_i] with variance
      // (width)^2 / 12 around its midpoint. Written as a sum of squares, so it never goes negative.
      const double m = mean();
      double v = 0.0;
      for (std::size_t i = 1; i < values_.size() && i < cumulative_.size(); ++i) {
        const double mid = 0.5 * (values_[i - 1] + values_[i]);
        const double width = values_[i] - values_[i - 1];
        v += (cumulative_[i] - cumulative_[i - 1]) * ((mid - m) * (mid - m) + width * width / 12.0);
      }
      return v;
    }
    case Kind::kMixture: {
      // Law of total variance: mean of the parts' variances plus variance of the parts' means.
      const double m = mean();
      double total = 0.0;
      double weighted = 0.0;
      for (std::size_t i = 0; i < parts_.size() && i < probabilities_.size(); ++i) {
        if (probabilities_[i] == 0.0) continue;
        const double mi = parts_[i].mean();
        total += probabilities_[i];
        weighted += probabilities_[i] * (parts_[i].variance() + (mi - m) * (mi - m));
      }
      return weighted / total;
    }
  }
  return kNaN;
}

double Distribution::scv() const {
  const double m = mean();
  if (m == 0.0) return 0.0;
  return variance() / (m * m);
}

Distribution Distribution::scaled(double factor) const {
  switch (kind_) {
    case Kind::kDeterministic:
      return deterministic(a_ * factor);
    case Kind::kExponential:
      return exponential(a_ * factor);
    case Kind::kErlang:
      return erlang(k_, a_ * factor);
    case Kind::kGamma:
      return gamma(a_, b_ * factor);
    case Kind::kLognormal:
      return lognormal(a_ * factor, b_);
    case Kind::kUniform:
      return uniform(a_ * factor, b_ * factor);
    case Kind::kEmpirical: {
      std::vector<double> values = values_;
      for (double& v : values) v *= factor;
      return empirical(std::move(values), probabilities_);
    }
    case Kind::kTriangular:
      return triangular(a_ * factor, b_ * factor, c_ * factor);
    case Kind::kPiecewiseLinear: {
      std::vector<double> values = values_;
      for (double& v : values) v *= factor;
      return piecewise_linear(std::move(values), probabilities_);
    }
    case Kind::kMixture: {
      std::vector<Distribution> parts;
      parts.reserve(parts_.size());
      for (const Distribution& p : parts_) parts.push_back(p.scaled(factor));
      return mixture(probabilities_, std::move(parts));
    }
  }
  return *this;
}

}  // namespace desksim::sim
