// Validation of the resolver network (issue 4):
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
  const int checks = 9;  // 4 x W, 4 x lambda, network sojourn
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
  // Credits: 10 x breaches + 10% of 1000 (attainment 60% < 95%) per 730.5-h month.
  testing::expect_in_ci(r, "supplier.applications.credit_pounds_per_month", 100.0 + 10.0 * 0.4 * rate * 730.5);
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
            << " (hand: " << 100.0 + 10.0 * 0.4 * rate * 730.5 << ")\n";
}

}  // namespace
}  // namespace desksim
