// Validation of distributions in scenario files (piecewise-linear CDFs and mixtures, nested ones
// included) and the one rule for rows of probabilities that must sum to 1: each violated constraint
// is reported at its own field path and, in a text file, where it was written.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/scenario/scenario_loader.hpp"
#include "tests/scenarios/validator_test_support.hpp"

namespace desksim {
namespace {

using testing::has_error;
using testing::load_ok;

/// The diagnostics of a simple-mode scenario whose desk handle time is `distribution` (text format),
/// formatted "line:column: path: message" without the file name.
std::vector<std::string> handle_time_problems(const std::string& distribution) {
  const std::string text = "name: \"d\"\nrun { max_tickets: 10 }\ndemand { arrivals_per_hour: 3 }\n"
                           "desk { agents: 1 handle_time_minutes {\n" +
                           distribution + "\n} }\n";
  scenario::Scenario s;
  std::vector<models::Diagnostic> d;
  models::parse_scenario(text, "", false, &s, &d);
  std::vector<std::string> out;
  for (const auto& x : d)
    out.push_back(std::to_string(x.line) + ":" + std::to_string(x.column) + ": " + x.field_path + ": " + x.message);
  return out;
}

TEST(DistributionValidator, ValidPiecewiseLinearAndNestedMixturePass) {
  EXPECT_TRUE(handle_time_problems("piecewise_linear { values: [2, 6, 11, 25, 60, 110, 400, 2000] "
                                   "cumulative_probabilities: [0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.99995] }")
                  .empty());
  EXPECT_TRUE(handle_time_problems(R"(mixture {
  parts { weight: 0.33333 distribution { lognormal { mean: 2 cv: 1 } } }
  parts { weight: 0.66666 distribution { mixture {
    parts { weight: 0.5 distribution { exponential { mean: 30 } } }
    parts { weight: 0.5 distribution { piecewise_linear { values: [1, 2] cumulative_probabilities: [0, 1] } } }
  } } }
})")
                  .empty());
}

TEST(DistributionValidator, PiecewiseLinearConstraintIsNamed) {
  EXPECT_EQ(handle_time_problems("piecewise_linear { values: [1, 3, 3] cumulative_probabilities: [0, 0.5, 1] }"),
            (std::vector<std::string>{
                "5:1: desk.handle_time_minutes.piecewise_linear: piecewise_linear values[2] must be > values[1] (got 3 after 3)"}));
  EXPECT_EQ(handle_time_problems("piecewise_linear { values: [1, 2] cumulative_probabilities: [0, 0.999] }"),
            (std::vector<std::string>{"5:1: desk.handle_time_minutes.piecewise_linear: piecewise_linear last cumulative "
                                      "probability must be 1 within 0.0001 (got 0.999)"}));
}

TEST(DistributionValidator, EveryMistakeInsideAMixtureIsLocatedAtItsPart) {
  const auto problems = handle_time_problems(R"(mixture {
  parts { weight: 0.5 distribution { exponential { mean: -1 } } }
  parts { weight: -0.2 distribution { } }
  parts { weight: 0.5 distribution { mixture { parts { weight: 0.9 distribution { deterministic { value: 1 } } } } } }
})");
  // Each located where it was written: the part's kind, its weight, the part's `distribution`, and
  // for a row the first of its parts.
  EXPECT_EQ(problems,
            (std::vector<std::string>{
                "6:38: desk.handle_time_minutes.mixture.parts[0].distribution.exponential: exponential mean must be > 0 (got -1)",
                "7:11: desk.handle_time_minutes.mixture.parts[1].weight: must be a probability in [0, 1] (got -0.2)",
                "7:24: desk.handle_time_minutes.mixture.parts[1].distribution: no distribution kind set (exponential, erlang, "
                "gamma, lognormal, ...)",
                "8:48: desk.handle_time_minutes.mixture.parts[2].distribution.mixture.parts: weights must sum to 1 within "
                "0.0001 (got 0.9)",
                "6:3: desk.handle_time_minutes.mixture.parts: weights must sum to 1 within 0.0001 (got 0.8)",
            }));
  EXPECT_EQ(handle_time_problems("mixture { }"),
            (std::vector<std::string>{"5:1: desk.handle_time_minutes.mixture.parts: at least one part is required"}));
}

TEST(DistributionValidator, MixturesNestAtMostFourLevels) {
  const std::string leaf = "exponential { mean: 1 }";
  auto nest = [](const std::string& inner) { return "mixture { parts { weight: 1 distribution { " + inner + " } } }"; };
  EXPECT_TRUE(handle_time_problems(nest(nest(nest(nest(leaf))))).empty());
  std::string fifth = "desk.handle_time_minutes";
  for (int level = 1; level < 5; ++level) fifth += ".mixture.parts[0].distribution";
  const auto problems = handle_time_problems(nest(nest(nest(nest(nest(leaf))))));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "5:173: " + fifth + ".mixture: mixtures nest at most 4 levels deep (this one is level 5)");
}

// Rows of probabilities printed to five decimals (sum 0.99999) pass; a sum off by more than 1e-4
// fails, at the row's path, everywhere the schema asks for a sum of 1.
TEST(DistributionValidator, ProbabilityRowsSumToOneWithinTheSharedTolerance) {
  const auto base = load_ok("scenarios/met/run-and-maintain.textproto");

  auto s = base;
  auto* impact = s.mutable_demand()->mutable_categories(0)->mutable_impact_probabilities();
  impact->Set(0, 0.33333), impact->Set(1, 0.33333), impact->Set(2, 0.33333);
  EXPECT_FALSE(has_error(s, "demand.categories[0].impact_probabilities"));
  impact->Set(2, 0.3332);
  EXPECT_TRUE(has_error(s, "demand.categories[0].impact_probabilities"));

  s = base;
  auto* urgency = s.mutable_demand()->mutable_categories(1)->mutable_urgency_probabilities();
  urgency->Set(0, urgency->Get(0) + 9e-5);
  EXPECT_FALSE(has_error(s, "demand.categories[1].urgency_probabilities"));
  urgency->Set(0, urgency->Get(0) + 2e-5);
  EXPECT_TRUE(has_error(s, "demand.categories[1].urgency_probabilities"));

  s = base;
  auto* route = s.mutable_resolver_network()->mutable_routes(0);
  ASSERT_GT(route->groups_size(), 0);
  const double first = route->groups(0).probability();
  route->mutable_groups(0)->set_probability(first - 9e-5);
  EXPECT_FALSE(has_error(s, "resolver_network.routes[0].groups"));
  route->mutable_groups(0)->set_probability(first - 1.1e-4);
  EXPECT_TRUE(has_error(s, "resolver_network.routes[0].groups"));

  s = base;
  int escalating = -1;
  for (int i = 0; i < s.resolver_network().groups_size(); ++i)
    if (s.resolver_network().groups(i).escalation_targets_size() > 0) escalating = i;
  ASSERT_GE(escalating, 0);
  const std::string targets = "resolver_network.groups[" + std::to_string(escalating) + "].escalation_targets";
  auto* target = s.mutable_resolver_network()->mutable_groups(escalating)->mutable_escalation_targets(0);
  const double p = target->probability();
  target->set_probability(p + 9e-5);
  EXPECT_FALSE(has_error(s, targets));
  target->set_probability(p + 1.1e-4);
  EXPECT_TRUE(has_error(s, targets));

  EXPECT_TRUE(handle_time_problems("empirical { values: [1, 2] probabilities: [0.33333, 0.66666] }").empty());
  EXPECT_EQ(handle_time_problems("empirical { values: [1, 2] probabilities: [0.333, 0.666] }"),
            (std::vector<std::string>{
                "5:1: desk.handle_time_minutes.empirical: empirical probabilities must sum to 1 within 0.0001 (got 0.999)"}));
}

TEST(DistributionValidator, OutcomeRowMayExceedOneOnlyByTheSharedTolerance) {
  const auto base = load_ok("scenarios/met/run-and-maintain.textproto");
  auto s = base;
  auto* g = s.mutable_resolver_network()->mutable_groups(0);
  const double rest = g->escalation_probability() + g->reassignment_probability();
  double transfers = 0;
  for (const auto& t : g->transfers()) transfers += t.probability();
  // Raise the reassignment probability until the row sums to 1 + 9e-5, then 1 + 1.1e-4.
  g->set_reassignment_probability(g->reassignment_probability() + (1 + 9e-5 - rest - transfers));
  EXPECT_FALSE(has_error(s, "resolver_network.groups[0]"));
  g->set_reassignment_probability(g->reassignment_probability() + 2e-5);
  EXPECT_TRUE(has_error(s, "resolver_network.groups[0]"));
}

}  // namespace
}  // namespace desksim
