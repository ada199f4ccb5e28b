#include "sim/stats/uneven_periods.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace desksim::sim {

UnevenPeriods::UnevenPeriods(std::vector<double> bounds) : bounds_(std::move(bounds)) {
  if (bounds_.size() < 2) throw std::invalid_argument("uneven periods need at least two bounds");
  for (std::size_t k = 1; k < bounds_.size(); ++k)
    if (!(bounds_[k] > bounds_[k - 1])) throw std::invalid_argument("period bounds must increase");
}

std::size_t UnevenPeriods::index(double t) const {
  if (t >= bounds_[last_] && t < bounds_[last_ + 1]) return last_;
  if (!(t >= bounds_.front()) || !(t < bounds_.back())) return size();
  last_ = static_cast<std::size_t>(std::upper_bound(bounds_.begin(), bounds_.end(), t) - bounds_.begin()) - 1;
  return last_;
}

PeriodAccumulator::PeriodAccumulator(UnevenPeriods periods)
    : periods_(std::move(periods)), sums_(periods_.size(), 0.0), counts_(periods_.size(), 0) {}

void PeriodAccumulator::add(double t, double value) {
  const std::size_t k = periods_.index(t);
  if (k == periods_.size()) return;
  sums_[k] += value;
  ++counts_[k];
}

std::vector<double> PeriodAccumulator::means() const {
  std::vector<double> out(sums_.size(), 0.0);
  for (std::size_t k = 0; k < out.size(); ++k)
    if (counts_[k] > 0) out[k] = sums_[k] / static_cast<double>(counts_[k]);
  return out;
}

PeriodTimeAverage::PeriodTimeAverage(UnevenPeriods periods, double initial)
    : periods_(std::move(periods)), area_(periods_.size(), 0.0), last_time_(periods_.bounds().front()), value_(initial) {}

// Adds the current level's area from the last change to `until`, split at the period bounds.
void PeriodTimeAverage::accumulate(double until) {
  const auto& b = periods_.bounds();
  until = std::min(until, b.back());
  while (last_time_ < until) {
    const std::size_t k = periods_.index(last_time_);
    if (k == periods_.size()) break;
    const double stop = std::min(until, b[k + 1]);
    area_[k] += value_ * (stop - last_time_);
    last_time_ = stop;
  }
}

void PeriodTimeAverage::update(double t, double value) {
  if (t > last_time_) accumulate(t);
  value_ = value;
}

std::vector<double> PeriodTimeAverage::integrals(double end) const {
  PeriodTimeAverage copy = *this;
  copy.accumulate(end);
  return copy.area_;
}

std::vector<double> PeriodTimeAverage::averages(double end) const {
  std::vector<double> out = integrals(end);
  const auto& b = periods_.bounds();
  for (std::size_t k = 0; k < out.size(); ++k) {
    const double covered = std::min(end, b[k + 1]) - b[k];
    out[k] = covered > 0 ? out[k] / covered : 0.0;
  }
  return out;
}

}  // namespace desksim::sim
