#include "analysis/statistics/metric_interval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace desksim::analysis {

std::string_view kind_name(MetricKind kind) {
  switch (kind) {
    case MetricKind::kShare: return "share";
    case MetricKind::kIndicator: return "indicator";
    case MetricKind::kNonNegative: return "non-negative";
    case MetricKind::kReal: break;
  }
  return "real";
}

MetricKind fitted_kind(MetricKind declared, std::span<const double> values) {
  auto all = [&](auto predicate) { return std::all_of(values.begin(), values.end(), predicate); };
  if (declared == MetricKind::kIndicator && !all([](double x) { return x == 0.0 || x == 1.0; }))
    declared = MetricKind::kShare;
  if (declared == MetricKind::kShare && !all([](double x) { return x >= 0.0 && x <= 1.0; }))
    declared = MetricKind::kNonNegative;
  if (declared == MetricKind::kNonNegative && !all([](double x) { return x >= 0.0; })) declared = MetricKind::kReal;
  return declared;
}

Interval interval_for(MetricKind kind, std::span<const double> values, double confidence) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (values.empty()) return Interval{kNaN, kNaN, "none"};
  if (values.size() == 1) return Interval{values[0], values[0], "none"};
  if (!(confidence > 0.0 && confidence < 1.0)) return Interval{kNaN, kNaN, "none"};
  kind = fitted_kind(kind, values);
  if (kind == MetricKind::kIndicator) {
    const auto successes = static_cast<unsigned>(std::count(values.begin(), values.end(), 1.0));
    return clopper_pearson_interval(successes, static_cast<unsigned>(values.size()), confidence);
  }
  // No spread: every method's interval collapses to the common value (and the transformed ones
  // would divide by zero at a bound). Say so rather than pretend to an interval.
  if (std::all_of(values.begin(), values.end(), [&](double x) { return x == values[0]; }))
    return Interval{values[0], values[0], "degenerate"};
  switch (kind) {
    case MetricKind::kShare:
      return logit_t_interval(values, confidence);  // not all equal, all in [0,1]: 0 < mean < 1
    case MetricKind::kNonNegative:
      if (std::all_of(values.begin(), values.end(), [](double x) { return x > 0.0; }))
        return lognormal_cox_interval(values, confidence);
      return log_t_interval(values, confidence);  // not all equal, all >= 0: mean > 0
    default:
      return student_t_interval(values, confidence);
  }
}

}  // namespace desksim::analysis
