// Calendar months of a run against hand-counted calendars, and the civil-date arithmetic under them.
#include "sim/calendar/reporting_months.hpp"

#include <gtest/gtest.h>

#include "sim/calendar/civil_date.hpp"

namespace desksim::sim {
namespace {

TEST(CivilDate, DayNumbersRoundTrip) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2024, 1, 1), 19723);  // 54 years of 365 days + 13 leap days
  EXPECT_EQ(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 1), 29);  // 2024 is a leap year
  EXPECT_EQ(days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 1), 28);  // 2100 is not
  for (std::int64_t day = days_from_civil(1999, 12, 1); day < days_from_civil(2101, 1, 1); ++day) {
    const CivilDate d = civil_from_days(day);
    ASSERT_EQ(days_from_civil(d.year, d.month, d.day), day);
  }
  const CivilDate leap = civil_from_days(days_from_civil(2024, 2, 29));
  EXPECT_EQ(leap.year, 2024);
  EXPECT_EQ(leap.month, 2u);
  EXPECT_EQ(leap.day, 29u);
}

TEST(ReportingMonths, StartOnTheFifteenthMakesAShortFirstMonth) {
  // Start 2024-01-15: month 0 = 15 Jan .. 1 Feb = 17 days; month 1 = February 2024, 29 days;
  // month 2 = March, 31 days.
  const ReportingMonths months(days_from_civil(2024, 1, 15));
  EXPECT_EQ(months.start(0), 0.0);
  EXPECT_EQ(months.end(0), days(17));
  EXPECT_EQ(months.start(1), days(17));
  EXPECT_EQ(months.end(1), days(17 + 29));
  EXPECT_EQ(months.end(2), days(17 + 29 + 31));
  EXPECT_EQ(months.label(0), "2024-01");
  EXPECT_EQ(months.label(1), "2024-02");
  EXPECT_EQ(months.label(2), "2024-03");
  EXPECT_EQ(months.month_at(0.0), 0u);
  EXPECT_EQ(months.month_at(days(17) - 1e-6), 0u);
  EXPECT_EQ(months.month_at(days(17)), 1u);  // a month's end belongs to the next month
  EXPECT_EQ(months.month_at(days(17 + 29) - 1.0), 1u);
  EXPECT_EQ(months.month_at(days(17 + 29)), 2u);
  EXPECT_EQ(months.month_at(-5.0), 0u);
}

TEST(ReportingMonths, AYearFromTheFirstOfJanuaryIsTwelveCalendarMonths) {
  // 2025 (not a leap year): 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 days.
  const ReportingMonths months(days_from_civil(2025, 1, 1));
  const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  double start = 0.0;
  for (std::size_t k = 0; k < 12; ++k) {
    EXPECT_EQ(months.start(k), start) << k;
    EXPECT_EQ(months.end(k) - months.start(k), days(lengths[k])) << k;
    EXPECT_EQ(months.month_at(start + hours(12)), k);
    start += days(lengths[k]);
  }
  EXPECT_EQ(start, days(365));
  EXPECT_EQ(months.label(11), "2025-12");
  EXPECT_EQ(months.label(12), "2026-01");  // across the year end
  EXPECT_EQ(months.month_at(days(365)), 12u);
}

}  // namespace
}  // namespace desksim::sim
