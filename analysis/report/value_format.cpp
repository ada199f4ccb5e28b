#include "analysis/report/value_format.hpp"

#include <cmath>
#include <cstdio>

namespace desksim::analysis {
namespace {

// Digits after the point that keep two significant figures of the gap to 100% for shares close to
// 1 (99.97% rather than 100.0%), and one decimal otherwise.
int percent_decimals(double share) {
  const double gap = std::fabs(1.0 - share) * 100.0;
  if (gap <= 0.0 || gap >= 1.0) return 1;
  return std::min(3, static_cast<int>(std::ceil(-std::log10(gap))) + 1);
}

std::string percent(double share, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f%%", decimals, 100.0 * share);
  return buffer;
}

std::string number(double value, int significant) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", significant, value);
  return buffer;
}

}  // namespace

std::string with_thousands(double value) {
  if (!std::isfinite(value)) return number(value, 3);
  const long long n = std::llround(value);
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string format_value(double value, const std::string& unit) {
  if (!std::isfinite(value)) return number(value, 3);
  if (unit == "share") return percent(value, percent_decimals(value));
  if (unit == "hours") return std::fabs(value) < 1.0 ? number(value * 60.0, 3) + " min" : number(value, 3) + " h";
  if (unit == "minutes") return std::fabs(value) >= 1000.0 ? with_thousands(value) + " min" : number(value, 3) + " min";
  if (unit == "pounds") return (value < 0 ? "-£" : "£") + with_thousands(std::fabs(value));
  if (unit == "FTE") return number(value, 4) + " FTE";
  if (std::fabs(value) >= 1000.0) return with_thousands(value);
  return number(value, 3);
}

std::string format_estimate(const results::MetricEstimate& e) {
  std::string out = format_value(e.mean(), e.unit());
  if (e.n() < 2) return out + " (one replication: no interval)";
  // An interval wider than the mean itself (or than half the range of a share) says nothing a
  // reader can use: say so, and what to do, instead of printing it.
  const double width = e.ci_high() - e.ci_low();
  const bool too_wide = e.unit() == "share" ? width > 0.5 : e.mean() != 0 && width > 2 * std::fabs(e.mean());
  if (too_wide)
    return out + " (" + std::to_string(e.n()) + " replications are too few for a useful interval: run more, or --precision)";
  // The interval in the same unit as the mean, without repeating the unit's suffix for hours.
  const std::string& unit = e.unit();
  if (unit == "share") {
    const int decimals = percent_decimals(e.mean());  // one scale for the mean and its bounds
    return out + " [" + percent(e.ci_low(), decimals) + ", " + percent(e.ci_high(), decimals) + "]";
  }
  if (unit == "hours" && std::fabs(e.mean()) < 1.0) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, " [%.3g, %.3g]", e.ci_low() * 60.0, e.ci_high() * 60.0);
    return out + buffer;
  }
  return out + " [" + format_value(e.ci_low(), unit) + ", " + format_value(e.ci_high(), unit) + "]";
}

}  // namespace desksim::analysis
