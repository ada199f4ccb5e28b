#include "sim/stats/time_weighted.hpp"

#include <algorithm>
#include <cassert>

namespace desksim::sim {

TimeWeighted::TimeWeighted(double start_time, double initial_value)
    : start_(start_time), last_time_(start_time), value_(initial_value), max_(initial_value) {}

void TimeWeighted::reset(double now) {
  assert(now >= last_time_);
  start_ = now;
  last_time_ = now;
  area_ = 0.0;
  max_ = value_;
}

double TimeWeighted::integral(double now) const {
  assert(now >= last_time_);
  return area_ + value_ * (now - last_time_);
}

double TimeWeighted::mean(double now) const {
  if (!(now > start_)) return value_;
  return integral(now) / (now - start_);
}

}  // namespace desksim::sim
