// Validation of ResolverGroup.tickets_in_hand (scenarios/validation/tickets-in-hand-mmc.textproto):
//  * 2 people with 5 tickets in hand are 10 places: the time with the group is M/M/10's (Erlang C),
//    within the run's confidence interval;
//  * the places are servers: the same scenario with 10 people and one ticket each has the very same
//    trajectory (the same sojourn, bit for bit), and its busy level is 5 times as large;
//  * people, not places, are rostered, busy and paid for (staff hours = 2 per hour);
//  * the optimiser's offered load is in people, and its Erlang C first guess counts places;
//  * validation refuses more places than the engine keeps.
// A repair by an engineer of such a group takes a whole person: tests/models/repair_crews_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "analysis/analytic/erlang_c.hpp"
#include "models/optimise/analytic_staffing.hpp"
#include "models/optimise/station_loads.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/models/resolver_test_support.hpp"

namespace desksim {
namespace {

constexpr const char* kScenario = "scenarios/validation/tickets-in-hand-mmc.textproto";

double measured_hours(const scenario::Scenario& s) { return s.run().horizon_hours() - s.run().warmup_hours(); }

TEST(TicketsInHand, PeopleWithSeveralTicketsAreThePlacesOfAnMMcQueue) {
  const auto s = testing::load(kScenario);
  const auto& group = s.resolver_network().groups(0);
  const int places = static_cast<int>(group.servers() * group.tickets_in_hand());
  ASSERT_EQ(places, 10);
  analysis::ErlangCResult mmc{};
  std::string error;
  ASSERT_TRUE(analysis::erlang_c(9.0, 1.0, places, &mmc, &error)) << error;
  EXPECT_NEAR(mmc.mean_sojourn, 1.6687, 5e-5);  // the value the scenario's comment derives

  auto r = testing::run(s, s.run().replications());
  const int checks = 2;  // sojourn and busy people
  analysis::add_estimates(&r, 1.0 - 0.05 / checks);
  testing::expect_in_ci(r, "group.holders.sojourn_hours.mean", mmc.mean_sojourn);
  // Busy people = busy places / 5 = A / 5.
  testing::expect_in_ci(r, "group.holders.busy.mean", 9.0 / group.tickets_in_hand());
  for (const auto& rep : r.replications()) {
    EXPECT_EQ(testing::time_average(rep, "group.holders.on_duty"), 2.0);
    EXPECT_EQ(testing::time_average(rep, "group.holders.rostered"), 2.0);
    EXPECT_NEAR(testing::scalar(rep, "group.holders.staff_hours"), 2.0 * measured_hours(s), 1e-6);
    testing::expect_resolver_conservation(rep);
  }
}

TEST(TicketsInHand, PlacesBehaveAsOnePersonPerTicket) {
  const auto held = testing::load(kScenario);
  auto single = held;
  auto* group = single.mutable_resolver_network()->mutable_groups(0);
  group->set_servers(group->servers() * group->tickets_in_hand());
  group->clear_tickets_in_hand();
  const auto a = testing::run(held, 2);
  const auto b = testing::run(single, 2);
  for (int i = 0; i < 2; ++i) {
    const auto& x = a.replications(i);
    const auto& y = b.replications(i);
    EXPECT_EQ(testing::tally_mean(x, "group.holders.sojourn_hours"), testing::tally_mean(y, "group.holders.sojourn_hours"));
    EXPECT_EQ(testing::counter(x, "group.holders.visits"), testing::counter(y, "group.holders.visits"));
    EXPECT_NEAR(5.0 * testing::time_average(x, "group.holders.busy"), testing::time_average(y, "group.holders.busy"), 1e-9);
    EXPECT_NEAR(5.0 * testing::scalar(x, "group.holders.staff_hours"), testing::scalar(y, "group.holders.staff_hours"), 1e-6);
  }
}

TEST(TicketsInHand, OptimiserLoadIsInPeopleAndErlangCCountsPlaces) {
  const auto s = testing::load(kScenario);
  const auto loads = models::station_loads(s);
  ASSERT_EQ(loads.size(), 2u);
  const auto& group = loads[1];
  EXPECT_EQ(group.places_per_server, 5u);
  EXPECT_NEAR(group.offered_load(0), 9.0 / 5.0, 1e-9);  // 9 per hour x 1 h in hand / 5 places per person

  models::StationPlan plan;
  plan.name = "holders";
  models::StaffingTarget target;
  target.metric = "supplier.operator.resolution_attainment.P3";
  target.station_supplier = "operator";
  target.priority = 3;
  target.level = 0.9;
  const auto need = models::analytic_requirement(s, group, plan, {target});
  // The queue may use the 24 h target less the 1 h in hand; Erlang C counts places, a person is 5.
  const int places = analysis::erlang_c_agents_for_service_level(9.0, 1.0, 23.0, 0.9);
  ASSERT_GT(places, 9);
  for (auto n : need) EXPECT_EQ(n, static_cast<std::uint32_t>((places + 4) / 5));
}

std::vector<std::string> errors(const scenario::Scenario& s) {
  std::vector<models::Diagnostic> d;
  models::validate_scenario(s, &d);
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(x.field_path + ": " + x.message);
  return out;
}

TEST(TicketsInHand, ValidationNamesEachLimit) {
  auto s = testing::load(kScenario);
  EXPECT_TRUE(errors(s).empty());
  s.mutable_resolver_network()->mutable_groups(0)->set_tickets_in_hand(1001);
  EXPECT_EQ(errors(s), (std::vector<std::string>{
                           "resolver_network.groups[0].tickets_in_hand: must be 0 (unset: 1) or 1..1000 (got 1001)"}));
  s = testing::load(kScenario);
  s.mutable_resolver_network()->mutable_groups(0)->set_servers(200);
  s.mutable_resolver_network()->mutable_groups(0)->set_tickets_in_hand(1000);
  EXPECT_EQ(errors(s), (std::vector<std::string>{"resolver_network.groups[0].tickets_in_hand: must be at most 100000 "
                                                 "places (people at the peak x tickets in hand) (got 200000)"}));
}

}  // namespace
}  // namespace desksim
