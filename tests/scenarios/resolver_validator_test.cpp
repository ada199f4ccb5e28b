// Validation of Scenario.resolver_network: the shipped scenarios pass, and each kind of
// mistake is reported with the exact field path.
#include <gtest/gtest.h>

#include <algorithm>

#include "models/scenario/scenario_loader.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/scenarios/validator_test_support.hpp"

namespace desksim {
namespace {

using testing::has_error;
using testing::load_ok;

int group_index(const scenario::Scenario& s, const std::string& name) {
  for (int i = 0; i < s.resolver_network().groups_size(); ++i)
    if (s.resolver_network().groups(i).name() == name) return i;
  ADD_FAILURE() << "no group " << name;
  return 0;
}

TEST(ResolverValidator, ShippedScenariosAreValid) {
  for (const char* f : {"scenarios/met/run-and-maintain.textproto", "scenarios/validation/jackson-network-11-11.textproto",
                        "scenarios/validation/ola-chase-ample-servers.textproto"}) {
    const auto s = load_ok(f);
    EXPECT_TRUE(s.has_resolver_network()) << f;
  }
}

TEST(ResolverValidator, ReportsEachMistakeWithItsFieldPath) {
  const auto base = load_ok("scenarios/met/run-and-maintain.textproto");
  auto s = base;
  ASSERT_FALSE(has_error(s, "resolver_network"));
  const int apps = group_index(base, "apps-crime-and-intelligence");
  const int eus = group_index(base, "eus-deskside");
  const std::string ga = "resolver_network.groups[" + std::to_string(apps) + "]";
  const std::string ge = "resolver_network.groups[" + std::to_string(eus) + "]";
  auto* net = s.mutable_resolver_network();

  // Unknown references.
  net->mutable_groups(apps)->set_supplier("nobody");
  EXPECT_TRUE(has_error(s, ga + ".supplier"));
  s = base;
  s.mutable_resolver_network()->mutable_routes(0)->mutable_groups(0)->set_group("nowhere");
  EXPECT_TRUE(has_error(s, "resolver_network.routes[0].groups[0].group"));
  s = base;
  s.mutable_resolver_network()->mutable_routes(1)->set_category("astrology");
  EXPECT_TRUE(has_error(s, "resolver_network.routes[1].category"));
  EXPECT_TRUE(has_error(s, "resolver_network.routes"));  // the real category is now unrouted
  s = base;
  s.mutable_resolver_network()->mutable_groups(apps)->mutable_escalation_targets(0)->set_group("eus-deskside");
  EXPECT_TRUE(has_error(s, ga + ".escalation_targets[0].group"));  // not a level-3 group
  s = base;
  s.mutable_resolver_network()->mutable_groups(eus)->add_work_overrides()->set_category("astrology");
  EXPECT_TRUE(has_error(s, ge + ".work_overrides[1].category"));
  EXPECT_TRUE(has_error(s, ge + ".work_overrides[1].work_hours"));
  s = base;
  s.mutable_resolver_network()->mutable_suppliers(1)->set_name("other");
  EXPECT_TRUE(has_error(s, "resolver_network.suppliers[1].name"));  // no SLA for it

  // Probabilities.
  s = base;
  s.mutable_resolver_network()->mutable_groups(apps)->set_reassignment_probability(1.5);
  EXPECT_TRUE(has_error(s, ga + ".reassignment_probability"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(apps)->set_reassignment_probability(0.9);
  EXPECT_TRUE(has_error(s, ga));  // escalation + reassignment + transfers > 1
  s = base;
  s.mutable_resolver_network()->mutable_routes(0)->mutable_groups(0)->set_probability(0.1);
  EXPECT_TRUE(has_error(s, "resolver_network.routes[0].groups"));  // row does not sum to 1
  s = base;
  s.mutable_resolver_network()->mutable_groups(apps)->mutable_escalation_targets(0)->set_probability(-0.2);
  EXPECT_TRUE(has_error(s, ga + ".escalation_targets[0].probability"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(eus)->set_escalation_probability(0.1);
  s.mutable_resolver_network()->mutable_groups(eus)->clear_escalation_targets();
  EXPECT_TRUE(has_error(s, ge + ".escalation_targets"));

  // Capacity, levels, work.
  s = base;
  s.mutable_resolver_network()->mutable_groups(eus)->mutable_roster_servers_per_half_hour()->RemoveLast();
  EXPECT_TRUE(has_error(s, ge + ".roster_servers_per_half_hour"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(eus)->clear_roster_servers_per_half_hour();
  EXPECT_TRUE(has_error(s, ge + ".servers"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(eus)->set_level(scenario::ResolverGroup::LEVEL_UNSPECIFIED);
  EXPECT_TRUE(has_error(s, ge + ".level"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(eus)->mutable_work_hours()->mutable_lognormal()->set_mean(-1);
  EXPECT_TRUE(has_error(s, ge + ".work_hours.lognormal"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(eus)->add_transfers()->set_group("eus-deskside");
  EXPECT_TRUE(has_error(s, ge + ".transfers[0].group"));  // to itself

  // OLA, integrator, contract, hand-off.
  s = base;
  s.mutable_resolver_network()->mutable_groups(apps)->mutable_ola()->set_chase_at_share(1.2);
  EXPECT_TRUE(has_error(s, ga + ".ola.chase_at_share"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(apps)->mutable_ola()->mutable_target_hours()->RemoveLast();
  EXPECT_TRUE(has_error(s, ga + ".ola.target_hours"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(apps)->mutable_ola()->set_calendar("lunar");
  EXPECT_TRUE(has_error(s, ga + ".ola.calendar"));
  s = base;
  s.mutable_resolver_network()->mutable_groups(eus)->mutable_ola()->CopyFrom(base.resolver_network().groups(apps).ola());
  EXPECT_TRUE(has_error(s, ge + ".ola"));  // the integrator does not watch its own groups
  s = base;
  s.mutable_resolver_network()->clear_integrator_supplier();
  EXPECT_TRUE(has_error(s, "resolver_network.integrator_supplier"));
  s = base;
  s.mutable_resolver_network()->mutable_suppliers(0)->mutable_contract()->mutable_bands(0)->set_attainment_below_percent(150);
  EXPECT_TRUE(has_error(s, "resolver_network.suppliers[0].contract.bands[0].attainment_below_percent"));
  s = base;
  s.mutable_resolver_network()->mutable_suppliers(1)->mutable_contract()->set_credit_per_breached_ticket_pounds(-5);
  EXPECT_TRUE(has_error(s, "resolver_network.suppliers[1].contract.credit_per_breached_ticket_pounds"));
  s = base;
  s.mutable_resolver_network()->mutable_suppliers(0)->set_tower(scenario::Supplier::TOWER_UNSPECIFIED);
  EXPECT_TRUE(has_error(s, "resolver_network.suppliers[0].tower"));
  s = base;
  s.mutable_demand()->clear_population();  // the network needs population mode
  EXPECT_TRUE(has_error(s, "resolver_network"));
  s = base;
  s.mutable_resolver_network()->mutable_handoff_delay_hours()->mutable_lognormal()->set_cv(-1);
  EXPECT_TRUE(has_error(s, "resolver_network.handoff_delay_hours.lognormal"));
}

}  // namespace
}  // namespace desksim
