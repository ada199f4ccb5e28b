// Distribution::IsValid and Distribution::describe: the constraints of each kind, and the
// human-readable form, kept apart from the sampling code.
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "sim/random/distribution.hpp"

namespace desksim::sim {
namespace {

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

// "[i]", appended piecewise: GCC 12 warns falsely (-Wrestrict) on "[" + string.
std::string brackets(std::size_t i) {
  std::string out = "[";
  out += std::to_string(i);
  out += ']';
  return out;
}

// The schema's one rule for rows of probabilities (sim::sums_to_one).
bool check_sum(std::string* error, const std::string& what, double total, const char* verb = "sum to") {
  if (sums_to_one(total)) return true;
  char tolerance[16];
  std::snprintf(tolerance, sizeof tolerance, "%g", kProbabilitySumTolerance);
  return fail(error, what + " must " + verb + " 1 within " + tolerance + " (got " + num(total) + ")");
}

}  // namespace

bool Distribution::IsValid(std::string* error) const { return kind_valid(error) && representable(error); }

// What a run can represent and finish: values well inside the exact SimGrid date range once a unit
// of up to a week is applied, a spread whose samples stay finite, and shapes that sample in bounded
// time (Erlang sums k phases; a Gamma shape near 0 has all its mass at 0).
bool Distribution::representable(std::string* error) const {
  if (kind_ == Kind::kMixture) return true;  // each part was checked
  const double limit = kMaxDistributionValue;
  for (double v : {a_, b_, c_})
    if (v > limit) return fail(error, describe() + ": values above " + num(limit) + " cannot be simulated");
  for (double v : values_)
    if (v > limit) return fail(error, describe() + ": values above " + num(limit) + " cannot be simulated");
  if (kind_ == Kind::kErlang && k_ > kMaxErlangPhases)
    return fail(error, "erlang k must be <= " + std::to_string(kMaxErlangPhases) + " (got " + std::to_string(k_) + ")");
  if (kind_ == Kind::kLognormal && b_ > kMaxLognormalCv)
    return fail(error, "lognormal cv must be <= " + num(kMaxLognormalCv) + " (got " + num(b_) + ")");
  if (kind_ == Kind::kGamma && a_ < kMinGammaShape)
    return fail(error, "gamma shape must be >= " + num(kMinGammaShape) + " (got " + num(a_) + ")");
  return true;
}

bool Distribution::kind_valid(std::string* error) const {
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
        const std::string index = brackets(i);
        if (!check_non_negative(error, "empirical values" + index, values_[i])) return false;
        const double p = probabilities_[i];
        if (!(p >= 0.0 && p <= 1.0)) {
          return fail(error, "empirical probabilities" + index + " must be in [0, 1] (got " + num(p) + ")");
        }
        total += p;
      }
      return check_sum(error, "empirical probabilities", total);
    }
    case Kind::kTriangular:
      return check_non_negative(error, "triangular low", a_) && check_non_negative(error, "triangular mode", b_) &&
             check_non_negative(error, "triangular high", c_) &&
             check_order(error, "triangular", "low", a_, "mode", b_, /*strict=*/false) &&
             check_order(error, "triangular", "mode", b_, "high", c_, /*strict=*/false) &&
             check_order(error, "triangular", "low", a_, "high", c_, /*strict=*/true);
    case Kind::kPiecewiseLinear:
      return piecewise_linear_valid(error);
    case Kind::kMixture:
      return mixture_valid(error);
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
    case Kind::kPiecewiseLinear:
      return "piecewise_linear(values=" + list(values_) + ", cumulative_probabilities=" + list(probabilities_) + ")";
    case Kind::kMixture: {
      std::string out = "mixture(";
      for (std::size_t i = 0; i < parts_.size(); ++i) {
        if (i > 0) out += ", ";
        out += (i < probabilities_.size() ? num(probabilities_[i]) : std::string("?")) + ": " + parts_[i].describe();
      }
      return out + ")";
    }
  }
  return "unknown";
}

bool Distribution::piecewise_linear_valid(std::string* error) const {
  const std::string kind = "piecewise_linear";
  if (values_.size() < 2) return fail(error, kind + " needs at least 2 points (got " + std::to_string(values_.size()) + ")");
  if (values_.size() != probabilities_.size()) {
    return fail(error, kind + " values and cumulative_probabilities must have the same size (got " +
                           std::to_string(values_.size()) + " and " + std::to_string(probabilities_.size()) + ")");
  }
  for (std::size_t i = 0; i < values_.size(); ++i) {
    const std::string index = brackets(i);
    if (!check_non_negative(error, kind + " values" + index, values_[i])) return false;
    if (i > 0 && !(values_[i] > values_[i - 1])) {
      return fail(error, kind + " values" + index + " must be > values" + brackets(i - 1) + " (got " + num(values_[i]) +
                             " after " + num(values_[i - 1]) + ")");
    }
    // The last point may exceed 1 by the rounding tolerance (it is divided out), so the points may too.
    const double p = probabilities_[i];
    if (!(p >= 0.0 && p <= 1.0 + kProbabilitySumTolerance)) {
      return fail(error, kind + " cumulative_probabilities" + index + " must be in [0, 1] (got " + num(p) + ")");
    }
    if (i > 0 && !(p >= probabilities_[i - 1])) {
      return fail(error, kind + " cumulative_probabilities" + index + " must be >= cumulative_probabilities" +
                             brackets(i - 1) + " (got " + num(p) + " after " + num(probabilities_[i - 1]) + ")");
    }
  }
  if (probabilities_.front() != 0.0) {
    return fail(error, kind + " cumulative_probabilities[0] must be 0 (got " + num(probabilities_.front()) + ")");
  }
  return check_sum(error, kind + " last cumulative probability", probabilities_.back(), "be");
}

bool Distribution::mixture_valid(std::string* error) const {
  if (parts_.empty()) return fail(error, "mixture needs at least 1 part");
  if (parts_.size() != probabilities_.size()) {
    return fail(error, "mixture weights and parts must have the same size (got " + std::to_string(probabilities_.size()) +
                           " and " + std::to_string(parts_.size()) + ")");
  }
  if (mixture_depth() > kMaxMixtureDepth) {
    return fail(error, "mixture nests " + std::to_string(mixture_depth()) + " levels deep (at most " +
                           std::to_string(kMaxMixtureDepth) + ")");
  }
  double total = 0.0;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    const double w = probabilities_[i];
    if (!(w >= 0.0 && w <= 1.0)) return fail(error, "mixture weights" + brackets(i) + " must be in [0, 1] (got " + num(w) + ")");
    total += w;
    std::string part_error;
    if (!parts_[i].IsValid(&part_error)) return fail(error, "mixture parts" + brackets(i) + ": " + part_error);
  }
  return check_sum(error, "mixture weights", total);
}

}  // namespace desksim::sim
