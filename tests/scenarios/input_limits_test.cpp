// What the loader refuses before validation proper, each with a message that says where: numbers
// outside the range of a double, duplicate JSON keys, enum numbers the schema does not name, nesting
// beyond kMaxMessageNesting, replication counts beyond kMaxReplications, and files that are not
// regular files or are too large to be a scenario.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "models/scenario/input_limits.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::models {
namespace {

std::vector<Diagnostic> problems(const std::string& text, bool json) {
  scenario::Scenario s;
  std::vector<Diagnostic> d;
  const bool ok = parse_scenario(text, "s", json, &s, &d);
  EXPECT_EQ(ok, d.empty());
  return d;
}

const char* kJsonDesk = R"("desk": {"agents": 1, "handleTimeMinutes": {"exponential": {"mean": 3}}})";

std::string json_scenario(const std::string& demand) {
  return "{\"name\": \"j\", \"run\": {\"maxTickets\": 10},\n \"demand\": " + demand + ",\n " + kJsonDesk + "}";
}

TEST(InputLimits, JsonNumberBeyondTheRangeOfADoubleIsLocated) {
  const auto d = problems(json_scenario("{\"arrivalsPerHour\": 1e999}"), true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), "s:2:32: demand.arrivalsPerHour: the number 1e999 is outside the range of a double (about ±1.8e308)");
}

TEST(InputLimits, JsonDuplicateKeyIsRefusedWhereTheSecondIsWritten) {
  const auto d = problems(json_scenario("{\"arrivalsPerHour\": 3,\n \"arrivalsPerHour\": 4}"), true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), "s:3:2: demand.arrivalsPerHour: the key \"arrivalsPerHour\" is given twice in one object");
  // The same name in two different objects is not a duplicate.
  EXPECT_TRUE(problems(R"({"name": "j", "run": {"maxTickets": 10}, "demand": {"arrivalsPerHour": 3},
      "desk": {"agents": 1, "handleTimeMinutes": {"mixture": {"parts": [
        {"weight": 0.5, "distribution": {"exponential": {"mean": 3}}},
        {"weight": 0.5, "distribution": {"exponential": {"mean": 4}}}]}}}})", true).empty());
}

TEST(InputLimits, JsonKeyWithEscapedQuotesIsLocatedAtItsOpeningQuote) {
  const auto d = problems("{\"name\": \"j\", \"a\\\"b\": 1, \"a\\\"b\": 2}", true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 1);
  EXPECT_EQ(d[0].column, 26);
}

TEST(InputLimits, ProtobufJsonErrorsGetAPositionAndAFieldPath) {
  const auto type = problems(json_scenario("{\"arrivalsPerHour\": \"many\"}"), true);
  ASSERT_EQ(type.size(), 1u);
  EXPECT_EQ(type[0].field_path, "demand.arrivals_per_hour");
  EXPECT_EQ(type[0].line, 2);
  EXPECT_EQ(type[0].column, 13);
  const auto unknown = problems(json_scenario("{\"arrivalsPerHour\": 3, \"agentz\": 1}"), true);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].format(), "s:2:35: demand.agentz: JSON: Cannot find field.");
  const auto root = problems("\n  [1, 2]", true);
  ASSERT_EQ(root.size(), 1u);
  EXPECT_GT(root[0].line, 0);
  EXPECT_NE(root[0].message.find("Root element must be a message"), std::string::npos);
}

TEST(InputLimits, JsonSemanticErrorsAreLocatedByTheirFieldPath) {
  const auto d = problems(json_scenario("{\"arrivalsPerHour\": -2}"), true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), "s:2:13: demand.arrivals_per_hour: must be > 0 (got -2)");
}

const char* kComponentText = R"(name: "e"
run { horizon_hours: 100 }
infrastructure {
  repair_crews { name: "crew" crews: 1 }
  components {
    name: "server"
    kind: %s
    time_to_failure_hours { exponential { mean: 1000 } }
    time_to_repair_hours { exponential { mean: 10 } }
  }
  services { name: "svc" depends_on { component: "server" } availability_target_percent: 99 }
}
)";

std::string component_text(const std::string& kind) {
  std::string text = kComponentText;
  return text.replace(text.find("%s"), 2, kind);
}

TEST(InputLimits, EnumNumberOutsideTheEnumIsRefusedInText) {
  EXPECT_TRUE(problems(component_text("HOST"), false).empty());
  EXPECT_TRUE(problems(component_text("1"), false).empty());  // a named value given by its number
  const auto d = problems(component_text("99"), false);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field_path, "infrastructure.components[0].kind");
  EXPECT_EQ(d[0].line, 7);
  EXPECT_NE(d[0].message.find("unknown value 99 for Kind (one of: KIND_UNSPECIFIED, HOST"), std::string::npos)
      << d[0].message;
}

TEST(InputLimits, EnumNumberOutsideTheEnumIsRefusedInJson) {
  const std::string json = R"({"name": "e", "run": {"horizonHours": 100}, "infrastructure": {
    "repairCrews": [{"name": "crew", "crews": 1}],
    "components": [{"name": "server", "kind": -7,
      "timeToFailureHours": {"exponential": {"mean": 1000}}, "timeToRepairHours": {"exponential": {"mean": 10}}}],
    "services": [{"name": "svc", "dependsOn": {"component": "server"}, "availabilityTargetPercent": 99}]}})";
  const auto d = problems(json, true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field_path, "infrastructure.components[0].kind");
  EXPECT_EQ(d[0].line, 3);
  EXPECT_EQ(d[0].column, 39);
}

/// A service depending on one component through `levels` nested all_of rules: 4 + 2 * levels
/// messages deep with its leaf.
std::string nested_rules(int levels, bool json) {
  std::string rule = json ? R"({"component": "server"})" : R"({ component: "server" })";
  for (int i = 0; i < levels; ++i) rule = json ? R"({"allOf": {"parts": [)" + rule + "]}}" : "{ all_of { parts " + rule + " } }";
  if (json)
    return R"({"name": "deep", "run": {"horizonHours": 100}, "infrastructure": {
      "repairCrews": [{"name": "crew", "crews": 1}],
      "components": [{"name": "server", "kind": "HOST",
        "timeToFailureHours": {"exponential": {"mean": 1000}}, "timeToRepairHours": {"exponential": {"mean": 10}}}],
      "services": [{"name": "svc", "availabilityTargetPercent": 99, "dependsOn": )" + rule + "}]}}";
  std::string text = component_text("HOST");
  return text.replace(text.find(R"({ component: "server" })"), 23, rule);
}

TEST(InputLimits, NestingIsLimitedAlikeInTextAndJson) {
  // 48 levels of rules are 100 messages: accepted; one more is refused, with a position.
  for (bool json : {false, true}) {
    EXPECT_TRUE(problems(nested_rules(48, json), json).empty()) << json;
    const auto d = problems(nested_rules(49, json), json);
    ASSERT_EQ(d.size(), 1u) << json;
    EXPECT_GT(d[0].line, 0);
    EXPECT_GT(d[0].column, 0);
    EXPECT_NE(d[0].message.find(json ? "nested too deep" : "recursion limit of 100"), std::string::npos)
        << d[0].message;
  }
  // Thousands of levels (which overflowed the stack) are refused the same way.
  EXPECT_EQ(problems(nested_rules(4000, false), false).size(), 1u);
  EXPECT_EQ(problems(nested_rules(4000, true), true).size(), 1u);
  EXPECT_EQ(problems(std::string(100000, '[') + std::string(100000, ']'), true).size(), 1u);
}

TEST(InputLimits, ReplicationsAreCapped) {
  auto with = [](const std::string& replications) {
    return "name: \"r\"\nrun { max_tickets: 10 replications: " + replications +
           " }\ndemand { arrivals_per_hour: 3 }\ndesk { agents: 1 handle_time_minutes { exponential { mean: 1 } } }\n";
  };
  EXPECT_TRUE(problems(with(std::to_string(kMaxReplications)), false).empty());
  const auto d = problems(with("1000000000"), false);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), "s:2:23: run.replications: at most 100000 (got 1000000000)");
}

class ScenarioFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("desksim-input-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  static std::string load_problem(const std::string& path) {
    scenario::Scenario s;
    std::vector<Diagnostic> d;
    EXPECT_FALSE(load_scenario(path, &s, &d));
    return d.size() == 1 ? d[0].format() : format_all(d);
  }
  std::filesystem::path dir_;
};

TEST_F(ScenarioFiles, DevicesFifosAndDirectoriesAreRefusedWithoutReading) {
  const std::string refused = ": not a regular file (a directory, FIFO or device cannot be a scenario)";
  EXPECT_EQ(load_problem("/dev/zero"), "/dev/zero" + refused);
  const std::string fifo = (dir_ / "fifo.textproto").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(load_problem(fifo), fifo + refused);  // opening it for reading would wait for a writer
  EXPECT_EQ(load_problem(dir_.string()), dir_.string() + refused);
  EXPECT_EQ(load_problem("/nonexistent/x.textproto"), "/nonexistent/x.textproto: cannot open the file: No such file or directory");
}

TEST_F(ScenarioFiles, AFileLargerThanTheLimitIsRefused) {
  const std::string big = (dir_ / "big.textproto").string();
  { std::ofstream(big) << "name: \"x\"\n"; }
  std::filesystem::resize_file(big, kMaxScenarioBytes + 1);  // sparse: costs no disk
  EXPECT_EQ(load_problem(big), big + ": the file has 67108865 bytes; a scenario may have at most 67108864 (64 MiB)");
  std::filesystem::resize_file(big, kMaxScenarioBytes);  // at the limit it is read (and is no valid scenario)
  EXPECT_EQ(load_problem(big).find("a scenario may have at most"), std::string::npos);
}

}  // namespace
}  // namespace desksim::models
