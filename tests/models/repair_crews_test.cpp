// Repair crews that are a resolver group's engineers: repairs take engineers from tickets (the
// group's busy engineers are its ticket load plus the repair work), repairs wait when every
// engineer is busy, and tickets wait longer than with no failures, on common random numbers.
#include <gtest/gtest.h>

#include "analysis/statistics/replication_statistics.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

using testing::counter;
using testing::tally_mean;
using testing::time_average;

const char* kScenario = "scenarios/validation/repair-crews-from-resolver-group.textproto";

TEST(RepairCrewsFromResolverGroup, RepairsAndTicketsShareTheEngineers) {
  const auto shared = testing::load(kScenario);
  auto no_failures = shared;
  no_failures.clear_infrastructure();
  const unsigned n = 8;
  const auto a = testing::run(shared, n), b = testing::run(no_failures, n);
  std::vector<double> ticket_load, repair_wait, wait_with, wait_without;
  for (unsigned r = 0; r < n; ++r) {
    const auto& x = a.replications(static_cast<int>(r));
    const double measured_hours = x.simulated_hours() - x.measured_from_hours();
    // Busy engineers = ticket work + repair work (4 h per failure); the ticket part is analytic:
    // 2 tickets per hour x 0.5 h = 1 Erlang.
    ticket_load.push_back(time_average(x, "group.hosting.busy") - 4.0 * counter(x, "component.database.failures") / measured_hours);
    repair_wait.push_back(tally_mean(x, "component.database.repair_wait_hours"));
    wait_with.push_back(tally_mean(x, "group.hosting.wait_hours"));
    wait_without.push_back(tally_mean(b.replications(static_cast<int>(r)), "group.hosting.wait_hours"));
  }
  const auto load = analysis::estimate_mean(ticket_load, 0.99);
  EXPECT_TRUE(analysis::contains(load, 1.0)) << "ticket load " << load.mean << " [" << load.low << ", " << load.high << "]";
  // Repairs wait for an engineer when both are on tickets (with one independent crew they never would:
  // there is one component).
  const auto waits = analysis::estimate_mean(repair_wait);
  EXPECT_GT(waits.low, 0.0) << "repair wait " << waits.mean;
  // Tickets wait longer while engineers repair.
  const auto increase = analysis::estimate_paired_difference(wait_without, wait_with);
  EXPECT_GT(increase.low, 0.0) << "increase " << increase.mean;
}

// Engineers who hold 3 tickets at once, each for 1.5 h in hand (0.5 h of effort, as above): a repair
// takes a whole engineer whatever tickets they hold, so with two engineers and one component a repair
// never waits, where with one ticket each it does (above); tickets still flow through the other.
// (Busy engineers by hand: tests/models/tickets_in_hand_pool_test.cpp.)
TEST(RepairCrewsFromResolverGroup, ARepairTakesAWholeEngineerWhoHoldsSeveralTickets) {
  auto s = testing::load(kScenario);
  auto* group = s.mutable_resolver_network()->mutable_groups(0);
  group->set_tickets_in_hand(3);
  group->mutable_work_hours()->mutable_exponential()->set_mean(1.5);
  // Failures 5 times as often (every 10 h, 4 h repairs), so that many tickets arrive during repairs.
  s.mutable_infrastructure()->mutable_components(0)->mutable_time_to_failure_hours()->mutable_exponential()->set_mean(10);
  std::vector<models::Diagnostic> d;
  models::validate_scenario(s, &d);
  ASSERT_TRUE(d.empty()) << d.front().field_path << ": " << d.front().message;
  const auto run = testing::run(s, 4);
  for (const auto& x : run.replications()) {
    EXPECT_GT(counter(x, "component.database.failures"), 100u);
    EXPECT_EQ(tally_mean(x, "component.database.repair_wait_hours"), 0.0);
    // During a repair only the other engineer takes tickets; every ticket is accounted for.
    EXPECT_EQ(counter(x, "tickets.raised_total"), counter(x, "tickets.resolved_total") + counter(x, "tickets.open_at_end"));
  }
}

TEST(RepairCrewsFromResolverGroup, AnIndependentCrewNeverMakesASingleComponentWait) {
  auto independent = testing::load(kScenario);
  auto* pool = independent.mutable_infrastructure()->mutable_repair_crews(0);
  pool->clear_resolver_group();
  pool->set_crews(1);
  const auto run = testing::run(independent, 2);
  for (const auto& r : run.replications()) {
    EXPECT_EQ(tally_mean(r, "component.database.repair_wait_hours"), 0.0);
    EXPECT_GT(counter(r, "component.database.failures"), 0.0);
  }
}

TEST(RepairCrewsFromResolverGroup, ValidatorChecksTheGroupAndTheCrewCount) {
  auto s = testing::load(kScenario);
  s.mutable_infrastructure()->mutable_repair_crews(0)->set_resolver_group("nobody");
  s.mutable_infrastructure()->mutable_repair_crews(0)->set_crews(3);
  std::vector<models::Diagnostic> d;
  models::validate_scenario(s, &d);
  std::vector<std::string> lines;
  for (const auto& x : d) lines.push_back(x.field_path + ": " + x.message);
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "infrastructure.repair_crews[0].crews: must be 0 when resolver_group is set: the group's "
                       "roster gives the engineers (got 3)",
                       "infrastructure.repair_crews[0].resolver_group: unknown resolver group \"nobody\"",
                   }));
}

}  // namespace
}  // namespace desksim
