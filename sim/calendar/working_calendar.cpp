#include "sim/calendar/working_calendar.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace desksim::sim {

WorkingCalendar WorkingCalendar::always() {
  WorkingCalendar c;
  c.always_ = true;
  c.week_seconds_ = kSecondsPerWeek;
  return c;
}

WorkingCalendar::WorkingCalendar(std::vector<WorkingInterval> week, std::vector<std::int64_t> holiday_days,
                                 int origin_weekday)
    : origin_weekday_(origin_weekday), holidays_(std::move(holiday_days)) {
  if (origin_weekday < 0 || origin_weekday > 6) invalid_ = "origin weekday must be in 0..6 (got " + std::to_string(origin_weekday) + ")";
  for (const WorkingInterval& w : week) {
    if (w.weekday < 0 || w.weekday > 6) {
      if (invalid_.empty()) invalid_ = "weekday must be in 0..6 (got " + std::to_string(w.weekday) + ")";
      continue;
    }
    if (!(w.start_seconds >= 0 && w.start_seconds < w.end_seconds && w.end_seconds <= kSecondsPerDay)) {
      if (invalid_.empty()) invalid_ = "interval must satisfy 0 <= start < end <= 86400 s";
      continue;
    }
    days_[w.weekday].emplace_back(w.start_seconds, w.end_seconds);
  }
  for (auto& day : days_) {
    std::sort(day.begin(), day.end());
    std::vector<std::pair<double, double>> merged;
    for (const auto& iv : day) {
      if (!merged.empty() && iv.first <= merged.back().second) merged.back().second = std::max(merged.back().second, iv.second);
      else merged.push_back(iv);
    }
    day = std::move(merged);
  }
  for (std::size_t d = 0; d < days_.size(); ++d) {
    for (const auto& iv : days_[d]) day_seconds_[d] += iv.second - iv.first;
    week_seconds_ += day_seconds_[d];
  }
  if (invalid_.empty() && week_seconds_ <= 0) invalid_ = "a calendar needs some working time in the week";
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
}

bool WorkingCalendar::IsValid(std::string* error) const {
  if (invalid_.empty()) return true;
  if (error) *error = invalid_;
  return false;
}

int WorkingCalendar::weekday_of(std::int64_t day) const {
  const std::int64_t w = (origin_weekday_ + day) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

// Both walks below go day by day, but cross whole holiday-free weeks in one step. Working intervals
// are whole seconds in practice, so every subtraction and sum here is exact (the values are
// multiples of the start's last bit and far from 2^53 of it): a week taken at once gives the bits
// that seven days taken one by one give. (A test compares both walks to the bit.)

namespace {

constexpr std::int64_t kNoHoliday = std::numeric_limits<std::int64_t>::max();

/// The first holiday at or after the cursor, or kNoHoliday.
std::int64_t next_holiday(std::vector<std::int64_t>::const_iterator cursor, const std::vector<std::int64_t>& holidays) {
  return cursor == holidays.end() ? kNoHoliday : *cursor;
}

}  // namespace

Time WorkingCalendar::add_working_time(Time start, Time duration) const {
  if (!(duration > 0)) return start;
  if (always_) return start + duration;
  if (week_seconds_ <= 0) return std::numeric_limits<Time>::infinity();
  Time remaining = duration;
  auto day = static_cast<std::int64_t>(std::floor(start / kSecondsPerDay));
  // Holidays ahead, in order: the walk only moves forward, so one cursor replaces a search per day.
  auto holiday = std::lower_bound(holidays_.begin(), holidays_.end(), day);
  std::int64_t holiday_day = next_holiday(holiday, holidays_);
  int weekday = weekday_of(day);
  for (bool first_day = true;; first_day = false) {
    if (day == holiday_day) {
      holiday_day = next_holiday(++holiday, holidays_);
    } else if (!first_day && remaining > week_seconds_ && holiday_day - day >= 7) {
      // The deadline is beyond a whole holiday-free week from here: every day of it is consumed.
      remaining -= week_seconds_;
      day += 7;
      continue;
    } else if (!first_day && remaining > day_seconds_[weekday]) {
      // A later day the deadline does not fall in is consumed whole: one subtraction, not one per
      // interval (business-hours deadlines span several days, and this runs for every SLA clock).
      remaining -= day_seconds_[weekday];
    } else {
      const Time day_start = static_cast<Time>(day) * kSecondsPerDay;
      for (const auto& [s, e] : days_[weekday]) {
        const Time hi = day_start + e;
        const Time lo = std::max(start, day_start + s);
        if (hi <= lo) continue;
        if (remaining <= hi - lo) return lo + remaining;
        remaining -= hi - lo;
      }
    }
    ++day;
    weekday = weekday == 6 ? 0 : weekday + 1;
  }
}

Time WorkingCalendar::working_time_between(Time a, Time b) const {
  if (!(b > a)) return 0.0;
  if (always_) return b - a;
  Time total = 0.0;
  const auto first = static_cast<std::int64_t>(std::floor(a / kSecondsPerDay));
  const auto last = static_cast<std::int64_t>(std::floor(b / kSecondsPerDay));
  auto holiday = std::lower_bound(holidays_.begin(), holidays_.end(), first);
  std::int64_t holiday_day = next_holiday(holiday, holidays_);
  int weekday = weekday_of(first);
  for (std::int64_t day = first; day <= last;) {
    if (day == holiday_day) {
      holiday_day = next_holiday(++holiday, holidays_);
    } else if (day > first && last - day >= 7 && holiday_day - day >= 7) {
      total += week_seconds_;  // a whole holiday-free week inside (a, b)
      day += 7;
      continue;
    } else if (day > first && day < last) {  // a whole day inside (a, b)
      total += day_seconds_[weekday];
    } else {
      const Time day_start = static_cast<Time>(day) * kSecondsPerDay;
      for (const auto& [s, e] : days_[weekday]) {
        const Time lo = std::max(a, day_start + s);
        const Time hi = std::min(b, day_start + e);
        if (hi > lo) total += hi - lo;
      }
    }
    ++day;
    weekday = weekday == 6 ? 0 : weekday + 1;
  }
  return total;
}

}  // namespace desksim::sim
