#include "sim/random/distribution.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

#include <boost/math/distributions/normal.hpp>

namespace desksim::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Boost promotes double to long double internally by default; long double is 80-bit on x86 and 64-bit
// on ARM, so results would depend on the platform. Errors set errno instead of throwing (u in (0,1)
// never triggers one anyway).
using NoPromotion = boost::math::policies::policy<boost::math::policies::promote_float<false>,
                                                  boost::math::policies::promote_double<false>,
                                                  boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
                                                  boost::math::policies::overflow_error<boost::math::policies::errno_on_error>>;

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.12g", x);
  return buf;
}

std::string list(const std::vector<double>& xs) {
  std::string out = "[";
  for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + num(xs[i]);
  return out + "]";
}

// Each check returns true when the constraint holds; otherwise it writes the message and returns false.
// Comparisons are written so that NaN fails them.
bool fail(std::string* error, std::string message) {
  if (error != nullptr) *error = std::move(message);
  return false;
}
bool check_positive(std::string* error, const std::string& what, double x) {
  if (!(x > 0.0)) return fail(error, what + " must be > 0 (got " + num(x) + ")");
  if (!std::isfinite(x)) return fail(error, what + " must be finite (got " + num(x) + ")");
  return true;
}
bool check_non_negative(std::string* error, const std::string& what, double x) {
  if (!(x >= 0.0)) return fail(error, what + " must be >= 0 (got " + num(x) + ")");
  if (!std::isfinite(x)) return fail(error, what + " must be finite (got " + num(x) + ")");
  return true;
}
// Requires lo_name <= hi_name (or < when strict), both already known to be finite.
bool check_order(std::string* error, const std::string& kind, const char* lo_name, double lo,
                 const char* hi_name, double hi, bool strict) {
  if (strict ? lo < hi : lo <= hi) return true;
  return fail(error, kind + " " + hi_name + (strict ? " must be > " : " must be >= ") + lo_name + " (got " +
                         hi_name + "=" + num(hi) + ", " + lo_name + "=" + num(lo) + ")");
}

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
  // Dividing by the total makes the last positive entry exactly 1.0, so rounding can neither leave a
  // gap above the last cumulative value nor give mass to trailing zero-probability entries.
  double total = 0.0;
  for (double p : d.probabilities_) {
    total += p;
    d.cumulative_.push_back(total);
  }
  for (double& c : d.cumulative_) c /= total;
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
  }
  return kNaN;
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
  }
  return *this;
}

bool Distribution::IsValid(std::string* error) const {
  switch (kind_) {
    case Kind::kDeterministic:
      return check_non_negative(error, "deterministic value", a_);
    case Kind::kExponential:
      return check_positive(error, "exponential mean", a_);
    case Kind::kErlang:
      if (k_ < 1) return fail(error, "erlang k must be >= 1 (got " + std::to_string(k_) + ")");
      return check_positive(error, "erlang mean", a_);
    case Kind::kGamma:
      return check_positive(error, "gamma shape", a_) && check_positive(error, "gamma mean", b_);
    case Kind::kLognormal:
      return check_positive(error, "lognormal mean", a_) && check_non_negative(error, "lognormal cv", b_);
    case Kind::kUniform:
      return check_non_negative(error, "uniform low", a_) && check_non_negative(error, "uniform high", b_) &&
             check_order(error, "uniform", "low", a_, "high", b_, /*strict=*/false);
    case Kind::kEmpirical: {
      if (values_.empty()) return fail(error, "empirical values must not be empty");
      if (values_.size() != probabilities_.size()) {
        return fail(error, "empirical values and probabilities must have the same size (got " +
                               std::to_string(values_.size()) + " and " + std::to_string(probabilities_.size()) +
                               ")");
      }
      double total = 0.0;
      for (std::size_t i = 0; i < values_.size(); ++i) {
        std::string index = "[";  // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "[" + string
        index += std::to_string(i);
        index += ']';
        if (!check_non_negative(error, "empirical values" + index, values_[i])) return false;
        const double p = probabilities_[i];
        if (!(p >= 0.0 && p <= 1.0)) {
          return fail(error, "empirical probabilities" + index + " must be in [0, 1] (got " + num(p) + ")");
        }
        total += p;
      }
      if (!(std::abs(total - 1.0) <= 1e-9)) {
        return fail(error, "empirical probabilities must sum to 1 within 1e-9 (got " + num(total) + ")");
      }
      return true;
    }
    case Kind::kTriangular:
      return check_non_negative(error, "triangular low", a_) && check_non_negative(error, "triangular mode", b_) &&
             check_non_negative(error, "triangular high", c_) &&
             check_order(error, "triangular", "low", a_, "mode", b_, /*strict=*/false) &&
             check_order(error, "triangular", "mode", b_, "high", c_, /*strict=*/false) &&
             check_order(error, "triangular", "low", a_, "high", c_, /*strict=*/true);
  }
  return fail(error, "unknown distribution kind");
}

std::string Distribution::describe() const {
  switch (kind_) {
    case Kind::kDeterministic:
      return "deterministic(value=" + num(a_) + ")";
    case Kind::kExponential:
      return "exponential(mean=" + num(a_) + ")";
    case Kind::kErlang:
      return "erlang(k=" + std::to_string(k_) + ", mean=" + num(a_) + ")";
    case Kind::kGamma:
      return "gamma(shape=" + num(a_) + ", mean=" + num(b_) + ")";
    case Kind::kLognormal:
      return "lognormal(mean=" + num(a_) + ", cv=" + num(b_) + ")";
    case Kind::kUniform:
      return "uniform(low=" + num(a_) + ", high=" + num(b_) + ")";
    case Kind::kEmpirical:
      return "empirical(values=" + list(values_) + ", probabilities=" + list(probabilities_) + ")";
    case Kind::kTriangular:
      return "triangular(low=" + num(a_) + ", mode=" + num(b_) + ", high=" + num(c_) + ")";
  }
  return "unknown";
}

}  // namespace desksim::sim
