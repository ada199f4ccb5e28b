// Service dependency rules: k-of-n, series, parallel and their nesting, against truth tables
// enumerated by hand, and compiled from the scenario message.
#include "models/infra/dependency_rule.hpp"

#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

namespace desksim::models {
namespace {

std::vector<bool> states(unsigned mask, int n) {
  std::vector<bool> up(n);
  for (int i = 0; i < n; ++i) up[i] = (mask >> i) & 1u;
  return up;
}

TEST(DependencyRule, KOfNCountsUpParts) {
  for (std::uint32_t k = 1; k <= 3; ++k) {
    DependencyRule rule;
    rule.add_k_of_n(k, {rule.add_component(0), rule.add_component(1), rule.add_component(2)});
    for (unsigned mask = 0; mask < 8; ++mask) {
      const auto up = states(mask, 3);
      const unsigned count = __builtin_popcount(mask);
      EXPECT_EQ(rule.evaluate(up), count >= k) << "k=" << k << " mask=" << mask;
    }
  }
}

TEST(DependencyRule, SeriesNeedsAllParallelNeedsOne) {
  DependencyRule series, parallel;
  series.add_all_of({series.add_component(0), series.add_component(1)});
  parallel.add_any_of({parallel.add_component(0), parallel.add_component(1)});
  EXPECT_TRUE(series.evaluate({true, true}));
  EXPECT_FALSE(series.evaluate({true, false}));
  EXPECT_FALSE(series.evaluate({false, true}));
  EXPECT_TRUE(parallel.evaluate({true, false}));
  EXPECT_TRUE(parallel.evaluate({false, true}));
  EXPECT_FALSE(parallel.evaluate({false, false}));
}

TEST(DependencyRule, NestedFromScenario) {
  // network in series with (2 of 3 app servers) in series with (primary or standby database).
  scenario::Infrastructure::Dependency d;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(R"(
    all_of {
      parts { component: "net" }
      parts { k_of_n { k: 2 parts { component: "app1" } parts { component: "app2" } parts { component: "app3" } } }
      parts { any_of { parts { component: "db1" } parts { component: "db2" } } }
    })", &d));
  const std::unordered_map<std::string, std::uint32_t> index = {{"net", 0},  {"app1", 1}, {"app2", 2},
                                                                {"app3", 3}, {"db1", 4},  {"db2", 5}};
  DependencyRule rule;
  std::string error;
  ASSERT_TRUE(DependencyRule::compile(d, index, &rule, &error)) << error;
  EXPECT_EQ(rule.components(), (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5}));
  for (unsigned mask = 0; mask < 64; ++mask) {
    const auto up = states(mask, 6);
    const int apps = up[1] + up[2] + up[3];
    const bool expected = up[0] && apps >= 2 && (up[4] || up[5]);
    EXPECT_EQ(rule.evaluate(up), expected) << "mask=" << mask;
  }
}

TEST(DependencyRule, CompileRejectsUnknownComponentAndBadK) {
  const std::unordered_map<std::string, std::uint32_t> index = {{"a", 0}};
  scenario::Infrastructure::Dependency unknown, bad_k;
  unknown.set_component("nope");
  auto* kn = bad_k.mutable_k_of_n();
  kn->set_k(2);
  kn->add_parts()->set_component("a");
  DependencyRule rule;
  std::string error;
  EXPECT_FALSE(DependencyRule::compile(unknown, index, &rule, &error));
  EXPECT_NE(error.find("nope"), std::string::npos);
  error.clear();
  EXPECT_FALSE(DependencyRule::compile(bad_k, index, &rule, &error));
  EXPECT_NE(error.find("k"), std::string::npos);
}

}  // namespace
}  // namespace desksim::models
