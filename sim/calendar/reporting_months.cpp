#include "sim/calendar/reporting_months.hpp"

#include <cmath>
#include <cstdio>

#include "sim/calendar/civil_date.hpp"

namespace desksim::sim {

namespace {

std::int64_t month_number(const CivilDate& d) { return static_cast<std::int64_t>(d.year) * 12 + (d.month - 1); }

// Day number of the first day of a month number (year * 12 + month - 1).
std::int64_t first_day_of(std::int64_t month) {
  const std::int64_t year = month >= 0 ? month / 12 : (month - 11) / 12;
  return days_from_civil(year, static_cast<unsigned>(month - year * 12 + 1), 1);
}

}  // namespace

ReportingMonths::ReportingMonths(std::int64_t start_day)
    : first_month_(month_number(civil_from_days(start_day))), start_day_(start_day) {}

std::size_t ReportingMonths::month_at(Time t) const {
  // Boundaries are whole days, so the day of t decides; floor of an exact multiple of 86,400 is exact.
  const auto day = static_cast<std::int64_t>(std::floor((t > 0 ? t : 0.0) / kSecondsPerDay));
  return static_cast<std::size_t>(month_number(civil_from_days(start_day_ + day)) - first_month_);
}

Time ReportingMonths::start(std::size_t k) const {
  if (k == 0) return 0.0;
  const std::int64_t days = first_day_of(first_month_ + static_cast<std::int64_t>(k)) - start_day_;
  return static_cast<Time>(days) * kSecondsPerDay;
}

std::string ReportingMonths::label(std::size_t k) const {
  const std::int64_t month = first_month_ + static_cast<std::int64_t>(k);
  char text[32];  // room for any 64-bit year
  std::snprintf(text, sizeof text, "%04lld-%02lld", static_cast<long long>(month / 12), static_cast<long long>(month % 12 + 1));
  return text;
}

std::vector<Time> ReportingMonths::bounds_until(Time end) const {
  std::vector<Time> bounds{0.0};
  for (std::size_t k = 1; start(k) < end; ++k) bounds.push_back(start(k));
  bounds.push_back(end);
  return bounds;
}

}  // namespace desksim::sim
