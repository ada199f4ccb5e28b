// The generator sizes the baseline's rosters (Erlang C for the desk, weekly capacity for the
// resolver groups) and writes each roster's FTE in a comment; a run of the shipped file must report
// the same FTE. Two whole measured weeks: a weekly roster's FTE is then exact.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim {
namespace {

const std::string kBaseline = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/met/run-and-maintain.textproto";

// The FTE figures of the generator's comments, in file order: the desk's, then one per group.
std::vector<double> commented_fte() {
  std::ifstream in(kBaseline);
  std::vector<double> out;
  const std::regex desk(R"(agent-hours a week = ([0-9.]+) FTE)"), group(R"(stable; ([0-9.]+) FTE)");
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_search(line, m, desk) || std::regex_search(line, m, group)) out.push_back(std::stod(m[1]));
  return out;
}

double scalar(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& s : r.scalars())
    if (s.name() == name) return s.value();
  ADD_FAILURE() << "no scalar " << name;
  return 0.0;
}

TEST(BaselineStaffing, TheRunReportsTheFteTheGeneratorSized) {
  scenario::Scenario s;
  std::vector<models::Diagnostic> problems;
  ASSERT_TRUE(models::load_scenario(kBaseline, &s, &problems)) << models::format_all(problems);
  s.mutable_run()->set_horizon_hours(3 * 168);
  s.mutable_run()->set_warmup_hours(168);
  const auto fte = commented_fte();
  ASSERT_EQ(fte.size(), 1u + static_cast<std::size_t>(s.resolver_network().groups_size()));

  models::RunOptions options;
  options.replications = 1;
  results::RunResult run;
  std::string error;
  ASSERT_TRUE(models::run_scenario(s, options, &run, &error)) << error;
  const auto& rep = run.replications(0);
  EXPECT_NEAR(scalar(rep, "desk.fte"), fte[0], 1e-4);
  for (int g = 0; g < s.resolver_network().groups_size(); ++g) {
    const auto& group = s.resolver_network().groups(g);
    const double reported = scalar(rep, "group." + group.name() + ".fte");
    // An OLA breach may add escalation capacity for a while: paid for, so above the roster's FTE.
    if (group.ola().has_extra_capacity())
      EXPECT_GE(reported, fte[1 + static_cast<std::size_t>(g)] - 1e-4) << group.name();
    else
      EXPECT_NEAR(reported, fte[1 + static_cast<std::size_t>(g)], 1e-4) << group.name();
  }
}

}  // namespace
}  // namespace desksim
