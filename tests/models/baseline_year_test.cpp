// The shipped baseline runs a simulated year, as shipped (its five replications): conservation
// (raised = resolved + abandoned + open, with "open" counted from the ticket records, not from the
// running counter), every attainment, share and utilisation in [0, 1], the backlog series ending at
// the open count, the roster actor putting the configured number of agents on duty in every hour of
// the week, and the users' incident volume inside the run's confidence interval.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "analysis/statistics/replication_statistics.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

TEST(BaselineYear, ConservationSharesAndRoster) {
  const auto s = testing::load("scenarios/met/run-and-maintain.textproto");
  ASSERT_GE(s.run().horizon_hours() - s.run().warmup_hours(), 8736.0);  // a measured year
  const auto started = std::chrono::steady_clock::now();
  const unsigned replications = s.run().replications();
  ASSERT_GE(replications, 5u);  // enough for a Student-t interval a few percent wide
  const auto r = testing::run(s, replications);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "baseline: " << replications << " replications of " << s.run().horizon_hours() << " h in " << seconds
            << " s wall\n";
  ASSERT_EQ(r.replications_size(), static_cast<int>(replications));
  for (const auto& rep : r.replications()) {
    const auto raised = testing::counter(rep, "tickets.raised_total");
    const auto resolved = testing::counter(rep, "tickets.resolved_total");
    const auto abandoned = testing::counter(rep, "tickets.abandoned_total");
    const auto open = testing::counter(rep, "tickets.open_at_end");
    EXPECT_EQ(raised, resolved + abandoned + open);
    EXPECT_GT(raised, 250000u);  // ~26,400 a month
    EXPECT_EQ(testing::counter(rep, "users"), 44000u);
    const auto* backlog = testing::series(rep, "tickets.backlog_end_of_day");
    ASSERT_NE(backlog, nullptr);
    EXPECT_EQ(backlog->values(backlog->values_size() - 1), static_cast<double>(open));
    for (const auto& t : rep.tallies()) {
      const bool share = t.name().rfind("sla.", 0) == 0 || t.name().rfind("desk.abandon", 0) == 0 ||
                         t.name().rfind("desk.fcr", 0) == 0 || t.name() == "desk.delayed";
      if (!share || t.count() == 0) continue;
      EXPECT_GE(t.mean(), 0.0) << t.name();
      EXPECT_LE(t.mean(), 1.0) << t.name();
    }
    for (const auto& a : rep.time_averages())
      if (a.name() == "desk.utilisation") {
        EXPECT_GT(a.mean(), 0.0);
        EXPECT_LE(a.mean(), 1.0);
      }
    const auto* utilisation = testing::profile(rep, "desk.utilisation_by_hour_of_week");
    const auto* on_duty = testing::profile(rep, "desk.agents_on_duty_by_hour_of_week");
    ASSERT_NE(utilisation, nullptr);
    ASSERT_NE(on_duty, nullptr);
    ASSERT_EQ(utilisation->values_size(), 168);
    for (int h = 0; h < 168; ++h) {
      EXPECT_GE(utilisation->values(h), 0.0);
      EXPECT_LE(utilisation->values(h), 1.0);
      // Agents on duty: the roster's two half-hours, averaged; an agent whose shift ends finishes
      // the ticket in hand first, so the average may exceed the roster a little, never fall below.
      const double rostered = 0.5 * (s.desk().roster_agents_per_half_hour(2 * h) + s.desk().roster_agents_per_half_hour(2 * h + 1));
      EXPECT_GE(on_duty->values(h), rostered - 1e-9) << "hour of week " << h;
      EXPECT_LE(on_duty->values(h), rostered + 0.5) << "hour of week " << h;
    }
  }
  // The users' incidents measured (tickets raised minus those raised by outage storms) against their
  // exact expectation: sum of users x incidents per user per month / 730.5 h over the measured
  // hours. That is exact because the measured window is whole weeks (the hour-of-week profile is
  // normalised to mean 1 over a week) and the day factor has mean 1. It must lie inside the 95%
  // Student-t interval of the replications' counts.
  const double measured_hours = s.run().horizon_hours() - s.run().warmup_hours();
  ASSERT_EQ(std::fmod(measured_hours, 168.0), 0.0);
  double per_hour = 0;
  for (const auto& seg : s.demand().population().segments()) per_hour += seg.users() * seg.incidents_per_user_per_month() / 730.5;
  const double expected = per_hour * measured_hours;
  std::vector<double> user_incidents;
  for (const auto& rep : r.replications())
    user_incidents.push_back(static_cast<double>(testing::counter(rep, "tickets.raised")) -
                             static_cast<double>(testing::counter(rep, "storm.tickets")));
  const auto ci = analysis::estimate_mean(user_incidents, 0.95);
  std::cout << "user incidents: expected " << expected << ", measured " << ci.mean << " [" << ci.low << ", " << ci.high
            << "] (95%, " << ci.n << " replications)\n";
  EXPECT_GE(expected, ci.low);
  EXPECT_LE(expected, ci.high);
}

}  // namespace
}  // namespace desksim
