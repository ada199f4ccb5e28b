// The shipped baseline with its resolver network: conservation across the network, identities
// between counters emitted at the same instants (the reassignment histogram covers every final
// resolution; every hand-off out of one supplier is a hand-off into the other; every end-to-end
// breach is attributed to exactly one place; an OLA escalation was chased first), utilisation of
// every group in [0, 1] by hour of week with the roster on duty, and credits adding up by month.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "tests/models/resolver_test_support.hpp"

namespace desksim {
namespace {

double counter_or_zero(const results::ReplicationResult& rep, const std::string& name) {
  for (const auto& c : rep.counters())
    if (c.name() == name) return static_cast<double>(c.value());
  return 0.0;
}

TEST(ResolverBaseline, ConservationIdentitiesUtilisationAndCredits) {
  const auto s = testing::load("scenarios/met/run-and-maintain.textproto");
  ASSERT_TRUE(s.has_resolver_network());
  const auto started = std::chrono::steady_clock::now();
  const auto r = testing::run(s, 2);
  std::cout << "baseline with resolver network: 2 replications of " << s.run().horizon_hours() << " h in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s wall\n";
  ASSERT_EQ(r.replications_size(), 2);
  const auto& net = s.resolver_network();
  for (const auto& rep : r.replications()) {
    testing::expect_resolver_conservation(rep);
    // Reassignment histogram: one entry per final resolution in the measured window.
    double histogram = 0;
    for (const char* b : {"0", "1", "2", "3plus"}) histogram += counter_or_zero(rep, std::string("tickets.reassignments_") + b);
    EXPECT_EQ(histogram, counter_or_zero(rep, "tickets.resolved"));
    EXPECT_GT(counter_or_zero(rep, "tickets.reassignments_1"), 0.0);
    // Two suppliers: out of one = into the other (same instants, same window).
    EXPECT_EQ(counter_or_zero(rep, "supplier.infrastructure.handoffs_out"), counter_or_zero(rep, "supplier.applications.handoffs_in"));
    EXPECT_EQ(counter_or_zero(rep, "supplier.applications.handoffs_out"), counter_or_zero(rep, "supplier.infrastructure.handoffs_in"));
    EXPECT_GT(counter_or_zero(rep, "supplier.applications.handoffs_out"), 0.0);  // cross-tower escalations to hosting
    // Every end-to-end resolution breach is attributed to one place.
    double caused = counter_or_zero(rep, "breach.caused_by.desk") + counter_or_zero(rep, "breach.caused_by.handoff");
    for (const auto& sup : net.suppliers())
      caused += counter_or_zero(rep, "breach.caused_by." + sup.name() + ".queue") +
                counter_or_zero(rep, "breach.caused_by." + sup.name() + ".work") +
                counter_or_zero(rep, "breach.caused_by." + sup.name() + ".waiting");
    EXPECT_EQ(caused, counter_or_zero(rep, "sla.resolution_breaches"));
    // The OLA check at the target comes after the chase at 75% of it: every escalated visit was chased.
    EXPECT_LE(testing::counter(rep, "supplier.applications.ola_escalations_total"),
              testing::counter(rep, "supplier.applications.chases_total"));
    EXPECT_GT(testing::counter(rep, "supplier.applications.ola_escalations_total"), 0u);
    EXPECT_EQ(testing::counter(rep, "supplier.infrastructure.chases_total"), 0u);  // the integrator is not watched
    // Utilisation and rosters.
    for (const auto& g : net.groups()) {
      const auto* u = testing::profile(rep, "group." + g.name() + ".utilisation_by_hour_of_week");
      const auto* duty = testing::profile(rep, "group." + g.name() + ".on_duty_by_hour_of_week");
      ASSERT_NE(u, nullptr);
      ASSERT_NE(duty, nullptr);
      for (int h = 0; h < 168; ++h) {
        EXPECT_GE(u->values(h), 0.0) << g.name();
        EXPECT_LE(u->values(h), 1.0) << g.name();
        const double rostered = 0.5 * (g.roster_servers_per_half_hour(2 * h) + g.roster_servers_per_half_hour(2 * h + 1));
        EXPECT_GE(duty->values(h), rostered - 1e-9) << g.name() << " hour " << h;  // + OLA extra capacity, overruns
      }
    }
    // Credits: the scalar is the sum of the monthly series.
    for (const auto& sup : net.suppliers()) {
      double total = 0, scalar = -1;
      for (const auto& series : rep.series())
        if (series.name() == "supplier." + sup.name() + ".credit_pounds_per_month")
          for (double v : series.values()) total += v;
      for (const auto& x : rep.scalars())
        if (x.name() == "supplier." + sup.name() + ".credit_pounds") scalar = x.value();
      EXPECT_NEAR(scalar, total, 1e-6 * (1 + total)) << sup.name();
    }
  }
}

}  // namespace
}  // namespace desksim
