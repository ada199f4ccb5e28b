// Business hours, the availability ledger (overall, business hours, months, planned downtime,
// outages) and service credits, on hand-made timelines.
#include "models/infra/availability_ledger.hpp"

#include <gtest/gtest.h>

#include "models/infra/business_calendar.hpp"
#include "models/infra/service_credits.hpp"
#include "sim/calendar/civil_date.hpp"

namespace desksim::models {
namespace {

using sim::hours;

BusinessCalendar weekdays_8_to_18() { return BusinessCalendar::from_scenario({}); }

// The schema's default start, 2024-01-01: month 0 is January (744 h), month 1 February 2024 (29
// days, 696 h, ending at 1440 h), month 2 March (744 h, ending at 2184 h).
sim::ReportingMonths from_january_2024() { return sim::ReportingMonths(sim::days_from_civil(2024, 1, 1)); }

TEST(BusinessCalendar, DefaultIsWeekdaysEightToSix) {
  const BusinessCalendar c = weekdays_8_to_18();
  EXPECT_DOUBLE_EQ(c.business_seconds_per_week(), hours(50));
  EXPECT_FALSE(c.is_business_time(hours(7.99)));           // Monday 07:59
  EXPECT_TRUE(c.is_business_time(hours(8)));               // Monday 08:00
  EXPECT_FALSE(c.is_business_time(hours(18)));             // Monday 18:00
  EXPECT_FALSE(c.is_business_time(hours(5 * 24 + 10)));    // Saturday 10:00
  EXPECT_TRUE(c.is_business_time(hours(7 * 24 + 9)));     // next Monday 09:00
  // Monday 06:00 to Tuesday 09:00: 10 h Monday + 1 h Tuesday.
  EXPECT_DOUBLE_EQ(c.business_seconds_between(hours(6), hours(24 + 9)), hours(11));
  // Three weeks and a Monday morning.
  EXPECT_DOUBLE_EQ(c.business_seconds_before(hours(3 * 168 + 12)), hours(3 * 50 + 4));
}

TEST(BusinessCalendar, OverlappingWindowsMerge) {
  const BusinessCalendar c({{0, 8, 12}, {0, 10, 14}, {6, 0, 24}});
  EXPECT_DOUBLE_EQ(c.business_seconds_per_week(), hours(6 + 24));
}

TEST(AvailabilityLedger, OverallAndBusinessHours) {
  AvailabilityLedger l(weekdays_8_to_18(), from_january_2024(), 0.0, false);
  // Down Monday 17:00-19:00 (1 business hour), and Saturday 10:00-12:00 (none).
  l.change(hours(17), ServiceState::kDown);
  l.change(hours(19), ServiceState::kUp);
  l.change(hours(5 * 24 + 10), ServiceState::kDown);
  l.change(hours(5 * 24 + 12), ServiceState::kUp);
  l.finish(hours(168));
  EXPECT_DOUBLE_EQ(l.seconds_in(ServiceState::kDown), hours(4));
  EXPECT_DOUBLE_EQ(l.availability(), 164.0 / 168.0);
  EXPECT_DOUBLE_EQ(l.business_seconds_in(ServiceState::kDown), hours(1));
  EXPECT_DOUBLE_EQ(l.business_hours_availability(), 49.0 / 50.0);
  ASSERT_EQ(l.outages().size(), 2u);
  EXPECT_DOUBLE_EQ(l.outages()[0].start, hours(17));
  EXPECT_DOUBLE_EQ(l.outages()[0].end, hours(19));
  EXPECT_TRUE(l.outages()[1].ended);
}

TEST(AvailabilityLedger, PlannedDowntimeExcludedUnlessContractCountsIt) {
  for (bool counts : {false, true}) {
    AvailabilityLedger l(weekdays_8_to_18(), from_january_2024(), 0.0, counts);
    l.change(hours(10), ServiceState::kPlannedDown);
    l.change(hours(12), ServiceState::kDown);  // repair overruns the window: an unplanned outage
    l.change(hours(13), ServiceState::kUp);
    l.finish(hours(100));
    EXPECT_DOUBLE_EQ(l.seconds_in(ServiceState::kPlannedDown), hours(2));
    EXPECT_DOUBLE_EQ(l.seconds_in(ServiceState::kDown), hours(1));
    EXPECT_EQ(l.outages().size(), 1u);
    EXPECT_DOUBLE_EQ(l.availability(), counts ? 97.0 / 100.0 : 97.0 / 98.0);
  }
}

TEST(AvailabilityLedger, WarmupIsDiscardedMonthsAreNot) {
  AvailabilityLedger l(weekdays_8_to_18(), from_january_2024(), hours(100), false);
  l.change(hours(50), ServiceState::kDown);   // outage starts in the warm-up
  l.change(hours(150), ServiceState::kUp);
  l.change(hours(734), ServiceState::kDown);  // spans the end of January (744 h)
  l.change(hours(754), ServiceState::kUp);
  l.finish(hours(1440));
  EXPECT_DOUBLE_EQ(l.seconds_in(ServiceState::kDown), hours(50 + 20));
  EXPECT_DOUBLE_EQ(l.availability(), 1.0 - 70.0 / 1340.0);
  ASSERT_EQ(l.outages().size(), 1u);  // the warm-up outage is not logged
  ASSERT_EQ(l.months().size(), 2u);
  // January: 100 h (warm-up included) + 10 h down of 744 h; February: 10 h down of 696 h.
  EXPECT_DOUBLE_EQ(l.month_availability(0), 1.0 - 110.0 / 744.0);
  EXPECT_DOUBLE_EQ(l.month_availability(1), 1.0 - 10.0 / 696.0);
  EXPECT_EQ(l.reporting_months().label(1), "2024-02");
  EXPECT_TRUE(l.month_complete(1, hours(1440)));
  EXPECT_FALSE(l.month_complete(2, hours(1440)));
}

TEST(ServiceCredits, LargestApplicableBand) {
  const std::vector<CreditBand> bands = {{99.9, 10}, {99.0, 25}, {95.0, 50}};
  EXPECT_DOUBLE_EQ(credit_share(0.9995, bands), 0.0);
  EXPECT_DOUBLE_EQ(credit_share(0.999, bands), 0.0);  // at the threshold is not below it
  EXPECT_DOUBLE_EQ(credit_share(0.9985, bands), 0.10);
  EXPECT_DOUBLE_EQ(credit_share(0.985, bands), 0.25);
  EXPECT_DOUBLE_EQ(credit_share(0.90, bands), 0.50);
  EXPECT_DOUBLE_EQ(credit_share(0.5, {}), 0.0);
}

TEST(ServiceCredits, PerCompletedCalendarMonth) {
  AvailabilityLedger l(weekdays_8_to_18(), from_january_2024(), 0.0, false);
  l.change(hours(100), ServiceState::kDown);  // January: 2 h down of 744 -> 99.73% -> 10%
  l.change(hours(102), ServiceState::kUp);
  l.change(hours(800), ServiceState::kDown);  // February: 10 h down of 696 -> 98.56% -> 25%
  l.change(hours(810), ServiceState::kUp);
  l.change(hours(1500), ServiceState::kDown);  // March is incomplete at the end: no credit
  l.finish(hours(1600));
  const std::vector<CreditBand> bands = {{99.9, 10}, {99.0, 25}, {95.0, 50}};
  EXPECT_DOUBLE_EQ(l.credits(1000.0, bands, hours(1600)), 100.0 + 250.0);
  EXPECT_FALSE(l.outages().back().ended);
}

TEST(ServiceCredits, AShortFirstMonthIsChargedOnItsOwnHours) {
  // Start 2024-01-15: month 0 is 17 days (408 h); 5 h down -> 98.77% -> 25%. February (696 h)
  // has 1 h down -> 99.86% -> 10%. The run ends with February.
  AvailabilityLedger l(weekdays_8_to_18(), sim::ReportingMonths(sim::days_from_civil(2024, 1, 15)), 0.0, false);
  l.change(hours(400), ServiceState::kDown);
  l.change(hours(405), ServiceState::kUp);
  l.change(hours(500), ServiceState::kDown);
  l.change(hours(501), ServiceState::kUp);
  l.finish(hours(408 + 696));
  ASSERT_EQ(l.months().size(), 2u);
  EXPECT_DOUBLE_EQ(l.month_availability(0), 1.0 - 5.0 / 408.0);
  EXPECT_DOUBLE_EQ(l.month_availability(1), 1.0 - 1.0 / 696.0);
  const std::vector<CreditBand> bands = {{99.9, 10}, {99.0, 25}, {95.0, 50}};
  EXPECT_DOUBLE_EQ(l.credits(1000.0, bands, hours(408 + 696)), 250.0 + 100.0);
}

}  // namespace
}  // namespace desksim::models
