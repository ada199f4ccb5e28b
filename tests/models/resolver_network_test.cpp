// Validation of the resolver network:
//  * an open network of resolver groups reproduces the Jackson network of R `queueing` example 11.11
//    (and analysis::jackson_network) within the run's confidence intervals;
//  * OLA chases and escalations, the applications supplier's own-clock attainment and its credits
//    match values computed by hand for a scenario built for it;
//  * conservation: every ticket that leaves a group or a supplier arrives at exactly one other
//    place, and raised = resolved + abandoned + open.
// Several intervals are checked per run, so each uses a Bonferroni-corrected confidence
// 1 - 0.05 / (number of checks): the family of checks keeps a 5% false-alarm rate.
#include <gtest/gtest.h>

#include <string>

#include "analysis/analytic/jackson_network.hpp"
#include "tests/models/resolver_test_support.hpp"

namespace desksim {
namespace {

double measured_hours(const scenario::Scenario& s) { return s.run().horizon_hours() - s.run().warmup_hours(); }

TEST(ResolverNetwork, ReproducesJacksonNetworkExample1111) {
  const auto s = testing::load("scenarios/validation/jackson-network-11-11.textproto");
  Eigen::VectorXd gamma(4), mu(4);
  gamma << 8, 0, 6, 0;
  mu << 14, 9, 17, 7;
  Eigen::MatrixXd routing = Eigen::MatrixXd::Zero(4, 4);
  routing(0, 1) = 0.2;
  routing(0, 2) = 0.56;
  routing(0, 3) = 0.24;
  routing(1, 0) = 1.0;
  analysis::JacksonResult jackson;
  std::string error;
  ASSERT_TRUE(analysis::jackson_network(gamma, mu, {1, 1, 1, 1}, routing, &jackson, &error)) << error;
  // The published values (domain.md) agree with the analytic module.
  const double lambda[4] = {10, 2, 11.6, 2.4};
  const double w[4] = {0.25, 0.1429, 0.1852, 0.2174};
  for (int k = 0; k < 4; ++k) {
    EXPECT_NEAR(jackson.lambda(k), lambda[k], 1e-9);
    EXPECT_NEAR(jackson.mean_sojourn(k), w[k], 5e-5);
  }
  EXPECT_NEAR(jackson.network_sojourn, 0.3897, 5e-5);

  auto r = testing::run(s, s.run().replications());
  const int checks = 10;  // 4 x W, 4 x lambda, network sojourn
  analysis::add_estimates(&r, 1.0 - 0.05 / checks);
  const double hours = measured_hours(s);
  for (int k = 0; k < 4; ++k) {
    const std::string g = "group.station-" + std::to_string(k + 1);
    testing::expect_in_ci(r, g + ".sojourn_hours.mean", jackson.mean_sojourn(k));
    testing::expect_in_ci(r, g + ".visits", jackson.lambda(k) * hours);
    const auto e = testing::metric(r, g + ".sojourn_hours.mean");
    std::cout << g << ": W sim " << e.mean() << " [" << e.ci_low() << ", " << e.ci_high() << "] analytic "
              << jackson.mean_sojourn(k) << "; lambda sim " << testing::metric(r, g + ".visits").mean() / hours
              << " analytic " << jackson.lambda(k) << "\n";
  }
  testing::expect_in_ci(r, "tickets.network_hours.mean", jackson.network_sojourn);
  const auto t = testing::metric(r, "tickets.network_hours.mean");
  std::cout << "network sojourn sim " << t.mean() << " [" << t.ci_low() << ", " << t.ci_high() << "] analytic "
            << jackson.network_sojourn << "\n";
  for (const auto& rep : r.replications()) {
    testing::expect_resolver_conservation(rep);
    EXPECT_EQ(testing::counter(rep, "resolver.handoffs_sent_total"), 0u);  // one supplier: no hand-offs
  }
}

TEST(ResolverNetwork, OlaChasesEscalationsAttainmentAndCreditsMatchHandCalculation) {
  const auto s = testing::load("scenarios/validation/ola-chase-ample-servers.textproto");
  auto r = testing::run(s, s.run().replications());
  const int checks = 6;
  analysis::add_estimates(&r, 1.0 - 0.05 / checks);
  const double hours = measured_hours(s);
  const double rate = 5.0;  // tickets per hour, all handed to the applications group
  // Work 0.5 / 1.5 / 3 h w.p. 0.3 / 0.3 / 0.4, no queue: chased iff work > 1 h, escalated iff work > 2 h.
  testing::expect_in_ci(r, "group.apps.chases", 0.7 * rate * hours);
  testing::expect_in_ci(r, "group.apps.ola_escalations", 0.4 * rate * hours);
  // The applications supplier's own clock: its group's time only (not the desk, not the hand-off).
  testing::expect_in_ci(r, "supplier.applications.resolution_attainment.mean", 0.6);
  testing::expect_in_ci(r, "supplier.applications.resolution_hours.mean", 1.8);
  // Credits: 10 x breaches + 10% of 1000 (attainment 60% < 95%) per calendar month; the run covers
  // January and February 2024 (744 and 696 h) whole, 720 h a month on average.
  const double month_hours = (744.0 + 696.0) / 2;
  testing::expect_in_ci(r, "supplier.applications.credit_pounds_per_month", 100.0 + 10.0 * 0.4 * rate * month_hours);
  // Chases and escalations are the integrator's: counted on the applications supplier, equal per group.
  testing::expect_in_ci(r, "supplier.applications.handoffs_in", rate * hours);
  // The hand-off is a fixed 0.25 h, and counts for neither supplier's clock.
  EXPECT_NEAR(testing::metric(r, "resolver.handoff_hours.mean").mean(), 0.25, 1e-9);
  EXPECT_NEAR(testing::metric(r, "supplier.applications.time_held_hours.mean").mean(),
              testing::metric(r, "supplier.applications.resolution_hours.mean").mean(), 1e-9);  // 24x7, no pause
  for (const auto& rep : r.replications()) {
    testing::expect_resolver_conservation(rep);
    EXPECT_EQ(testing::counter(rep, "supplier.infrastructure.chases_total"), 0u);
    // Every ticket crosses exactly once, desk -> applications.
    EXPECT_EQ(testing::counter(rep, "handoffs.infrastructure.to.applications_total"),
              testing::counter(rep, "resolver.accepted_total"));
    EXPECT_EQ(testing::counter(rep, "handoffs.applications.to.infrastructure_total"), 0u);
  }
  std::cout << "chases " << testing::metric(r, "group.apps.chases").mean() << " (hand: " << 0.7 * rate * hours
            << "), escalations " << testing::metric(r, "group.apps.ola_escalations").mean() << " (hand: " << 0.4 * rate * hours
            << "), credit/month " << testing::metric(r, "supplier.applications.credit_pounds_per_month").mean()
            << " (hand: " << 100.0 + 10.0 * 0.4 * rate * month_hours << ")\n";
}

}  // namespace
}  // namespace desksim

namespace desksim {
namespace {

scenario::GroupShare share(const std::string& group, double p) {
  scenario::GroupShare s;
  s.set_group(group);
  s.set_probability(p);
  return s;
}

// Escalation, misroute and the cross-tower hand-off, by the traffic equations worked by hand.
// 5 tickets/h leave the desk; routing apps-a 0.75, apps-b 0.25. After a visit to apps-a:
// escalation 0.3 (to apps-l3 or hosting, 0.5 each), misroute 0.2 (to the only other routed group,
// apps-b), else resolved. Every other group resolves. Ample resolvers everywhere. So, per hour:
//   apps-a 3.75; apps-b 1.25 + 0.2 x 3.75 = 2.0; apps-l3 = hosting = 0.5 x 0.3 x 3.75 = 0.5625;
//   hand-offs applications -> infrastructure 0.5625 (to hosting), infrastructure -> applications 5;
//   reassignments (every change of group) per ticket: 0 w.p. 0.25 + 0.75 x 0.5 = 0.625, 1 w.p. 0.375,
//   never 2 or more; from applications groups 3.75 x (0.3 + 0.2) = 1.875 per hour, of which the
//   misroutes are 3.75 x 0.2 = 0.75.
TEST(ResolverNetwork, EscalationMisrouteAndHandoffFollowTheTrafficEquations) {
  auto s = testing::load("scenarios/validation/ola-chase-ample-servers.textproto");
  auto* net = s.mutable_resolver_network();
  net->clear_integrator_supplier();
  auto* a = net->mutable_groups(0);
  a->clear_ola();
  a->set_name("apps-a");
  a->set_escalation_probability(0.3);
  *a->add_escalation_targets() = share("apps-l3", 0.5);
  *a->add_escalation_targets() = share("hosting", 0.5);
  a->set_reassignment_probability(0.2);
  auto* b = net->add_groups();
  b->CopyFrom(*a);
  b->set_name("apps-b");
  b->set_escalation_probability(0);
  b->clear_escalation_targets();
  b->set_reassignment_probability(0);
  auto* l3 = net->add_groups();
  l3->CopyFrom(*b);
  l3->set_name("apps-l3");
  l3->set_level(scenario::ResolverGroup::LEVEL_3);
  auto* hosting = net->add_groups();
  hosting->CopyFrom(*l3);
  hosting->set_name("hosting");
  hosting->set_supplier("infrastructure");
  auto* route = net->mutable_routes(0);
  route->clear_groups();
  *route->add_groups() = share("apps-a", 0.75);
  *route->add_groups() = share("apps-b", 0.25);
  s.mutable_run()->set_horizon_hours(2010);

  auto r = testing::run(s, 6);
  const int checks = 10;
  analysis::add_estimates(&r, 1.0 - 0.05 / checks);
  const double hours = measured_hours(s);
  testing::expect_in_ci(r, "group.apps-a.visits", 3.75 * hours);
  testing::expect_in_ci(r, "group.apps-b.visits", 2.0 * hours);
  testing::expect_in_ci(r, "group.apps-l3.visits", 0.5625 * hours);
  testing::expect_in_ci(r, "group.hosting.visits", 0.5625 * hours);
  testing::expect_in_ci(r, "supplier.applications.handoffs_out", 0.5625 * hours);
  testing::expect_in_ci(r, "supplier.applications.escalations_l3", 1.125 * hours);
  testing::expect_in_ci(r, "supplier.applications.reassignments", 1.875 * hours);
  testing::expect_in_ci(r, "supplier.applications.misroutes", 0.75 * hours);
  testing::expect_in_ci(r, "tickets.reassignments_0", 0.625 * 5.0 * hours);
  testing::expect_in_ci(r, "tickets.reassignments_1", 0.375 * 5.0 * hours);
  for (const auto& rep : r.replications()) {
    testing::expect_resolver_conservation(rep);
    EXPECT_EQ(testing::counter(rep, "tickets.reassignments_2"), 0u);
    EXPECT_EQ(testing::counter(rep, "tickets.reassignments_3plus"), 0u);
  }
}

}  // namespace
}  // namespace desksim
