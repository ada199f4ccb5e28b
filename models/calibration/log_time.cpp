#include "models/calibration/log_time.hpp"

#include <cstdio>

#include "sim/calendar/civil_date.hpp"

namespace desksim::models::calibration {
namespace {

bool valid(long y, long m, long d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// Reads an unsigned number of 1..max_digits digits at s[*i].
bool digits(const std::string& s, std::size_t* i, int max_digits, long* out) {
  long v = 0;
  int n = 0;
  while (*i < s.size() && n < max_digits && s[*i] >= '0' && s[*i] <= '9') v = v * 10 + (s[(*i)++] - '0'), ++n;
  *out = v;
  return n > 0;
}

bool expect(const std::string& s, std::size_t* i, char c) {
  if (*i < s.size() && s[*i] == c) return ++*i, true;
  return false;
}

}  // namespace

std::optional<std::int64_t> parse_log_time(const std::string& s) {
  std::size_t i = 0;
  long a = 0, b = 0, c = 0, hh = 0, mm = 0, ss = 0;
  long y, m, d;
  if (!digits(s, &i, 4, &a)) return std::nullopt;
  if (i < s.size() && s[i] == '/') {  // day-first d/m/yyyy
    if (!expect(s, &i, '/') || !digits(s, &i, 2, &b) || !expect(s, &i, '/') || !digits(s, &i, 4, &c))
      return std::nullopt;
    d = a, m = b, y = c;
  } else {  // ISO yyyy-mm-dd
    if (!expect(s, &i, '-') || !digits(s, &i, 2, &b) || !expect(s, &i, '-') || !digits(s, &i, 2, &c))
      return std::nullopt;
    y = a, m = b, d = c;
  }
  if (!valid(y, m, d)) return std::nullopt;
  if (i < s.size()) {
    if (!expect(s, &i, ' ') && !expect(s, &i, 'T')) return std::nullopt;
    if (!digits(s, &i, 2, &hh) || !expect(s, &i, ':') || !digits(s, &i, 2, &mm)) return std::nullopt;
    if (expect(s, &i, ':') && !digits(s, &i, 2, &ss)) return std::nullopt;
    if (i != s.size() || hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  }
  return sim::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kMinutesPerDay + hh * 60 + mm;
}

std::optional<std::int64_t> parse_day(const std::string& text) {
  if (text.size() != 10 || text[4] != '-') return std::nullopt;
  const auto t = parse_log_time(text);
  if (!t) return std::nullopt;
  return *t / kMinutesPerDay;
}

std::string format_day(std::int64_t day) {
  // Inverse of days_from_civil (H. Hinnant's civil_from_days).
  const std::int64_t z = day + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buf;
}

}  // namespace desksim::models::calibration
