// Every kind of bad scenario input gives the stated error: syntax errors name file:line:column,
// semantic errors name the field path (and, in text files, where it was written), all errors are
// listed, and every shipped scenario is valid.
#include <gtest/gtest.h>

#include <filesystem>

#include "models/scenario/scenario_loader.hpp"

namespace desksim::models {
namespace {

std::vector<Diagnostic> problems(const std::string& text, bool json = false) {
  scenario::Scenario s;
  std::vector<Diagnostic> d;
  const bool ok = parse_scenario(text, "test.textproto", json, &s, &d);
  EXPECT_EQ(ok, d.empty());
  return d;
}

const char* kValid = R"(
name: "ok"
run { max_tickets: 100 }
demand { arrivals_per_hour: 5 }
desk { agents: 2 handle_time_minutes { exponential { mean: 10 } } }
)";

TEST(ScenarioSchema, AValidScenarioHasNoProblems) { EXPECT_TRUE(problems(kValid).empty()); }

TEST(ScenarioSchema, SyntaxErrorNamesFileLineAndColumn) {
  const auto d = problems("name: \"x\"\nrun { max_tickets: 10\ndemand { arrivals_per_hour: 3 }\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), "test.textproto:3:8: Message type \"desksim.scenario.RunControl\" has no field named \"demand\".");
}

TEST(ScenarioSchema, UnknownFieldIsASyntaxErrorWithItsPosition) {
  const auto d = problems("name: \"x\"\n  agentz: 3\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].column, 9);  // protobuf points just past the unknown name ("  agentz" ends at 8)
  EXPECT_NE(d[0].message.find("agentz"), std::string::npos);
}

TEST(ScenarioSchema, EverySemanticErrorIsListedWithFieldPathAndPosition) {
  const auto d = problems(R"(name: "bad name"
run { max_tickets: 10 warmup_hours: -1 }
demand { arrivals_per_hour: -3 }
desk {
  agents: 0
  handle_time_minutes { exponential { mean: -5 } }
}
)");
  std::vector<std::string> lines;
  for (const auto& x : d) lines.push_back(x.format());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "test.textproto:1:1: name: required: letters, digits, '-' or '_' (got \"bad name\")",
                       "test.textproto:2:23: run.warmup_hours: must be >= 0 (got -1)",
                       "test.textproto:3:10: demand.arrivals_per_hour: must be > 0 (got -3)",
                       "test.textproto:5:3: desk.agents: must be >= 1 (got 0)",
                       "test.textproto:6:25: desk.handle_time_minutes.exponential: exponential mean must be > 0 (got -5)",
                   }));
}

TEST(ScenarioSchema, ProbabilityOutsideZeroOneIsRejected) {
  const auto d = problems(R"(name: "p"
run { max_tickets: 10 }
demand { arrivals_per_hour: 3 }
desk { agents: 1 handle_time_minutes { empirical { values: [1, 2] probabilities: [1.5, -0.5] } } }
)");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field_path, "desk.handle_time_minutes.empirical");
  EXPECT_NE(d[0].message.find("probabilit"), std::string::npos) << d[0].message;
}

TEST(ScenarioSchema, MissingRequiredPartsAreNamed) {
  const auto d = problems("name: \"m\"\n");
  std::vector<std::string> paths;
  for (const auto& x : d) paths.push_back(x.field_path);
  EXPECT_EQ(paths, (std::vector<std::string>{"run", "demand", "desk"}));
}

TEST(ScenarioSchema, MissingDistributionKindIsNamed) {
  const auto d = problems(R"(name: "k"
run { horizon_hours: 10 }
demand { arrivals_per_hour: 3 }
desk { agents: 1 handle_time_minutes { } }
)");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field_path, "desk.handle_time_minutes");
  EXPECT_EQ(d[0].line, 4);
}

TEST(ScenarioSchema, ConflictingRunControlIsRejected) {
  const auto d = problems(R"(name: "r"
run { horizon_hours: 10 warmup_hours: 12 warmup_tickets: 5 }
demand { arrivals_per_hour: 3 }
desk { agents: 1 handle_time_minutes { exponential { mean: 1 } } }
)");
  std::vector<std::string> paths;
  for (const auto& x : d) paths.push_back(x.field_path);
  EXPECT_EQ(paths, (std::vector<std::string>{"run.warmup_tickets", "run.warmup_hours"}));
}

TEST(ScenarioSchema, JsonMappingIsAccepted) {
  EXPECT_TRUE(problems(R"({"name": "j", "run": {"maxTickets": 10}, "demand": {"arrivalsPerHour": 2},
      "desk": {"agents": 1, "handleTimeMinutes": {"lognormal": {"mean": 7, "cv": 1.2}}}})", true).empty());
}

TEST(ScenarioSchema, JsonSyntaxErrorNamesLineAndColumn) {
  const auto d = problems("{\"name\": \"j\",\n \"run\": {\"maxTickets\": 10\n \"demand\": 3}", true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 3);
  EXPECT_GT(d[0].column, 1);
  EXPECT_NE(d[0].message.find("syntax error"), std::string::npos);
}

TEST(ScenarioSchema, JsonSemanticErrorNamesTheFieldPath) {
  const auto d = problems(R"({"name": "j", "run": {"maxTickets": 10}, "demand": {"arrivalsPerHour": 0},
      "desk": {"agents": 1, "handleTimeMinutes": {"exponential": {"mean": 3}}}})", true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), "test.textproto:1:53: demand.arrivals_per_hour: must be > 0 (got 0)");
}

TEST(ScenarioSchema, JsonUnknownFieldIsRejected) {
  const auto d = problems(R"({"name": "j", "bogus": 1})", true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("bogus"), std::string::npos);
}

TEST(ScenarioSchema, MissingFileIsReported) {
  scenario::Scenario s;
  std::vector<Diagnostic> d;
  EXPECT_FALSE(load_scenario("/nonexistent/x.textproto", &s, &d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), "/nonexistent/x.textproto: cannot open the file: No such file or directory");
}

TEST(ShippedScenarios, AllValidate) {
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(DESKSIM_SOURCE_DIR) + "/scenarios")) {
    const auto ext = entry.path().extension();
    if (ext != ".textproto" && ext != ".json") continue;
    if (entry.path().parent_path().filename() == "data") continue;  // figures the generators read, not scenarios
    scenario::Scenario s;
    std::vector<Diagnostic> d;
    EXPECT_TRUE(load_scenario(entry.path().string(), &s, &d)) << format_all(d);
    ++count;
  }
  EXPECT_GE(count, 1);
}

}  // namespace
}  // namespace desksim::models
