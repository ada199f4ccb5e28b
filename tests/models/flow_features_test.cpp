// What shapes a ticket's path beyond the basic routing, each against a hand calculation, with ample
// servers so that nothing queues: drawn reassignment counts, later-visit work, cancellation, and a
// category's priority mix. Shares are checked per replication against a Student-t interval over the
// replications (95%, Bonferroni-split over each test's checks).
#include <cmath>
#include <numeric>
#include <vector>

#include <boost/math/distributions/students_t.hpp>
#include <gtest/gtest.h>

#include "tests/models/resolver_test_support.hpp"

namespace desksim::models {
namespace {

/// EXPECT that `truth` lies in the t-interval of the mean of `samples` at `confidence`.
void expect_mean_in_ci(const std::vector<double>& samples, double truth, double confidence, const std::string& what) {
  const double n = static_cast<double>(samples.size());
  const double mean = std::accumulate(samples.begin(), samples.end(), 0.0) / n;
  double ss = 0;
  for (double x : samples) ss += (x - mean) * (x - mean);
  const double se = std::sqrt(ss / (n - 1) / n);
  const double t = boost::math::quantile(boost::math::students_t(n - 1), 0.5 + confidence / 2);
  EXPECT_LE(std::abs(mean - truth), t * se) << what << ": mean " << mean << " +- " << t * se << " vs " << truth;
}

double counter_or_zero(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& c : r.counters())
    if (c.name() == name) return static_cast<double>(c.value());
  return 0.0;
}

/// The OLA validation scenario without its OLA and hand-off delay: 5 tickets an hour, all P4, none
/// resolved at first contact, one applications group "apps" with 50 resolvers.
scenario::Scenario ample() {
  auto s = testing::load("scenarios/validation/ola-chase-ample-servers.textproto");
  auto* net = s.mutable_resolver_network();
  net->clear_integrator_supplier();
  net->clear_handoff_delay_hours();
  auto* g = net->mutable_groups(0);
  g->clear_ola();
  g->mutable_work_hours()->Clear();
  g->mutable_work_hours()->mutable_deterministic()->set_value(1.0);
  return s;
}

// Two groups a and b (route 0.5 / 0.5); a ticket is misrouted 0, 1 or 2 times with probabilities
// 0.5, 0.3, 0.2 and then kept. Each visit is 1 h, so the time in the network is 1 + k hours:
// mean 1 + 0.3 + 0.4 = 1.7 h.
TEST(FlowFeatures, DrawnReassignmentCountsGiveTheirDistribution) {
  auto s = ample();
  auto* net = s.mutable_resolver_network();
  net->mutable_groups(0)->set_name("a");
  auto* b = net->add_groups();
  b->CopyFrom(net->groups(0));
  b->set_name("b");
  auto* route = net->mutable_routes(0);
  route->clear_groups();
  auto* ga = route->add_groups();
  ga->set_group("a");
  ga->set_probability(0.5);
  auto* gb = route->add_groups();
  gb->set_group("b");
  gb->set_probability(0.5);
  for (double p : {0.5, 0.3, 0.2}) route->add_reassignment_count_probabilities(p);
  auto r = testing::run(s, 6);
  const double confidence = 1 - 0.05 / 4;
  std::vector<double> k0, k1, k2;
  for (const auto& rep : r.replications()) {
    const double resolved = counter_or_zero(rep, "tickets.resolved");
    k0.push_back(counter_or_zero(rep, "tickets.reassignments_0") / resolved);
    k1.push_back(counter_or_zero(rep, "tickets.reassignments_1") / resolved);
    k2.push_back(counter_or_zero(rep, "tickets.reassignments_2") / resolved);
    EXPECT_EQ(counter_or_zero(rep, "tickets.reassignments_3plus"), 0.0);
    // Every reassignment here is a misroute.
    EXPECT_EQ(counter_or_zero(rep, "supplier.applications.reassignments"),
              counter_or_zero(rep, "supplier.applications.misroutes"));
    testing::expect_resolver_conservation(rep);
  }
  expect_mean_in_ci(k0, 0.5, confidence, "share with 0 reassignments");
  expect_mean_in_ci(k1, 0.3, confidence, "share with 1");
  expect_mean_in_ci(k2, 0.2, confidence, "share with 2");
  analysis::add_estimates(&r, confidence);
  testing::expect_in_ci(r, "tickets.network_hours.mean", 1.7);
}

// Group a (first visit 1 h, later visits 3 h) transfers to b (0.5 h) with probability 0.5, and b
// always sends the ticket back to a. The number of later visits to a is geometric with mean 1, so
// the time in the network is 1 + 1 x (0.5 + 3) = 4.5 h on average.
TEST(FlowFeatures, LaterVisitsToAGroupTakeTheirOwnWork) {
  auto s = ample();
  auto* net = s.mutable_resolver_network();
  auto* a = net->mutable_groups(0);
  a->mutable_later_visit_work_hours()->mutable_deterministic()->set_value(3.0);
  auto* t = a->add_transfers();
  t->set_group("b");
  t->set_probability(0.5);
  auto* b = net->add_groups();
  b->set_name("b");
  b->set_supplier("applications");
  b->set_level(scenario::ResolverGroup::LEVEL_2);
  b->set_servers(50);
  b->mutable_work_hours()->mutable_deterministic()->set_value(0.5);
  auto* back = b->add_transfers();
  back->set_group("apps");
  back->set_probability(1.0);
  auto r = testing::run(s, 6);
  analysis::add_estimates(&r, 1 - 0.05 / 2);
  testing::expect_in_ci(r, "tickets.network_hours.mean", 4.5);
  const double visits_b = testing::metric(r, "group.b.visits").mean();
  testing::expect_in_ci(r, "group.apps.visits", 2.0 * visits_b);  // first visits = second-and-later visits on average
}

// 40% of tickets are to be cancelled 2 h after they were raised. A ticket is resolved 0.1 h (desk)
// + work after it is raised: with 3 h of work, every one of them is still in service at 2 h and is
// cancelled when that work ends (share 0.4); with 1 h of work none is (resolved first).
TEST(FlowFeatures, CancellationHappensOnlyToTicketsStillOpenAtItsTime) {
  auto s = ample();
  auto* cat = s.mutable_demand()->mutable_categories(0);
  cat->set_cancel_probability(0.4);
  cat->mutable_cancel_after_hours()->mutable_deterministic()->set_value(2.0);
  auto slow = s;
  slow.mutable_resolver_network()->mutable_groups(0)->mutable_work_hours()->mutable_deterministic()->set_value(3.0);
  const auto r = testing::run(slow, 6);
  std::vector<double> share;
  for (const auto& rep : r.replications()) {
    share.push_back(counter_or_zero(rep, "tickets.cancelled_total") / counter_or_zero(rep, "tickets.raised_total"));
    EXPECT_EQ(counter_or_zero(rep, "tickets.raised_total"),
              counter_or_zero(rep, "tickets.resolved_total") + counter_or_zero(rep, "tickets.cancelled_total") +
                  counter_or_zero(rep, "tickets.abandoned_total") + counter_or_zero(rep, "tickets.open_at_end"));
  }
  expect_mean_in_ci(share, 0.4, 0.95, "cancelled share");
  const auto fast = testing::run(s, 2);
  for (const auto& rep : fast.replications()) EXPECT_EQ(counter_or_zero(rep, "tickets.cancelled_total"), 0.0);
}

// A category's own priority mix replaces impact and urgency.
TEST(FlowFeatures, APriorityMixGivesItsShares) {
  auto s = ample();
  for (double p : {0.1, 0.2, 0.3, 0.4}) s.mutable_demand()->mutable_categories(0)->add_priority_probabilities(p);
  const auto r = testing::run(s, 6);
  const double truth[4] = {0.1, 0.2, 0.3, 0.4};
  for (int p = 1; p <= 4; ++p) {
    std::vector<double> share;
    for (const auto& rep : r.replications()) {
      double n = 0, all = 0;
      for (const auto& t : rep.tallies()) {
        if (t.name() == "tickets.resolve_hours.P" + std::to_string(p)) n = static_cast<double>(t.count());
        if (t.name() == "tickets.resolve_hours") all = static_cast<double>(t.count());
      }
      share.push_back(n / all);
    }
    expect_mean_in_ci(share, truth[p - 1], 1 - 0.05 / 4, "share of P" + std::to_string(p));
  }
}

}  // namespace
}  // namespace desksim::models
