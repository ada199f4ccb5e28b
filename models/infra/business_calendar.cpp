#include "models/infra/business_calendar.hpp"

#include <algorithm>
#include <cmath>

namespace desksim::models {

BusinessCalendar::BusinessCalendar(const std::vector<Window>& windows) {
  std::vector<std::pair<double, double>> raw;
  for (const Window& w : windows) {
    const double day_start = w.day * sim::kSecondsPerDay;
    raw.emplace_back(day_start + sim::hours(w.start_hour), day_start + sim::hours(w.end_hour));
  }
  std::sort(raw.begin(), raw.end());
  for (const auto& r : raw) {
    if (r.second <= r.first) continue;
    if (!intervals_.empty() && r.first <= intervals_.back().second)
      intervals_.back().second = std::max(intervals_.back().second, r.second);
    else
      intervals_.push_back(r);
  }
  for (const auto& i : intervals_) per_week_ += i.second - i.first;
}

BusinessCalendar BusinessCalendar::from_scenario(const scenario::Infrastructure::BusinessHours& hours) {
  std::vector<Window> windows;
  for (const auto& w : hours.windows())
    for (int day : w.days()) windows.push_back(Window{day - 1, w.start_hour(), w.end_hour()});
  if (hours.windows().empty())
    for (int day = 0; day < 5; ++day) windows.push_back(Window{day, 8.0, 18.0});
  return BusinessCalendar(windows);
}

double BusinessCalendar::business_seconds_before(sim::Time t) const {
  if (t <= 0) return 0.0;
  const double weeks = std::floor(t / sim::kSecondsPerWeek);
  const double within = t - weeks * sim::kSecondsPerWeek;
  double sum = weeks * per_week_;
  for (const auto& [start, end] : intervals_) {
    if (within <= start) break;
    sum += std::min(within, end) - start;
  }
  return sum;
}

bool BusinessCalendar::is_business_time(sim::Time t) const {
  const double within = t - std::floor(t / sim::kSecondsPerWeek) * sim::kSecondsPerWeek;
  for (const auto& [start, end] : intervals_)
    if (within >= start && within < end) return true;
  return false;
}

}  // namespace desksim::models
