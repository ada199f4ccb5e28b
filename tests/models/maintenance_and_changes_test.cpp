// Planned maintenance (timing exact through SimGrid, excluded from or counted in availability as
// the contract says) and failed changes (a Poisson process whose rate a migration phase triples).
#include <gtest/gtest.h>

#include "tests/models/infra_test_support.hpp"

namespace desksim::models {
namespace {

using testing::estimate;

TEST(MaintenanceAndChanges, PlannedDowntimeAndFailedChanges) {
  const scenario::Scenario s = testing::load_validation_scenario("maintenance-and-changes.textproto");
  const results::RunResult r = testing::run(s, s.run().replications());
  for (const auto& rep : r.replications()) {
    const auto& infra = rep.infrastructure();
    ASSERT_EQ(infra.services_size(), 3);
    // 60 weekly windows of 2 h, exactly.
    EXPECT_EQ(infra.components(0).maintenance_windows(), 60u);
    EXPECT_EQ(infra.components(0).failures(), 0u);
    EXPECT_NEAR(infra.services(0).planned_downtime_minutes(), 60 * 120.0, 1e-6);
    EXPECT_EQ(infra.services(0).outages(), 0u);        // planned down is not an outage
    EXPECT_EQ(infra.services(0).major_incidents(), 0u);
    EXPECT_DOUBLE_EQ(infra.services(0).availability(), 1.0);
    EXPECT_NEAR(infra.services(1).availability(), 1.0 - 2.0 / 168.0, 1e-12);
    // Windows start Mondays 22:00, outside the default business hours.
    EXPECT_DOUBLE_EQ(infra.services(1).business_hours_availability(), 1.0);
    // Every failed change is an outage of exactly 0.5 h (the last may be cut by the horizon).
    EXPECT_EQ(infra.components(1).failures(), 0u);
    const auto& mobile = infra.services(2);
    EXPECT_EQ(mobile.outages(), infra.components(1).change_failures());
    ASSERT_EQ(mobile.outage_log_size(), static_cast<int>(mobile.outages()));
    double down_hours = 0.0;
    for (const auto& o : mobile.outage_log()) {
      if (o.ended()) EXPECT_NEAR(o.end_hours() - o.start_hours(), 0.5, 1e-6);
      else EXPECT_NEAR(o.end_hours(), 10080.0, 1e-9);
      down_hours += o.end_hours() - o.start_hours();
    }
    EXPECT_NEAR(mobile.downtime_minutes(), 60.0 * down_hours, 1e-6);
  }
  // Failed changes: Poisson of rate 0.03/h (first 5040 h) then 0.01/h, except those falling in the
  // 0.5 h back-outs. Up periods then are renewal cycles: the count in a phase of length L at rate
  // q is about L / (1/q + 0.5), i.e. 5040 / 33.833 + 5040 / 100.5.
  const double expected = 5040.0 / (1.0 / 0.03 + 0.5) + 5040.0 / (1.0 / 0.01 + 0.5);
  const auto& changes = estimate(r, "component.edge.change_failures");
  EXPECT_LE(changes.ci_low(), expected + 0.5) << changes.mean();   // +-0.5: the phase-boundary cycle
  EXPECT_GE(changes.ci_high(), expected - 0.5) << changes.mean();
  // And not the untripled count (0.01/h throughout, ~100): the programme multiplier works.
  EXPECT_GT(changes.ci_low(), 150.0);
}

}  // namespace
}  // namespace desksim::models
