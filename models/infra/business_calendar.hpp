#pragma once
// Business hours as a weekly pattern, for "availability within business hours". t = 0 is Monday
// 00:00; the pattern repeats every 168 hours. Windows may overlap; they are merged.
#include <utility>
#include <vector>

#include "desksim/scenario.pb.h"
#include "sim/kernel/time.hpp"

namespace desksim::models {

class BusinessCalendar {
 public:
  struct Window {
    int day;            // 0 = Monday .. 6 = Sunday
    double start_hour;  // 0 <= start < end <= 24
    double end_hour;
  };

  explicit BusinessCalendar(const std::vector<Window>& windows);
  /// The scenario's windows, or Monday-Friday 08:00-18:00 when none is given.
  static BusinessCalendar from_scenario(const scenario::Infrastructure::BusinessHours& hours);

  /// Business seconds in [0, t) (t >= 0).
  double business_seconds_before(sim::Time t) const;
  /// Business seconds in [a, b) (a <= b).
  double business_seconds_between(sim::Time a, sim::Time b) const {
    return business_seconds_before(b) - business_seconds_before(a);
  }
  bool is_business_time(sim::Time t) const;
  double business_seconds_per_week() const { return per_week_; }

 private:
  std::vector<std::pair<double, double>> intervals_;  // disjoint, sorted, seconds within the week
  double per_week_ = 0.0;
};

}  // namespace desksim::models
