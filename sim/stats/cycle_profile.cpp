#include "sim/stats/cycle_profile.hpp"

#include <cmath>
#include <limits>

namespace desksim::sim {

CycleBins::CycleBins(std::size_t bins, double bin_length, double offset)
    : bins_(bins == 0 ? 1 : bins), bin_length_(bin_length > 0 ? bin_length : 1.0), offset_(offset) {}

std::size_t CycleBins::bin_at(double t) const {
  const auto k = static_cast<long long>(std::floor((t + offset_) / bin_length_));
  const auto n = static_cast<long long>(bins_);
  return static_cast<std::size_t>(((k % n) + n) % n);
}

std::vector<double> CycleBins::exposure(double a, double b) const {
  std::vector<double> out(bins_, 0.0);
  for_each_piece(a, b, [&out](std::size_t bin, double length) { out[bin] += length; });
  return out;
}

CycleTimeAverage::CycleTimeAverage(CycleBins bins, double start_time, double initial_value)
    : bins_(bins), start_(start_time), last_(start_time), value_(initial_value), integral_(bins.bins(), 0.0) {}

void CycleTimeAverage::update(double now, double value) {
  if (now > last_) {
    if (now <= bin_end_) {
      if (value_ != 0.0) integral_[bin_] += value_ * (now - last_);  // the one piece for_each_piece would give
    } else {
      if (value_ != 0.0)
        bins_.for_each_piece(last_, now, [this](std::size_t bin, double length) { integral_[bin] += value_ * length; });
      bin_end_ = bins_.bin_end_after(now);
      bin_ = bins_.bin_at(0.5 * (now + bin_end_));
    }
    last_ = now;
  }
  value_ = value;
}

void CycleTimeAverage::reset(double now) {
  start_ = now;
  last_ = now;
  bin_end_ = -1.0;
  std::fill(integral_.begin(), integral_.end(), 0.0);
}

std::vector<double> CycleTimeAverage::integrals(double now) const {
  std::vector<double> out = integral_;
  if (now > last_ && value_ != 0.0)
    bins_.for_each_piece(last_, now, [&](std::size_t bin, double length) { out[bin] += value_ * length; });
  return out;
}

std::vector<double> CycleTimeAverage::averages(double now) const {
  std::vector<double> out = integrals(now);
  const std::vector<double> time = bins_.exposure(start_, now);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = time[i] > 0 ? out[i] / time[i] : std::numeric_limits<double>::quiet_NaN();
  return out;
}

}  // namespace desksim::sim
