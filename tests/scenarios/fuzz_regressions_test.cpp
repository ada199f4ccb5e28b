// Every input in tests/fuzz/regressions/<target>/ once crashed the loader or broke its contract;
// each must now get an answer that keeps the loader's contract (tests/fuzz/loader_contract.hpp)
// through the same call as its fuzz target.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/scenario/platform_file_check.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::models {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void expect_contract_kept(const fs::path& input, bool ok, const std::vector<Diagnostic>& d) {
  EXPECT_EQ(ok, d.empty()) << input;
  for (const Diagnostic& x : d) {
    EXPECT_TRUE(x.line > 0 || !x.field_path.empty()) << input << ": " << x.format();
    EXPECT_FALSE(x.message.empty()) << input;
  }
}

/// Runs `check(input)` on every file of a folder, which must hold at least one.
template <typename Check>
void for_each_input(const fs::path& folder, Check check) {
  int inputs = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    check(entry.path());
    ++inputs;
  }
  EXPECT_GT(inputs, 0) << folder << " holds no input";
}

void expect_parser_contract_kept(const fs::path& folder, bool json) {
  for_each_input(folder, [&](const fs::path& input) {
    scenario::Scenario s;
    std::vector<Diagnostic> d;
    const bool ok = parse_scenario(read(input), "fuzz", json, &s, &d);
    expect_contract_kept(input, ok, d);
  });
}

const fs::path kRegressions = fs::path(DESKSIM_SOURCE_DIR) / "tests" / "fuzz" / "regressions";

TEST(FuzzRegressions, TextInputsThatCrashedNowGetDiagnostics) {
  expect_parser_contract_kept(kRegressions / "fuzz_scenario_text", false);
}

TEST(FuzzRegressions, JsonInputsThatCrashedNowGetDiagnostics) {
  expect_parser_contract_kept(kRegressions / "fuzz_scenario_json", true);
}

// As tests/fuzz/platform_file_fuzzer.cpp: the input is the platform file of a scenario whose
// components are hosts "a" and "b" and link "wan".
TEST(FuzzRegressions, PlatformFilesThatBrokeTheCheckNowGetDiagnostics) {
  for_each_input(kRegressions / "fuzz_platform_file", [](const fs::path& input) {
    scenario::Scenario s;
    auto* infrastructure = s.mutable_infrastructure();
    infrastructure->set_platform_file(input.string());
    for (const char* name : {"a", "b"}) {
      auto* c = infrastructure->add_components();
      c->set_name(name);
      c->set_kind(scenario::Infrastructure::Component::HOST);
    }
    auto* link = infrastructure->add_components();
    link->set_name("wan");
    link->set_kind(scenario::Infrastructure::Component::NETWORK_LINK);
    std::vector<Diagnostic> d;
    check_platform_file(input.parent_path().string(), &s, &d);
    expect_contract_kept(input, d.empty(), d);
    EXPECT_FALSE(d.empty()) << input << " was accepted";  // each of them is a broken platform
  });
}

}  // namespace
}  // namespace desksim::models
