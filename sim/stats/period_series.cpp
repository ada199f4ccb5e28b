#include "sim/stats/period_series.hpp"

#include <cassert>
#include <cmath>

namespace desksim::sim {

PeriodSeries::PeriodSeries(double origin, double period) : origin_(origin), period_(period) {
  assert(period > 0.0);
}

void PeriodSeries::add(double time, double amount) {
  if (time >= current_start_ && time < current_end_) {
    values_[current_] += amount;
    return;
  }
  if (!(period_ > 0.0) || !std::isfinite(time) || time < origin_) return;
  auto index = static_cast<std::size_t>(std::floor((time - origin_) / period_));
  // The division may round across a boundary; settle it with the same arithmetic the doc states
  // (origin + i*period), so that a time on a boundary always lands in the later period.
  if (index > 0 && time < origin_ + static_cast<double>(index) * period_) --index;
  if (time >= origin_ + static_cast<double>(index + 1) * period_) ++index;
  if (index >= values_.size()) values_.resize(index + 1, 0.0);
  values_[index] += amount;
  current_ = index;
  current_start_ = origin_ + static_cast<double>(index) * period_;
  current_end_ = origin_ + static_cast<double>(index + 1) * period_;
}

void PeriodSeries::ensure_periods(std::size_t n) {
  if (values_.size() < n) values_.resize(n, 0.0);
}

}  // namespace desksim::sim
