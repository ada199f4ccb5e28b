// Overlays (Scenario.extends): each merge rule against the scenario written out in full by hand, the
// removals and their errors, chains, a cycle, a missing base, and validation errors located in the
// file that wrote the field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <google/protobuf/text_format.h>
#include <google/protobuf/util/message_differencer.h>

#include "models/scenario/field_path.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::models {
namespace {

namespace fs = std::filesystem;

class OverlayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("desksim-overlay-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  static scenario::Scenario text(const std::string& t) {
    scenario::Scenario s;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(t, &s)) << t;
    return s;
  }
  fs::path dir_;
};

// A base with one of each kind of field the rules distinguish.
constexpr const char* kBase = R"(name: "base"
run { horizon_hours: 100 seed: 3 }
demand { day_factor_cv: 0.1 hour_of_week_weights: [1, 2, 3] }
desk {
  agents: 5
  handle_time_minutes { lognormal { mean: 7 cv: 1 } }
  channels { name: "phone" redial_probability: 0.5 }
  channels { name: "portal" redial_probability: 0.1 }
}
slas { supplier: "infra" targets { priority: 1 resolution_hours: 4 } }
resolver_network {
  groups { name: "a" servers: 2 escalation_probability: 0.2 }
  groups { name: "b" servers: 3 }
  routes { category: "x" groups { group: "a" probability: 1 } }
}
)";

struct MergeCase {
  const char* what;
  const char* overlay;   // written after `extends: "base.textproto"`
  const char* expected;  // the merged scenario written out in full
};

const MergeCase kCases[] = {
    {"a scalar overrides, everything else is the base's", "desk { agents: 7 }",
     R"(name: "base" run { horizon_hours: 100 seed: 3 } demand { day_factor_cv: 0.1 hour_of_week_weights: [1, 2, 3] }
        desk { agents: 7 handle_time_minutes { lognormal { mean: 7 cv: 1 } }
               channels { name: "phone" redial_probability: 0.5 } channels { name: "portal" redial_probability: 0.1 } }
        slas { supplier: "infra" targets { priority: 1 resolution_hours: 4 } }
        resolver_network { groups { name: "a" servers: 2 escalation_probability: 0.2 } groups { name: "b" servers: 3 }
                           routes { category: "x" groups { group: "a" probability: 1 } } })"},
    {"a default written in the overlay still overrides", "demand { day_factor_cv: 0 }",
     R"(name: "base" run { horizon_hours: 100 seed: 3 } demand { hour_of_week_weights: [1, 2, 3] }
        desk { agents: 5 handle_time_minutes { lognormal { mean: 7 cv: 1 } }
               channels { name: "phone" redial_probability: 0.5 } channels { name: "portal" redial_probability: 0.1 } }
        slas { supplier: "infra" targets { priority: 1 resolution_hours: 4 } }
        resolver_network { groups { name: "a" servers: 2 escalation_probability: 0.2 } groups { name: "b" servers: 3 }
                           routes { category: "x" groups { group: "a" probability: 1 } } })"},
    {"another member of a oneof replaces the base's",
     "desk { handle_time_minutes { exponential { mean: 6 } } }",
     R"(name: "base" run { horizon_hours: 100 seed: 3 } demand { day_factor_cv: 0.1 hour_of_week_weights: [1, 2, 3] }
        desk { agents: 5 handle_time_minutes { exponential { mean: 6 } }
               channels { name: "phone" redial_probability: 0.5 } channels { name: "portal" redial_probability: 0.1 } }
        slas { supplier: "infra" targets { priority: 1 resolution_hours: 4 } }
        resolver_network { groups { name: "a" servers: 2 escalation_probability: 0.2 } groups { name: "b" servers: 3 }
                           routes { category: "x" groups { group: "a" probability: 1 } } })"},
    {"the same oneof member merges field by field",
     "desk { handle_time_minutes { lognormal { cv: 2 } } }",
     R"(name: "base" run { horizon_hours: 100 seed: 3 } demand { day_factor_cv: 0.1 hour_of_week_weights: [1, 2, 3] }
        desk { agents: 5 handle_time_minutes { lognormal { mean: 7 cv: 2 } }
               channels { name: "phone" redial_probability: 0.5 } channels { name: "portal" redial_probability: 0.1 } }
        slas { supplier: "infra" targets { priority: 1 resolution_hours: 4 } }
        resolver_network { groups { name: "a" servers: 2 escalation_probability: 0.2 } groups { name: "b" servers: 3 }
                           routes { category: "x" groups { group: "a" probability: 1 } } })"},
    {"a named entry is replaced whole, in its place; a new one is added at the end",
     R"(resolver_network { groups { name: "a" servers: 4 } groups { name: "c" servers: 1 } }
        desk { channels { name: "portal" redial_probability: 0.3 } })",
     R"(name: "base" run { horizon_hours: 100 seed: 3 } demand { day_factor_cv: 0.1 hour_of_week_weights: [1, 2, 3] }
        desk { agents: 5 handle_time_minutes { lognormal { mean: 7 cv: 1 } }
               channels { name: "phone" redial_probability: 0.5 } channels { name: "portal" redial_probability: 0.3 } }
        slas { supplier: "infra" targets { priority: 1 resolution_hours: 4 } }
        resolver_network { groups { name: "a" servers: 4 } groups { name: "b" servers: 3 } groups { name: "c" servers: 1 }
                           routes { category: "x" groups { group: "a" probability: 1 } } })"},
    {"SLAs by supplier, routes by category; a routing row (unnamed) replaced whole",
     R"(slas { supplier: "infra" targets { priority: 2 resolution_hours: 8 } } slas { supplier: "apps" }
        resolver_network { routes { category: "x" groups { group: "b" probability: 0.5 } groups { group: "a" probability: 0.5 } } })",
     R"(name: "base" run { horizon_hours: 100 seed: 3 } demand { day_factor_cv: 0.1 hour_of_week_weights: [1, 2, 3] }
        desk { agents: 5 handle_time_minutes { lognormal { mean: 7 cv: 1 } }
               channels { name: "phone" redial_probability: 0.5 } channels { name: "portal" redial_probability: 0.1 } }
        slas { supplier: "infra" targets { priority: 2 resolution_hours: 8 } } slas { supplier: "apps" }
        resolver_network { groups { name: "a" servers: 2 escalation_probability: 0.2 } groups { name: "b" servers: 3 }
                           routes { category: "x" groups { group: "b" probability: 0.5 } groups { group: "a" probability: 0.5 } } })"},
    {"a list of numbers is replaced whole", "demand { hour_of_week_weights: [9] }",
     R"(name: "base" run { horizon_hours: 100 seed: 3 } demand { day_factor_cv: 0.1 hour_of_week_weights: [9] }
        desk { agents: 5 handle_time_minutes { lognormal { mean: 7 cv: 1 } }
               channels { name: "phone" redial_probability: 0.5 } channels { name: "portal" redial_probability: 0.1 } }
        slas { supplier: "infra" targets { priority: 1 resolution_hours: 4 } }
        resolver_network { groups { name: "a" servers: 2 escalation_probability: 0.2 } groups { name: "b" servers: 3 }
                           routes { category: "x" groups { group: "a" probability: 1 } } })"},
    {"removals drop named entries before the merge (the rest keep their order)",
     R"(remove { path: "resolver_network.groups" name: "a" } remove { path: "desk.channels" name: "phone" }
        resolver_network { groups { name: "a" servers: 9 } })",
     R"(name: "base" run { horizon_hours: 100 seed: 3 } demand { day_factor_cv: 0.1 hour_of_week_weights: [1, 2, 3] }
        desk { agents: 5 handle_time_minutes { lognormal { mean: 7 cv: 1 } }
               channels { name: "portal" redial_probability: 0.1 } }
        slas { supplier: "infra" targets { priority: 1 resolution_hours: 4 } }
        resolver_network { groups { name: "b" servers: 3 } groups { name: "a" servers: 9 }
                           routes { category: "x" groups { group: "a" probability: 1 } } })"},
};

TEST_F(OverlayTest, MergeRulesGiveTheScenarioWrittenInFull) {
  write("base.textproto", kBase);
  for (const MergeCase& c : kCases) {
    const std::string overlay = write("overlay.textproto", std::string("extends: \"base.textproto\"\n") + c.overlay);
    scenario::Scenario merged;
    std::vector<Diagnostic> d;
    ASSERT_TRUE(merge_scenario_file(overlay, &merged, &d)) << c.what << "\n" << format_all(d);
    std::string report;
    google::protobuf::util::MessageDifferencer differ;
    differ.ReportDifferencesToString(&report);
    EXPECT_TRUE(differ.Compare(text(c.expected), merged)) << c.what << "\n" << report;
  }
}

std::vector<Diagnostic> merge_errors(const std::string& path) {
  scenario::Scenario merged;
  std::vector<Diagnostic> d;
  EXPECT_FALSE(merge_scenario_file(path, &merged, &d));
  return d;
}

TEST_F(OverlayTest, BadRemovalsAreLocatedInTheOverlay) {
  write("base.textproto", kBase);
  auto d = merge_errors(write("o.textproto", "extends: \"base.textproto\"\n\nremove { path: \"resolver_network.groups\" name: \"zz\" }\n"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].format(), (dir_ / "o.textproto").string() +
                               ":3:1: remove[0]: the base has no entry name=\"zz\" in resolver_network.groups");
  d = merge_errors(write("o.textproto", "extends: \"base.textproto\"\nremove { path: \"demand.hour_of_week_weights\" name: \"1\" }\n"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_NE(d[0].message.find("is not a named list"), std::string::npos) << d[0].format();
  d = merge_errors(write("o.textproto", "remove { path: \"desk.channels\" name: \"phone\" }\n"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("only an overlay"), std::string::npos) << d[0].format();
}

TEST_F(OverlayTest, ChainsMergeInOrderAndBasesAreRelativeToTheirOverlay) {
  write("sub/root.textproto", "name: \"root\" desk { agents: 1 } demand { arrivals_per_hour: 2 }");
  write("sub/middle.textproto", "extends: \"root.textproto\"\ndesk { agents: 2 }\nrun { seed: 9 }");
  const std::string top = write("top.textproto", "extends: \"sub/middle.textproto\"\ndesk { agents: 3 }");
  scenario::Scenario merged;
  std::vector<Diagnostic> d;
  ASSERT_TRUE(merge_scenario_file(top, &merged, &d)) << format_all(d);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      text("name: \"root\" desk { agents: 3 } demand { arrivals_per_hour: 2 } run { seed: 9 }"), merged))
      << merged.DebugString();
}

TEST_F(OverlayTest, CyclesAndMissingBasesAreRefusedAtTheExtendsLine) {
  write("a.textproto", "name: \"a\"\nextends: \"b.textproto\"");
  write("b.textproto", "extends: \"a.textproto\"");
  auto d = merge_errors((dir_ / "a.textproto").string());
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].file, (dir_ / "b.textproto").string());
  EXPECT_EQ(d[0].line, 1);
  EXPECT_NE(d[0].message.find("cycle"), std::string::npos) << format_all(d);
  // Each overlay up the chain says where it was reached from.
  EXPECT_EQ(d.back().file, (dir_ / "a.textproto").string());
  EXPECT_EQ(d.back().line, 2);

  write("self.textproto", "extends: \"./self.textproto\"");
  EXPECT_NE(merge_errors((dir_ / "self.textproto").string())[0].message.find("cycle"), std::string::npos);

  d = merge_errors(write("o.textproto", "# comment\n  extends: \"nowhere.textproto\""));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].column, 3);
  EXPECT_EQ(d[0].message, "the base file \"" + (dir_ / "nowhere.textproto").string() + "\" does not exist");
}

TEST_F(OverlayTest, ValidationErrorsPointAtTheFileThatWroteTheField) {
  write("base.textproto", R"(name: "mm1"
run { horizon_hours: 100 }
demand { arrivals_per_hour: 3 }
desk {
  agents: 1
  handle_time_minutes { exponential { mean: 12 } }
}
)");
  const std::string overlay = write("o.textproto", R"(extends: "base.textproto"
# the overlay breaks one field; the base's fields stay valid
demand {
  arrivals_per_hour: -3
}
)");
  scenario::Scenario s;
  std::vector<Diagnostic> d;
  ASSERT_FALSE(load_scenario(overlay, &s, &d));
  ASSERT_EQ(d.size(), 1u) << format_all(d);
  EXPECT_EQ(d[0].file, overlay);
  EXPECT_EQ(d[0].line, 4);
  EXPECT_EQ(d[0].column, 3);
  EXPECT_EQ(d[0].field_path, "demand.arrivals_per_hour");

  // The same error written in the base is located in the base, through the overlay.
  write("bad-base.textproto", "name: \"x\"\nrun { horizon_hours: 100 }\ndesk { agents: 1 handle_time_minutes { exponential { mean: -1 } } }\ndemand { arrivals_per_hour: 3 }\n");
  d.clear();
  ASSERT_FALSE(load_scenario(write("o2.textproto", "extends: \"bad-base.textproto\"\ndesk { agents: 2 }\n"), &s, &d));
  ASSERT_EQ(d.size(), 1u) << format_all(d);
  EXPECT_EQ(d[0].file, (dir_ / "bad-base.textproto").string());
  EXPECT_EQ(d[0].line, 3);
  EXPECT_EQ(d[0].field_path, "desk.handle_time_minutes.exponential");
}

TEST_F(OverlayTest, ErrorsInAnEntryAddedToAShippedScenarioPointAtTheOverlay) {
  const std::string base = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/met/run-and-maintain.textproto";
  const std::string overlay = write("o.textproto", "extends: \"" + base + "\"\nresolver_network { groups { name: \"zz\" } }\n");
  scenario::Scenario s;
  std::vector<Diagnostic> d;
  EXPECT_FALSE(load_scenario(overlay, &s, &d));  // a group without supplier, work or servers
  for (const Diagnostic& x : d) {
    EXPECT_EQ(x.file, overlay) << x.format();
    EXPECT_EQ(x.line, 2) << x.format();
  }
}

TEST(FieldPath, SetsScalarsByNameAndRefusesWhatIsNotThere) {
  scenario::Scenario s;
  google::protobuf::TextFormat::ParseFromString(
      "resolver_network { groups { name: \"a\" servers: 1 } groups { name: \"b\" servers: 1 } }", &s);
  std::string error;
  EXPECT_TRUE(set_field_by_path(&s, "resolver_network.groups[name=b].servers", "7", &error)) << error;
  EXPECT_EQ(s.resolver_network().groups(1).servers(), 7u);
  EXPECT_TRUE(set_field_by_path(&s, "demand.day_factor_cv", "0.25", &error)) << error;
  EXPECT_EQ(s.demand().day_factor_cv(), 0.25);
  EXPECT_TRUE(set_field_by_path(&s, "resolver_network.groups[0].queue_discipline", "FIFO", &error)) << error;
  EXPECT_EQ(s.resolver_network().groups(0).queue_discipline(), scenario::ResolverGroup::FIFO);
  for (const char* bad : {"demand.no_such_field", "resolver_network.groups[name=zz].servers",
                          "resolver_network.groups.servers", "resolver_network.groups[5].servers", "desk",
                          "resolver_network.groups[supplier=a].servers"}) {
    error.clear();
    EXPECT_FALSE(set_field_by_path(&s, bad, "1", &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
  EXPECT_FALSE(set_field_by_path(&s, "resolver_network.groups[name=a].servers", "-1", &error));
  EXPECT_FALSE(set_field_by_path(&s, "demand.day_factor_cv", "abc", &error));
  EXPECT_EQ(canonical_path(s, "resolver_network.groups[1].servers"), "resolver_network.groups[name=b].servers");
}

}  // namespace
}  // namespace desksim::models
