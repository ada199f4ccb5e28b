// ISO dates and date-times of simulated time, against printf's rendering of the same civil date
// (the way they were first written) over twelve centuries of days (every seventh from 1570 to 2770)
// and random hours, and by hand.
#include "analysis/export/calendar_dates.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

namespace desksim::analysis {
namespace {

TEST(CalendarDates, ByHand) {
  EXPECT_EQ(iso_date(0), "1970-01-01");
  EXPECT_EQ(iso_date(*parse_iso_date("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(parse_iso_date("2025-02-29"));
  const std::int64_t start = *parse_iso_date("2024-01-01");
  EXPECT_EQ(iso_datetime(start, 0.0), "2024-01-01T00:00:00");
  EXPECT_EQ(iso_datetime(start, 25.5), "2024-01-02T01:30:00");
  EXPECT_EQ(iso_datetime(start, -0.25), "2023-12-31T23:45:00");
  EXPECT_EQ(iso_datetime(start, 8903.9999999), "2025-01-06T00:00:00");  // 371 days (2024 is leap), to the nearest second
  EXPECT_EQ(iso_date(*parse_iso_date("0001-01-01") - 1), "0000-12-31");
  EXPECT_EQ(iso_date(*parse_iso_date("9999-12-31") + 1), "10000-01-01");  // five digits, as printf
}

TEST(CalendarDates, AsPrintfWouldWriteThem) {
  std::mt19937_64 draw(5);
  const std::int64_t start = *parse_iso_date("2024-01-01");
  for (std::int64_t day = -146097; day <= 146097 * 2; day += 7) {
    const std::string date = iso_date(day);
    ASSERT_EQ(*parse_iso_date(date), day) << date;
    const double hours = std::ldexp(static_cast<double>(draw() >> 11), -53) * 24.0 * 365.0 * 30.0 - 24.0 * 365.0;
    const auto seconds = static_cast<long long>(std::llround(hours * 3600.0));
    const long long whole_days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const long long in_day = seconds - whole_days * 86400;
    char expected[64];
    std::snprintf(expected, sizeof expected, "%sT%02lld:%02lld:%02lld", iso_date(start + whole_days).c_str(), in_day / 3600,
                  in_day / 60 % 60, in_day % 60);
    ASSERT_EQ(iso_datetime(start, hours), expected) << hours;
  }
}

}  // namespace
}  // namespace desksim::analysis
