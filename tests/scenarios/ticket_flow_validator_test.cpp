// Validation of waiting states, later-visit work, drawn reassignment counts, priority mixes,
// cancellation and the arrival rate's dates: each mistake is reported at its field path.
#include <gtest/gtest.h>

#include "tests/scenarios/validator_test_support.hpp"

namespace desksim {
namespace {

using testing::has_error;
using testing::load_ok;

TEST(TicketFlowValidator, ReportsEachMistakeWithItsFieldPath) {
  const auto base = load_ok("scenarios/validation/ola-chase-ample-servers.textproto");
  ASSERT_FALSE(has_error(base, "resolver_network.groups[0].waiting"));
  const std::string g = "resolver_network.groups[0]";

  auto s = base;
  auto* w = s.mutable_resolver_network()->mutable_groups(0)->add_waiting();
  EXPECT_TRUE(has_error(s, g + ".waiting[0].state"));
  EXPECT_TRUE(has_error(s, g + ".waiting[0].duration_hours"));
  w->set_state(scenario::WAITING_ON_USER);
  w->set_probability(1.5);
  w->set_category("no-such-category");
  w->set_priority(7);
  EXPECT_TRUE(has_error(s, g + ".waiting[0].probability"));
  EXPECT_TRUE(has_error(s, g + ".waiting[0].category"));
  EXPECT_TRUE(has_error(s, g + ".waiting[0].priority"));

  // Two states whose probabilities add up to more than 1 for some ticket.
  s = base;
  auto* user = s.mutable_resolver_network()->mutable_groups(0)->add_waiting();
  user->set_state(scenario::WAITING_ON_USER);
  user->set_probability(0.7);
  user->mutable_duration_hours()->mutable_exponential()->set_mean(5);
  auto* vendor = s.mutable_resolver_network()->mutable_groups(0)->add_waiting();
  vendor->CopyFrom(*user);
  vendor->set_state(scenario::WAITING_ON_VENDOR);
  EXPECT_TRUE(has_error(s, g + ".waiting"));
  vendor->set_probability(0.3);
  EXPECT_FALSE(has_error(s, g + ".waiting"));

  s = base;
  s.mutable_resolver_network()->mutable_groups(0)->mutable_later_visit_work_hours()->mutable_exponential()->set_mean(-1);
  EXPECT_TRUE(has_error(s, g + ".later_visit_work_hours.exponential"));

  // Reassignment counts: a probability row; values printed to a few decimals are accepted.
  s = base;
  auto* route = s.mutable_resolver_network()->mutable_routes(0);
  for (double p : {0.6, 0.3, 0.1}) route->add_reassignment_count_probabilities(p);
  EXPECT_TRUE(has_error(s, "resolver_network.routes[0].reassignment_count_probabilities"));  // one group only
  route->clear_reassignment_count_probabilities();
  for (double p : {0.60002, 0.39999}) route->add_reassignment_count_probabilities(p);
  EXPECT_TRUE(has_error(s, "resolver_network.routes[0].reassignment_count_probabilities"));
  route->clear_reassignment_count_probabilities();
  route->add_reassignment_count_probabilities(1.00003);
  EXPECT_TRUE(has_error(s, "resolver_network.routes[0].reassignment_count_probabilities[0]"));  // not a probability
  route->clear_reassignment_count_probabilities();
  route->add_reassignment_count_probabilities(0.99997);
  EXPECT_FALSE(has_error(s, "resolver_network.routes[0].reassignment_count_probabilities"));

  // A category's priority mix and cancellation.
  s = base;
  auto* cat = s.mutable_demand()->mutable_categories(0);
  for (double p : {0.1, 0.2, 0.3}) cat->add_priority_probabilities(p);
  EXPECT_TRUE(has_error(s, "demand.categories[0].priority_probabilities"));
  cat->add_priority_probabilities(0.39996);  // sums to 0.99996: accepted
  EXPECT_FALSE(has_error(s, "demand.categories[0].priority_probabilities"));
  cat->set_cancel_probability(0.1);
  EXPECT_TRUE(has_error(s, "demand.categories[0].cancel_after_hours"));

  // Dates of the arrival rate.
  s = base;
  auto* f = s.mutable_demand()->add_date_factors();
  f->set_date("2024-13-01");
  f->set_factor(-1);
  EXPECT_TRUE(has_error(s, "demand.date_factors[0].date"));
  EXPECT_TRUE(has_error(s, "demand.date_factors[0].factor"));
  auto* l1 = s.mutable_demand()->add_level_changes();
  l1->set_from_date("2024-03-01");
  l1->set_level(1.1);
  auto* l2 = s.mutable_demand()->add_level_changes();
  l2->set_from_date("2024-02-01");
  l2->set_level(1.2);
  EXPECT_TRUE(has_error(s, "demand.level_changes[1].from_date"));
  s.mutable_demand()->set_trend_percent_per_year(-90);
  s.mutable_run()->set_horizon_hours(2 * 8766);
  EXPECT_TRUE(has_error(s, "demand.trend_percent_per_year"));
}

}  // namespace
}  // namespace desksim
