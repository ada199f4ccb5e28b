// Sweep points: axes parsed from "FIELD=V1,V2", the grid's order, and each point's scenario.
#include <gtest/gtest.h>

#include "models/scenario/sweep_points.hpp"

namespace desksim::models {
namespace {

TEST(SweepPoints, AnAxisSplitsAtTheFirstEqualsSignOutsideBrackets) {
  SweepAxis axis;
  std::string error;
  ASSERT_TRUE(parse_sweep_axis("resolver_network.groups[name=eus].servers=4, 5,6", &axis, &error)) << error;
  EXPECT_EQ(axis.field, "resolver_network.groups[name=eus].servers");
  EXPECT_EQ(axis.values, (std::vector<std::string>{"4", "5", "6"}));
  EXPECT_FALSE(parse_sweep_axis("desk.agents", &axis, &error));
  EXPECT_FALSE(parse_sweep_axis("desk.agents=", &axis, &error));
  EXPECT_FALSE(parse_sweep_axis("desk.agents=1,,2", &axis, &error));
  EXPECT_FALSE(parse_sweep_axis("=1,2", &axis, &error));
}

TEST(SweepPoints, TheGridVariesTheLastAxisFastest) {
  std::vector<SweepPointSpec> points;
  std::string error;
  ASSERT_TRUE(sweep_grid({{"a", {"1", "2"}}, {"b", {"x", "y", "z"}}}, &points, &error)) << error;
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points[1].settings[0].second, "1");
  EXPECT_EQ(points[1].settings[1].second, "y");
  EXPECT_EQ(points[3].settings[0].second, "2");
  EXPECT_EQ(points[3].settings[1].second, "x");
  EXPECT_FALSE(sweep_grid({{"a", {"1"}}, {"a", {"2"}}}, &points, &error));  // one field, two axes
  std::vector<SweepAxis> huge(5, SweepAxis{"f", std::vector<std::string>(10, "1")});
  for (std::size_t k = 0; k < huge.size(); ++k) huge[k].field += std::to_string(k);
  EXPECT_FALSE(sweep_grid(huge, &points, &error));  // 100,000 points
  EXPECT_NE(error.find("more than 10000 points"), std::string::npos) << error;
}

TEST(SweepPoints, EachPointIsTheBaseWithItsFieldsSetAndValidated) {
  scenario::Scenario base;
  base.set_name("mm");
  base.mutable_run()->set_max_tickets(1000);
  base.mutable_demand()->set_arrivals_per_hour(5);
  base.mutable_desk()->set_agents(1);
  base.mutable_desk()->mutable_handle_time_minutes()->mutable_exponential()->set_mean(6);
  std::vector<scenario::Scenario> out;
  std::vector<Diagnostic> problems;
  ASSERT_TRUE(make_sweep_scenarios(base, {{{{"desk.agents", "3"}}, "--vary"}}, &out, &problems)) << format_all(problems);
  EXPECT_EQ(out[0].desk().agents(), 3u);
  EXPECT_EQ(out[0].demand().arrivals_per_hour(), 5.0);
  EXPECT_FALSE(make_sweep_scenarios(base, {{{{"desk.agents", "0"}}, "--vary"}, {{{"run.seed", "2"}}, "p.csv:3"}}, &out,
                                    &problems));
  const std::string text = format_all(problems);
  EXPECT_NE(text.find("point 0 (desk.agents=0)"), std::string::npos) << text;
  EXPECT_NE(text.find("p.csv:3: run.seed: point 1 (run.seed=2): \"run.seed\" cannot be varied"), std::string::npos) << text;
}

}  // namespace
}  // namespace desksim::models
