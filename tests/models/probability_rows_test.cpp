// Rows of probabilities that validation accepts with a sum within 1e-4 of 1 (values printed to five
// decimals) are divided by their sum when the models are configured: every row ends exactly at 1,
// so no draw falls off its end and no entry gains or loses the rounding slack.
#include <gtest/gtest.h>

#include "models/desk/service_desk_config.hpp"
#include "models/resolver/resolver_config.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

TEST(ProbabilityRows, RowsWithinToleranceAreDividedByTheirSum) {
  auto s = testing::load("scenarios/met/run-and-maintain.textproto");
  auto* impact = s.mutable_demand()->mutable_categories(0)->mutable_impact_probabilities();
  impact->Set(0, 0.33333), impact->Set(1, 0.33333), impact->Set(2, 0.33333);  // sum 0.99999
  auto* route = s.mutable_resolver_network()->mutable_routes(0);
  ASSERT_GE(route->groups_size(), 1);
  route->mutable_groups(0)->set_probability(route->groups(0).probability() + 9e-5);
  double route_total = 0;
  for (const auto& g : route->groups()) route_total += g.probability();
  auto* group = s.mutable_resolver_network()->mutable_groups(0);
  double outcomes = group->escalation_probability();
  for (const auto& t : group->transfers()) outcomes += t.probability();
  group->set_reassignment_probability(1 + 9e-5 - outcomes);  // the outcome row sums to 1.00009
  std::vector<models::Diagnostic> problems;
  models::validate_scenario(s, &problems);
  ASSERT_TRUE(problems.empty()) << models::format_all(problems);

  const auto desk = models::make_service_desk_config(s);
  const auto& cumulative = desk.categories[0].impact_cumulative;
  ASSERT_EQ(cumulative.size(), 3u);
  EXPECT_DOUBLE_EQ(cumulative[0], 1.0 / 3);
  EXPECT_DOUBLE_EQ(cumulative[1], 2.0 / 3);
  EXPECT_EQ(cumulative[2], 1.0);

  const auto net = models::make_resolver_network_config(s, desk);
  const auto& first = net.routes[0].first;
  ASSERT_EQ(first.cumulative.size(), static_cast<std::size_t>(route->groups_size()));
  EXPECT_EQ(first.cumulative.back(), 1.0);
  EXPECT_DOUBLE_EQ(first.cumulative[0], route->groups(0).probability() / route_total);

  const auto& bounds = net.groups[0].decision_bounds;
  ASSERT_FALSE(bounds.empty());
  EXPECT_EQ(bounds.back(), 1.0);  // nothing left for "resolved", and no transfer cut short
  EXPECT_DOUBLE_EQ(bounds[0], group->escalation_probability() / (1 + 9e-5));
  EXPECT_DOUBLE_EQ(bounds[1], (group->escalation_probability() + group->reassignment_probability()) / (1 + 9e-5));
}

}  // namespace
}  // namespace desksim
