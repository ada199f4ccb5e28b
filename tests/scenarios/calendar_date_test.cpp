// Scenario dates as day numbers: the default start date's constant agrees with its text.
#include "models/scenario/calendar_date.hpp"

#include <gtest/gtest.h>

namespace desksim::models {
namespace {

TEST(CalendarDate, DefaultStartDayIsTheDefaultStartDate) {
  EXPECT_EQ(parse_date(kDefaultStartDate), kDefaultStartDay);
  EXPECT_EQ(weekday_of_day_number(kDefaultStartDay), 0);  // a Monday
  EXPECT_EQ(parse_date("2024-02-29").value() - parse_date("2024-02-01").value(), 28);
  EXPECT_FALSE(parse_date("2025-02-29"));
}

}  // namespace
}  // namespace desksim::models
