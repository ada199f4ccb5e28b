#pragma once
// Working time on a weekly pattern with holidays: the arithmetic behind business-hours clocks
// ("respond within 4 working hours"). Domain-free: a calendar knows weekdays, intervals of the day
// and holiday day numbers, nothing about what is being timed.
//
// Time 0 is midnight at the start of day 0; day d covers [d * 86400, (d + 1) * 86400) seconds and
// its weekday is (origin_weekday + d) mod 7, 0 = Monday. Holidays are day numbers (the caller
// converts calendar dates). A calendar without working intervals in the week is rejected by
// IsValid (every deadline would be infinite); the round-the-clock calendar is `always()`.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/kernel/time.hpp"

namespace desksim::sim {

struct WorkingInterval {
  int weekday = 0;             ///< 0 = Monday ... 6 = Sunday
  double start_seconds = 0.0;  ///< since midnight, 0 <= start < end <= 86400
  double end_seconds = 0.0;
};

class WorkingCalendar {
 public:
  /// Every second is working time (24x7): add_working_time(t, d) = t + d.
  static WorkingCalendar always();

  /// Working intervals per weekday (overlapping or touching intervals are merged), holiday day
  /// numbers (any order, duplicates allowed), and the weekday of day 0.
  WorkingCalendar(std::vector<WorkingInterval> week, std::vector<std::int64_t> holiday_days, int origin_weekday);

  /// False (with the violated constraint in *error) for bad weekdays, intervals or an empty week.
  bool IsValid(std::string* error) const;

  bool always_working() const { return always_; }

  /// The instant at which `duration` seconds of working time have elapsed after `start` (>= start).
  /// Starting outside working time, the clock starts at the next working instant. duration <= 0
  /// returns start. Ends exactly at the end of an interval rather than the start of the next one.
  Time add_working_time(Time start, Time duration) const;

  /// Working seconds in [a, b]; 0 if b <= a.
  Time working_time_between(Time a, Time b) const;

  /// Working seconds per (holiday-free) week.
  double working_seconds_per_week() const { return week_seconds_; }

 private:
  WorkingCalendar() = default;
  int weekday_of(std::int64_t day) const;

  bool always_ = false;
  int origin_weekday_ = 0;
  std::string invalid_;  // first violated constraint found by the constructor, empty if none
  std::array<std::vector<std::pair<double, double>>, 7> days_;  // merged, sorted [start, end) per weekday
  std::array<double, 7> day_seconds_{};  // working seconds per weekday
  std::vector<std::int64_t> holidays_;                          // sorted, unique
  double week_seconds_ = 0.0;
};

}  // namespace desksim::sim
