// Runnability checks: limits, the size of the run, a routing every ticket leaves (absorbing chain),
// and the overload warnings given before a run.
#include <gtest/gtest.h>

#include "models/scenario/run_limits_validator.hpp"
#include "tests/scenarios/validator_test_support.hpp"

namespace desksim {
namespace {

using testing::has_error;
using testing::load_ok;

TEST(RunLimits, RefusesWhatTheEngineCannotRepresentOrFinish) {
  auto s = load_ok("scenarios/validation/mm10-rho09.textproto");
  s.mutable_run()->set_max_tickets(2'000'000'000);
  EXPECT_TRUE(has_error(s, "run.max_tickets"));
  s.mutable_run()->set_allow_large(true);
  EXPECT_TRUE(has_error(s, "run.max_tickets"));  // still: at 9 an hour it would last 25,000 years
  s.mutable_demand()->set_arrivals_per_hour(1e5);
  EXPECT_FALSE(has_error(s, "run.max_tickets"));
  s = load_ok("scenarios/validation/mm10-rho09.textproto");
  s.mutable_demand()->set_arrivals_per_hour(1e-9);  // a million tickets would take 10^15 hours
  EXPECT_TRUE(has_error(s, "run.max_tickets"));
  s.mutable_desk()->mutable_handle_time_minutes()->mutable_exponential()->set_mean(1e300);
  EXPECT_TRUE(has_error(s, "desk.handle_time_minutes.exponential"));

  auto p = load_ok("scenarios/met/run-and-maintain.textproto");
  p.mutable_demand()->set_day_factor_cv(5e-324);
  EXPECT_TRUE(has_error(p, "demand.day_factor_cv"));
  p.mutable_run()->set_horizon_hours(8766.0 * 10000);
  EXPECT_TRUE(has_error(p, "run.horizon_hours"));
}

TEST(RunLimits, RefusesARoutingThatKeepsTicketsForEver) {
  auto s = load_ok("scenarios/validation/ola-chase-ample-servers.textproto");
  auto* net = s.mutable_resolver_network();
  auto* b = net->add_groups();
  b->CopyFrom(net->groups(0));
  b->clear_ola();
  b->set_name("b");
  auto* ab = net->mutable_groups(0)->add_transfers();
  ab->set_group("b");
  ab->set_probability(1.0);
  auto* ba = b->add_transfers();
  ba->set_group("apps");
  ba->set_probability(0.5);
  EXPECT_FALSE(has_error(s, "resolver_network.routes[0]"));  // leaves after 2 visits to b on average
  ba->set_probability(1.0);                                  // a -> b -> a -> ... for ever
  EXPECT_TRUE(has_error(s, "resolver_network.routes[0]"));
}

TEST(RunLimits, WarnsOfStationsWhoseLoadExceedsTheirServers) {
  auto s = load_ok("scenarios/validation/mm10-rho09.textproto");  // 9 Erlangs on 10 agents
  EXPECT_TRUE(models::overload_warnings(s).empty());
  s.mutable_demand()->set_arrivals_per_hour(12);  // 12 Erlangs on 10 agents
  const auto w = models::overload_warnings(s);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("offered load 12 Erlangs against 10"), std::string::npos) << w[0];
  EXPECT_TRUE(models::overload_warnings(load_ok("scenarios/met/run-and-maintain.textproto")).empty());
}

}  // namespace
}  // namespace desksim
