// Waiting states inside a resolver group, against a hand calculation. With ample servers a ticket
// never queues, so its time in the network is its work plus its waits:
//   E[network time] = E[work] + sum_s p_s E[wait_s].
// One group, work 1 h; after the work a visit waits on the user with p = 0.3 for Exp(mean 10 h), or
// on a vendor with p = 0.2 for exactly 5 h. The group's supplier pauses its clock on the user (the
// ITIL default) and not on a vendor, so its own clock counts 1 h + 5 h x 0.2 = 2 h on average, and
// meets a 2 h target exactly when there was no vendor wait (share 0.8). The desk's supplier is set
// NOT to pause on the user: its end-to-end clock counts the 0.1 h desk contact, the work and both
// waits, so an 8 h target is met with probability
//   0.5 + 0.2 + 0.3 P(Exp(10) <= 8 - 1.1) = 0.7 + 0.3 (1 - exp(-0.69)).
// Each check uses the run's CI, Bonferroni-split over the checks.
#include <cmath>

#include <gtest/gtest.h>

#include "tests/models/resolver_test_support.hpp"

namespace desksim::models {
namespace {

scenario::Scenario waiting_scenario() {
  auto s = testing::load("scenarios/validation/ola-chase-ample-servers.textproto");
  auto* net = s.mutable_resolver_network();
  net->clear_integrator_supplier();
  net->clear_handoff_delay_hours();
  net->mutable_suppliers(0)->set_sla_pauses_waiting_on_user(false);  // infrastructure: the desk's supplier
  auto* g = net->mutable_groups(0);
  g->clear_ola();
  g->mutable_work_hours()->Clear();
  g->mutable_work_hours()->mutable_deterministic()->set_value(1.0);
  auto* user = g->add_waiting();
  user->set_state(scenario::WAITING_ON_USER);
  user->set_probability(0.3);
  user->mutable_duration_hours()->mutable_exponential()->set_mean(10.0);
  auto* vendor = g->add_waiting();
  vendor->set_state(scenario::WAITING_ON_VENDOR);
  vendor->set_probability(0.2);
  vendor->mutable_duration_hours()->mutable_deterministic()->set_value(5.0);
  for (auto& sla : *s.mutable_slas())
    for (auto& t : *sla.mutable_targets())
      if (t.priority() == 4) t.set_resolution_hours(sla.supplier() == "applications" ? 2.0 : 8.0);
  return s;
}

TEST(WaitingStates, TimesClocksAndAttainmentMatchTheHandCalculation) {
  const auto s = waiting_scenario();
  auto r = testing::run(s, 6);
  const int checks = 7;
  analysis::add_estimates(&r, 1.0 - 0.05 / checks);
  testing::expect_in_ci(r, "tickets.network_hours.mean", 1.0 + 0.3 * 10.0 + 0.2 * 5.0);
  testing::expect_in_ci(r, "supplier.applications.resolution_hours.mean", 1.0 + 0.2 * 5.0);
  testing::expect_in_ci(r, "supplier.applications.resolution_attainment.mean", 0.8);
  testing::expect_in_ci(r, "sla.resolution_attainment.mean", 0.7 + 0.3 * (1.0 - std::exp(-0.69)));
  testing::expect_in_ci(r, "state.waiting_on_user_hours.mean", 10.0);
  const double visits = testing::metric(r, "group.apps.visits").mean();
  testing::expect_in_ci(r, "group.apps.waits", 0.5 * visits, 0.0);
  testing::expect_in_ci(r, "state.in_service_hours.mean", 0.1 * 0.5 + 1.0 * 0.5);  // desk contacts and group work, one each
  for (const auto& rep : r.replications()) {
    // Deterministic vendor waits: every spell is exactly 5 h.
    EXPECT_NEAR(testing::tally_mean(rep, "state.waiting_on_vendor_hours"), 5.0, 1e-9);
    testing::expect_resolver_conservation(rep);
    // Conservation per state: entered = left + present at the end.
    for (const auto& c : rep.counters()) {
      const std::string& n = c.name();
      if (n.rfind("state.", 0) != 0 || n.find(".entered_total") == std::string::npos) continue;
      const std::string base = n.substr(0, n.size() - std::string(".entered_total").size());
      EXPECT_EQ(c.value(), testing::counter(rep, base + ".left_total") + testing::counter(rep, base + ".at_end")) << base;
    }
  }
}

}  // namespace
}  // namespace desksim::models
