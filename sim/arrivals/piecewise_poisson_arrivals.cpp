#include "sim/arrivals/piecewise_poisson_arrivals.hpp"

#include <cmath>
#include <limits>

#include "sim/random/distribution.hpp"

namespace desksim::sim {

bool PiecewisePoissonOptions::IsValid(std::string* error) const {
  auto fail = [error](const std::string& m) {
    if (error) *error = m;
    return false;
  };
  if (!(bin_seconds > 0) || !std::isfinite(bin_seconds)) return fail("bin_seconds must be > 0");
  if (rates_per_second.empty()) return fail("rates_per_second must not be empty");
  for (double r : rates_per_second)
    if (!(r >= 0) || !std::isfinite(r)) return fail("every rate must be >= 0 and finite");
  if (!(cycle_offset_seconds >= 0)) return fail("cycle_offset_seconds must be >= 0");
  if (!(factor_period_seconds > 0)) return fail("factor_period_seconds must be > 0");
  if (!(factor_cv >= 0) || !std::isfinite(factor_cv)) return fail("factor_cv must be >= 0");
  return true;
}

PiecewisePoissonArrivals::PiecewisePoissonArrivals(PiecewisePoissonOptions options, RandomStream gaps,
                                                   RandomStream factors)
    : options_(std::move(options)), gaps_(gaps), factors_(factors) {
  for (double r : options_.rates_per_second) any_rate_ = any_rate_ || r > 0;
}

void PiecewisePoissonArrivals::set_options(PiecewisePoissonOptions options) {
  options_ = std::move(options);
  any_rate_ = false;
  for (double r : options_.rates_per_second) any_rate_ = any_rate_ || r > 0;
}

std::size_t PiecewisePoissonArrivals::bin_at(Time t) const {
  const auto k = static_cast<std::int64_t>(std::floor((t + options_.cycle_offset_seconds) / options_.bin_seconds));
  const auto n = static_cast<std::int64_t>(options_.rates_per_second.size());
  return static_cast<std::size_t>(((k % n) + n) % n);
}

double PiecewisePoissonArrivals::factor_at(Time t) {
  const auto period = static_cast<std::int64_t>(std::floor(t / options_.factor_period_seconds));
  while (factor_period_ < period) {
    ++factor_period_;
    double random = 1.0;
    if (options_.factor_cv > 0) {
      const double shape = 1.0 / (options_.factor_cv * options_.factor_cv);
      random = sample_gamma(factors_, shape, 1.0 / shape);
    }
    factor_ = options_.period_level ? random * options_.period_level(factor_period_) : random;
  }
  return factor_;
}

Time PiecewisePoissonArrivals::next_after(Time t) {
  if (!any_rate_) return std::numeric_limits<Time>::infinity();
  double mass = sample_exponential(gaps_, 1.0);
  const double bin = options_.bin_seconds;
  const double offset = options_.cycle_offset_seconds;
  const double period = options_.factor_period_seconds;
  for (;;) {
    if (t >= end_) return std::numeric_limits<Time>::infinity();
    // End of the current segment: the next bin boundary or period boundary after t.
    auto k = static_cast<std::int64_t>(std::floor((t + offset) / bin));
    Time bin_end = static_cast<double>(k + 1) * bin - offset;
    if (bin_end <= t) bin_end = static_cast<double>(k + 2) * bin - offset;  // rounding at a boundary
    auto p = static_cast<std::int64_t>(std::floor(t / period));
    Time period_end = static_cast<double>(p + 1) * period;
    if (period_end <= t) period_end = static_cast<double>(p + 2) * period;
    const Time end = std::min(bin_end, period_end);
    const double rate = options_.rates_per_second[bin_at(0.5 * (t + end))] * factor_at(0.5 * (t + end));
    const double segment_mass = rate * (end - t);
    if (rate > 0 && mass <= segment_mass) return t + mass / rate;
    mass -= segment_mass;
    t = end;
  }
}

}  // namespace desksim::sim
