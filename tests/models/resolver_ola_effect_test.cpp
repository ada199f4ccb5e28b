// What chases and OLA escalations do, checked by paired comparisons under common random numbers
// (same seed per replication, so the difference is due to the mechanism): one applications
// resolver (rho 0.8), a P3/P4 mix under priority discipline, OLA target 1 h for every priority.
//  * chasing at 0.5 h moves long-waiting P4 tickets ahead of unchased P3 ones: fewer P4 visits
//    breach the OLA; with a work-conserving reorder and identical work, the mean wait of all
//    tickets is unchanged in expectation (Kleinrock's conservation law), so it is NOT expected to move;
//  * an escalation that adds a resolver for 1 h cuts waits, and the group has more than one
//    resolver on duty on average;
//  * a priority raise on breach lets breached P4 tickets overtake P3 ones: P4 waits fall.
#include <gtest/gtest.h>

#include "analysis/statistics/replication_statistics.hpp"
#include "tests/models/resolver_test_support.hpp"

namespace desksim {
namespace {

scenario::Scenario single_server_mix() {
  auto s = testing::load("scenarios/validation/ola-chase-ample-servers.textproto");
  auto* cat = s.mutable_demand()->mutable_categories(0);
  cat->clear_impact_probabilities();
  cat->clear_urgency_probabilities();
  for (double p : {0.0, 1.0, 0.0}) cat->add_impact_probabilities(p);
  for (double p : {0.0, 0.5, 0.5}) cat->add_urgency_probabilities(p);  // I2U2 -> P3, I2U3 -> P4 (ITIL matrix)
  auto* g = s.mutable_resolver_network()->mutable_groups(0);
  g->set_servers(1);
  g->mutable_work_hours()->Clear();
  g->mutable_work_hours()->mutable_exponential()->set_mean(0.16);  // 5/h x 0.16 h = 0.8
  g->mutable_ola()->clear_target_hours();
  for (int k = 0; k < 4; ++k) g->mutable_ola()->add_target_hours(1.0);
  g->mutable_ola()->set_chase_at_share(0.0);
  s.mutable_run()->set_horizon_hours(2010);  // 10 h warm-up + 2000 h
  return s;
}

std::vector<double> values(const results::RunResult& r, const std::string& name) {
  for (const auto& m : analysis::collect_metric_samples(r))
    if (m.name == name) return m.values;
  ADD_FAILURE() << "no metric " << name;
  return {};
}

/// Paired (b - a) interval of a metric; prints it.
analysis::Estimate paired(const results::RunResult& a, const results::RunResult& b, const std::string& name) {
  const auto va = values(a, name), vb = values(b, name);
  const auto e = analysis::estimate_paired_difference(va, vb, 0.95);
  std::cout << name << ": difference " << e.mean << " [" << e.low << ", " << e.high << "]\n";
  return e;
}

TEST(ResolverOlaEffects, ChaseMovesTicketsUpTheQueue) {
  const auto base = single_server_mix();
  auto chased = base;
  chased.mutable_resolver_network()->mutable_groups(0)->mutable_ola()->set_chase_at_share(0.5);
  const auto a = testing::run(base, 6), b = testing::run(chased, 6);
  EXPECT_EQ(testing::metric(a, "group.apps.chases").mean(), 0.0);
  EXPECT_GT(testing::metric(b, "group.apps.chases").mean(), 0.0);
  const auto breaches = paired(a, b, "supplier.applications.ola_escalations.P4");
  EXPECT_LT(breaches.high, 0.0);  // fewer P4 OLA breaches with chasing
  const auto p4_wait = paired(a, b, "supplier.applications.resolution_hours.P4.p95");
  EXPECT_LT(p4_wait.high, 0.0);   // and a shorter P4 tail
  for (const auto& rep : b.replications()) testing::expect_resolver_conservation(rep);
}

TEST(ResolverOlaEffects, ExtraCapacityAndPriorityRaiseOnBreach) {
  const auto base = single_server_mix();
  auto extra = base;
  auto* ola = extra.mutable_resolver_network()->mutable_groups(0)->mutable_ola();
  ola->mutable_extra_capacity()->set_servers(1);
  ola->mutable_extra_capacity()->set_hours(1.0);
  auto raise = base;
  raise.mutable_resolver_network()->mutable_groups(0)->mutable_ola()->mutable_priority_raise()->set_levels(1);
  const auto a = testing::run(base, 6), b = testing::run(extra, 6), c = testing::run(raise, 6);
  EXPECT_LT(paired(a, b, "group.apps.wait_hours.mean").high, 0.0);
  for (const auto& rep : b.replications()) {
    testing::expect_resolver_conservation(rep);
    for (const auto& t : rep.time_averages()) {
      if (t.name() == "group.apps.on_duty") {
        EXPECT_GT(t.mean(), 1.0);
      }
    }
  }
  for (const auto& rep : a.replications())
    for (const auto& t : rep.time_averages()) {
      if (t.name() == "group.apps.on_duty") {
        EXPECT_EQ(t.mean(), 1.0);
      }
    }
  // A breached P4 ticket is served as P3: P4 resolution times fall, P3 ones rise.
  EXPECT_LT(paired(a, c, "supplier.applications.resolution_hours.P4.mean").high, 0.0);
  EXPECT_GT(paired(a, c, "supplier.applications.resolution_hours.P3.mean").low, 0.0);
}

}  // namespace
}  // namespace desksim
