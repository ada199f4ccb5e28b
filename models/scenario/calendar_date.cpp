#include "models/scenario/calendar_date.hpp"

#include <cstdio>

#include "sim/calendar/civil_date.hpp"

namespace desksim::models {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

std::optional<std::int64_t> parse_date(const std::string& text) {
  int y = 0, m = 0, d = 0, consumed = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &consumed) != 3 || consumed != 10)
    return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0)) return std::nullopt;
  return sim::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

int weekday_of_day_number(std::int64_t days) {
  const std::int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday (3 with Monday = 0)
  return static_cast<int>(w < 0 ? w + 7 : w);
}

}  // namespace desksim::models
