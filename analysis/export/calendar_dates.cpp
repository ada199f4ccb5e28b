#include "analysis/export/calendar_dates.hpp"

#include <cmath>
#include <cstdio>

namespace desksim::analysis {
namespace {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<std::int64_t>(yoe) + era * 400 + (*m <= 2);
}

}  // namespace

std::optional<std::int64_t> parse_iso_date(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  const std::string s(text);
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  const std::int64_t day = days_from_civil(y, m, d);
  std::int64_t yy;
  unsigned mm, dd;
  civil_from_days(day, &yy, &mm, &dd);  // 2025-02-30 would come back as March
  if (yy != y || mm != m || dd != d) return std::nullopt;
  return day;
}

namespace {

// Digits by hand rather than snprintf: the database dates every outage, month and ticket row, and
// snprintf cost some 6,000 instructions a date and time.
void put_digits(char* at, unsigned value, int width) {
  for (int k = width - 1; k >= 0; --k, value /= 10) at[k] = static_cast<char>('0' + value % 10);
}

}  // namespace

std::string iso_date(std::int64_t day) {
  std::int64_t y;
  unsigned m, d;
  civil_from_days(day, &y, &m, &d);
  if (y < 0 || y > 9999) {  // beyond four digits: printf's rendering of the year
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buffer;
  }
  std::string out = "YYYY-MM-DD";
  put_digits(&out[0], static_cast<unsigned>(y), 4);
  put_digits(&out[5], m, 2);
  put_digits(&out[8], d, 2);
  return out;
}

std::string iso_datetime(std::int64_t start_day, double hours) {
  const auto seconds = static_cast<std::int64_t>(std::llround(hours * 3600.0));
  const std::int64_t day = start_day + (seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
  const auto in_day = static_cast<unsigned>(seconds - (day - start_day) * 86400);  // 0 .. 86399
  std::string out = iso_date(day);
  const std::size_t at = out.size();
  out += "THH:MM:SS";
  put_digits(&out[at + 1], in_day / 3600, 2);
  put_digits(&out[at + 4], in_day / 60 % 60, 2);
  put_digits(&out[at + 7], in_day % 60, 2);
  return out;
}

std::int64_t start_day_of(std::string_view start_date) {
  if (auto day = parse_iso_date(start_date)) return *day;
  return *parse_iso_date(kDefaultStartDate);
}

}  // namespace desksim::analysis
