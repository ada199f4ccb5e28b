// Staff cost: staff hours are the integral of the roster, FTE = hours / (weeks x paid hours x
// (1 - shrinkage)), cost = hours x the cost of a staffed hour; per station, per supplier, per month.
// Rosters are deterministic, so these hold exactly in every replication.
#include <gtest/gtest.h>

#include "models/cost/staff_cost.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/models/resolver_test_support.hpp"

namespace desksim {
namespace {

// The OLA case (5 tickets/h through a 20-agent desk to a 50-resolver applications group), run for
// 9 weeks from Monday 1 January 2024 with a one-week warm-up, and given a desk roster: 10 agents on
// weekdays 08:00-18:00, 2 at other times, i.e. 5 x 10 x 10 + 118 x 2 = 736 agent-hours a week.
scenario::Scenario costed_case() {
  auto s = testing::load("scenarios/validation/ola-chase-ample-servers.textproto");
  s.mutable_run()->set_horizon_hours(9 * 168);
  s.mutable_run()->set_warmup_hours(168);
  s.mutable_run()->set_replications(2);
  auto* desk = s.mutable_desk();
  for (int h = 0; h < 336; ++h) {
    const int day = h / 48, hour = (h % 48) / 2;
    desk->add_roster_agents_per_half_hour(day < 5 && hour >= 8 && hour < 18 ? 10 : 2);
  }
  desk->mutable_staff_cost()->set_pounds_per_staffed_hour(20);
  desk->mutable_staff_cost()->set_paid_hours_per_week(40);
  desk->mutable_staff_cost()->set_shrinkage(0.2);
  s.mutable_staff_cost()->set_pounds_per_fte_year(45000);  // the group's: defaults 37.5 h, 30% shrinkage
  return s;
}

TEST(StaffCost, StaffHoursAreTheRosterIntegralAndFteAndCostFollowFromThem) {
  const auto s = costed_case();
  std::vector<models::Diagnostic> problems;
  models::validate_scenario(s, &problems);
  ASSERT_TRUE(problems.empty()) << models::format_all(problems);
  const auto r = testing::run(s, 2);
  const double weeks = 8.0;  // measured
  const double group_rate = 45000.0 / (365.25 / 7 * 37.5 * 0.7);
  for (const auto& rep : r.replications()) {
    EXPECT_NEAR(testing::scalar(rep, "desk.staff_hours"), weeks * 736, 1e-6);
    EXPECT_NEAR(testing::scalar(rep, "desk.fte"), weeks * 736 / (weeks * 40 * 0.8), 1e-9);
    EXPECT_NEAR(testing::scalar(rep, "desk.staff_cost_pounds"), weeks * 736 * 20, 1e-6);
    EXPECT_NEAR(testing::scalar(rep, "group.apps.staff_hours"), 50 * weeks * 168, 1e-6);
    EXPECT_NEAR(testing::scalar(rep, "group.apps.fte"), 50 * 168 / (37.5 * 0.7), 1e-9);
    EXPECT_NEAR(testing::scalar(rep, "group.apps.staff_cost_pounds"), 50 * weeks * 168 * group_rate, 1e-4);
    // Per supplier and in all.
    EXPECT_NEAR(testing::scalar(rep, "supplier.infrastructure.staff_hours"), weeks * 736, 1e-6);
    EXPECT_NEAR(testing::scalar(rep, "supplier.applications.fte"), 320.0, 1e-9);
    EXPECT_NEAR(testing::scalar(rep, "staff.fte"), 23.0 + 320.0, 1e-9);
    EXPECT_NEAR(testing::scalar(rep, "staff.cost_pounds"), weeks * 736 * 20 + 50 * weeks * 168 * group_rate, 1e-4);

    // Per month, from t = 0 (warm-up included): January (744 h: 4 weeks and Monday to Wednesday),
    // February 2024 (696 h, whole weeks from Thursday), then 3 days of March to the horizon.
    const auto* hours = testing::series(rep, "desk.staff_hours_per_month");
    ASSERT_NE(hours, nullptr);
    ASSERT_EQ(hours->values_size(), 3);
    EXPECT_EQ(hours->period_labels(0), "2024-01");
    EXPECT_EQ(hours->period_labels(2), "2024-03");
    const double weekday = 10 * 10 + 14 * 2;
    EXPECT_NEAR(hours->values(0), 4 * 736 + 3 * weekday, 1e-6);
    EXPECT_NEAR(hours->values(1), 4 * 736 + weekday, 1e-6);  // 29 days: 4 weeks and a Thursday
    EXPECT_NEAR(hours->values(2), weekday + 2 * 48, 1e-6);  // Friday 1, Saturday 2 and Sunday 3 March
    const auto* fte = testing::series(rep, "desk.fte_per_month");
    ASSERT_NE(fte, nullptr);
    EXPECT_NEAR(fte->values(0), hours->values(0) / (744.0 / 168 * 40 * 0.8), 1e-9);
    // Total cost of the applications supplier per month: its staff plus its credits.
    const auto* total = testing::series(rep, "supplier.applications.total_cost_pounds_per_month");
    const auto* credits = testing::series(rep, "supplier.applications.credit_pounds_per_month");
    ASSERT_NE(total, nullptr);
    ASSERT_NE(credits, nullptr);
    ASSERT_EQ(credits->values_size(), 2);  // March is not complete: not charged
    EXPECT_NEAR(total->values(0), 50 * 744 * group_rate + credits->values(0), 1e-4);
    EXPECT_NEAR(total->values(2), 50 * 72 * group_rate, 1e-4);
    EXPECT_NEAR(testing::scalar(rep, "supplier.applications.total_cost_pounds"),
                50 * (744 + 696) * group_rate + credits->values(0) + credits->values(1), 1e-3);
  }
}

TEST(StaffCost, ValidationNamesTheFieldOfABadCost) {
  auto s = costed_case();
  s.mutable_desk()->mutable_staff_cost()->set_pounds_per_fte_year(1);  // both kinds of cost
  s.mutable_staff_cost()->set_shrinkage(1.0);
  auto* pool = s.mutable_infrastructure()->add_repair_crews();
  pool->set_name("p");
  pool->set_resolver_group("apps");
  pool->mutable_staff_cost()->set_pounds_per_staffed_hour(1);
  std::vector<models::Diagnostic> problems;
  models::validate_staff_costs(s, &problems);
  const std::string text = models::format_all(problems);
  EXPECT_NE(text.find("desk.staff_cost: give pounds_per_staffed_hour or pounds_per_fte_year, not both"), std::string::npos) << text;
  EXPECT_NE(text.find("staff_cost.shrinkage: must be in [0, 1)"), std::string::npos) << text;
  EXPECT_NE(text.find("infrastructure.repair_crews[0].staff_cost: must be unset"), std::string::npos) << text;
}

TEST(StaffCost, AYearlyFteCostBecomesACostPerStaffedHour) {
  scenario::Scenario s;
  scenario::StaffCost c;
  c.set_pounds_per_fte_year(52178.57);
  c.set_paid_hours_per_week(40);
  c.set_shrinkage(0.25);
  const auto cost = models::make_staff_cost(&c, s);
  // One FTE is staffed 52.18 weeks x 40 h x 0.75 = 1565.4 h a year.
  EXPECT_NEAR(cost.pounds_per_staffed_hour, 52178.57 / (365.25 / 7 * 30), 1e-9);
  EXPECT_NEAR(cost.staffed_hours_per_fte(168.0), 30.0, 1e-12);
  const auto none = models::make_staff_cost(nullptr, s);
  EXPECT_EQ(none.pounds_per_staffed_hour, 0.0);
  EXPECT_EQ(none.paid_hours_per_week, 37.5);
  EXPECT_EQ(none.shrinkage, 0.3);
}

}  // namespace
}  // namespace desksim
