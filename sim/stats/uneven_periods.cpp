#include "sim/stats/uneven_periods.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace desksim::sim {

UnevenPeriods::UnevenPeriods(std::vector<double> bounds) {
  if (bounds.size() < 2) throw std::invalid_argument("uneven periods need at least two bounds");
  for (std::size_t k = 1; k < bounds.size(); ++k)
    if (!(bounds[k] > bounds[k - 1])) throw std::invalid_argument("period bounds must increase");
  bounds_ = std::make_shared<const std::vector<double>>(std::move(bounds));
}

std::size_t UnevenPeriods::index(double t) const {
  if (t >= bound(last_) && t < bound(last_ + 1)) return last_;
  const std::vector<double>& b = *bounds_;
  if (!(t >= b.front()) || !(t < b.back())) return size();
  last_ = static_cast<std::size_t>(std::upper_bound(b.begin(), b.end(), t) - b.begin()) - 1;
  return last_;
}

PeriodAccumulator::PeriodAccumulator(UnevenPeriods periods) : periods_(std::move(periods)), cells_(periods_.size()) {}

void PeriodAccumulator::add(double t, double value) {
  const std::size_t k = periods_.index(t);
  if (k == periods_.size()) return;
  cells_[k].sum += value;
  ++cells_[k].count;
}

std::vector<double> PeriodAccumulator::sums() const {
  std::vector<double> out;
  for (const Cell& c : cells_) out.push_back(c.sum);
  return out;
}

std::vector<std::uint64_t> PeriodAccumulator::counts() const {
  std::vector<std::uint64_t> out;
  for (const Cell& c : cells_) out.push_back(c.count);
  return out;
}

std::vector<double> PeriodAccumulator::means() const {
  std::vector<double> out(cells_.size(), 0.0);
  for (std::size_t k = 0; k < out.size(); ++k)
    if (cells_[k].count > 0) out[k] = cells_[k].sum / static_cast<double>(cells_[k].count);
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
