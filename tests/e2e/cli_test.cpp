// End-to-end runs of the desksim binary: the commands a user types, their exit codes, their files.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "desksim/results.pb.h"
#include "tests/e2e/cli_support.hpp"

namespace {

namespace fs = std::filesystem;

using desksim::e2e::desksim;
using desksim::e2e::read_file;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("desksim-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // A small M/M/c scenario so that end-to-end runs take well under a second.
    std::ofstream(dir_ / "small.textproto") << R"(name: "small"
run { max_tickets: 20000 warmup_tickets: 500 replications: 2 }
demand { arrivals_per_hour: 9 }
desk { agents: 10 handle_time_minutes { exponential { mean: 60 } } }
)";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string scenario() const { return (dir_ / "small.textproto").string(); }
  fs::path dir_;
};

TEST_F(Cli, HelpDescribesEverySubcommand) {
  const auto out = desksim("--help");
  EXPECT_EQ(out.exit_code, 0);
  EXPECT_NE(out.output.find("run"), std::string::npos);
  EXPECT_NE(out.output.find("validate"), std::string::npos);
  const auto run_help = desksim("run --help");
  EXPECT_EQ(run_help.exit_code, 0);
  for (const char* option : {"--seed", "--replications", "--jobs", "--out"})
    EXPECT_NE(run_help.output.find(option), std::string::npos) << option;
}

TEST_F(Cli, RunWritesResultsAndPrintsASummary) {
  const auto out = desksim("run " + scenario() + " --out " + (dir_ / "o").string());
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find("wait to answer"), std::string::npos) << out.output;
  desksim::results::RunResult run;
  ASSERT_TRUE(run.ParseFromString(read_file(dir_ / "o" / "results.pb")));
  EXPECT_EQ(run.scenario_name(), "small");
  EXPECT_EQ(run.replications_size(), 2);
  EXPECT_GT(run.estimates_size(), 0);
  const std::string json = read_file(dir_ / "o" / "results.json");
  EXPECT_NE(json.find("\"scenario_name\": \"small\""), std::string::npos);
  // No temporary file is left behind.
  EXPECT_EQ(read_file(dir_ / "o" / "results.sqlite").substr(0, 15), "SQLite format 3");
  EXPECT_NE(read_file(dir_ / "o" / "csv" / "v_estimates.csv").find("desk.wait_hours.mean"), std::string::npos);
  for (const auto& entry : fs::recursive_directory_iterator(dir_ / "o"))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST_F(Cli, SameSeedGivesByteIdenticalResultsWhateverTheParallelism) {
  ASSERT_EQ(desksim("run " + scenario() + " --seed 5 -j 1 -q --out " + (dir_ / "a").string()).exit_code, 0);
  ASSERT_EQ(desksim("run " + scenario() + " --seed 5 -j 2 -q --out " + (dir_ / "b").string()).exit_code, 0);
  ASSERT_EQ(desksim("run " + scenario() + " --seed 6 -q --out " + (dir_ / "c").string()).exit_code, 0);
  EXPECT_EQ(read_file(dir_ / "a" / "results.pb"), read_file(dir_ / "b" / "results.pb"));
  EXPECT_EQ(read_file(dir_ / "a" / "results.json"), read_file(dir_ / "b" / "results.json"));
  EXPECT_FALSE(read_file(dir_ / "a" / "results.sqlite").empty());
  EXPECT_EQ(read_file(dir_ / "a" / "results.sqlite"), read_file(dir_ / "b" / "results.sqlite"));
  EXPECT_EQ(read_file(dir_ / "a" / "csv" / "estimates.csv"), read_file(dir_ / "b" / "csv" / "estimates.csv"));
  EXPECT_NE(read_file(dir_ / "a" / "results.pb"), read_file(dir_ / "c" / "results.pb"));
}

TEST_F(Cli, ValidateListsEveryErrorAndExitsNonZero) {
  std::ofstream(dir_ / "bad.textproto") << "name: \"bad\"\ndemand { arrivals_per_hour: -1 }\ndesk { agents: 0 }\n";
  const auto out = desksim("validate " + (dir_ / "bad.textproto").string());
  EXPECT_EQ(out.exit_code, 2);
  const std::string file = (dir_ / "bad.textproto").string();
  EXPECT_NE(out.output.find(file + ":2:10: demand.arrivals_per_hour: must be > 0 (got -1)"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find(file + ":3:8: desk.agents: must be >= 1 (got 0)"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("desk.handle_time_minutes: required"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find(": run: set horizon_hours or max_tickets"), std::string::npos) << out.output;
}

TEST_F(Cli, ValidateAcceptsTheShippedScenarios) {
  const auto out = desksim("validate " + std::string(DESKSIM_SOURCE_DIR) + "/scenarios/validation/mm10-rho09.textproto");
  EXPECT_EQ(out.exit_code, 0) << out.output;
}

TEST_F(Cli, BadScenarioIsNotRunAndWritesNothing) {
  std::ofstream(dir_ / "syntax.textproto") << "name: \"x\"\nrun {\n";
  const auto out = desksim("run " + (dir_ / "syntax.textproto").string() + " --out " + (dir_ / "o").string());
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.output.find("syntax.textproto:3:1:"), std::string::npos) << out.output;
  EXPECT_FALSE(fs::exists(dir_ / "o"));
}

TEST_F(Cli, UnwritableOutputFailsWithoutLeavingHalfAFile) {
  // A regular file where the output directory should be: the run fails, names it, and exits 1.
  std::ofstream(dir_ / "blocked") << "not a directory";
  const auto out = desksim("run " + scenario() + " -q --out " + (dir_ / "blocked").string());
  EXPECT_EQ(out.exit_code, 1) << out.output;
  EXPECT_NE(out.output.find((dir_ / "blocked").string()), std::string::npos) << out.output;
  EXPECT_EQ(read_file(dir_ / "blocked"), "not a directory");
}

TEST_F(Cli, CompareRunsBothScenariosOnCommonRandomNumbers) {
  std::ofstream(dir_ / "more.textproto") << R"(name: "more-agents"
run { max_tickets: 20000 warmup_tickets: 500 replications: 2 }
demand { arrivals_per_hour: 9 }
desk { agents: 12 handle_time_minutes { exponential { mean: 60 } } }
)";
  const auto out = desksim("compare " + scenario() + " " + (dir_ / "more.textproto").string() + " -r 3 --out " +
                           (dir_ / "c").string());
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find("base small vs alternative more-agents: 3 paired replication(s)"), std::string::npos)
      << out.output;
  // The headline figures the models declare are printed; their breakdowns and quantiles are not.
  EXPECT_NE(out.output.find("\ndesk.wait_hours.mean "), std::string::npos) << out.output;
  EXPECT_EQ(out.output.find("\ndesk.wait_hours.p90 "), std::string::npos) << out.output;
  desksim::results::Comparison comparison;
  ASSERT_TRUE(comparison.ParseFromString(read_file(dir_ / "c" / "comparison.pb")));
  EXPECT_EQ(comparison.base().replications_size(), 3);
  bool found = false;
  for (const auto& d : comparison.differences()) {
    if (d.name() != "desk.wait_hours.mean") continue;
    found = true;
    EXPECT_LT(d.ci_high(), 0.0);  // two more agents: shorter waits, and the paired interval says so
    EXPECT_TRUE(d.significant());
  }
  EXPECT_TRUE(found);
  // Same arrivals in both (the demand streams are shared): the raised counts are identical.
  for (const auto& d : comparison.differences()) {
    if (d.name() == "desk.raised") {
      EXPECT_EQ(d.difference_mean(), 0.0);
    }
  }
}

TEST_F(Cli, UnknownOptionIsRejected) {
  const auto out = desksim("run " + scenario() + " --frobnicate");
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.output.find("frobnicate"), std::string::npos) << out.output;
}

TEST_F(Cli, ReportWritesOneSelfContainedHtmlFile) {
  ASSERT_EQ(desksim("run " + scenario() + " -q --out " + (dir_ / "o").string()).exit_code, 0);
  const auto out = desksim("report " + (dir_ / "o").string() + " --out " + (dir_ / "r.html").string());
  ASSERT_EQ(out.exit_code, 0) << out.output;
  const std::string html = read_file(dir_ / "r.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(desksim("report " + dir_.string() + " --out " + (dir_ / "x.html").string()).exit_code, 2);
}

// Renders the report in a real browser (Debian `chromium`, which the README's test command
// installs): the DOM the browser built must hold every chart with data, and the screenshot must be a
// PNG of the size asked. Skipped, saying so, only where Chromium is absent.
TEST_F(Cli, ReportRendersInAHeadlessBrowser) {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "chromium is not installed (apt-get install chromium): the report was not rendered";
  // --disable-dev-shm-usage: containers often give /dev/shm a few megabytes, too few for a renderer.
  const std::string flags = " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
                            "--disable-background-networking --disable-component-update --disable-sync --user-data-dir=";
  // The baseline, so that every chart has data: two replications (about a second each).
  const std::string baseline = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/met/run-and-maintain.textproto";
  ASSERT_EQ(desksim("run " + baseline + " -r 2 -j 2 -q --out " + (dir_ / "o").string()).exit_code, 0);
  ASSERT_EQ(desksim("report " + (dir_ / "o").string() + " --out " + (dir_ / "r.html").string()).exit_code, 0);
  // The DOM as the browser built it: every <svg> of the file is there, and each draws data (a line
  // with points, a dot or a bar).
  const std::string html = read_file(dir_ / "r.html");
  const std::string dump_command = "timeout 120 chromium" + flags + (dir_ / "profile-dom").string() + " --dump-dom file://" +
                                   (dir_ / "r.html").string() + " > " + (dir_ / "dom.html").string() + " 2>/dev/null";
  ASSERT_EQ(std::system(dump_command.c_str()), 0) << dump_command;
  const std::string dom = read_file(dir_ / "dom.html");
  auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  const std::size_t charts = count(html, "<svg");
  EXPECT_GE(charts, 8u);
  EXPECT_EQ(count(dom, "<svg"), charts) << "the browser dropped or added charts";
  for (std::size_t at = dom.find("<svg"); at != std::string::npos; at = dom.find("<svg", at + 1)) {
    const std::string svg = dom.substr(at, dom.find("</svg>", at) - at);
    // Data marks carry class="data" (axes, grid and legend do not); a line needs at least one point.
    bool data = false;
    for (std::size_t m = svg.find("class=\"data\""); m != std::string::npos && !data; m = svg.find("class=\"data\"", m + 1))
      data = m < 10 || svg.compare(m - 10, 9, "<polyline") != 0 || svg.find("points=\"\"", m) > svg.find('>', m);
    EXPECT_TRUE(data) << "a chart without data: " << svg.substr(0, 200);
  }
  const fs::path png = dir_ / "shot.png";
  const std::string command = "timeout 120 chromium" + flags + (dir_ / "profile").string() + " --screenshot=" + png.string() +
                              " --window-size=1400,3000 file://" + (dir_ / "r.html").string() + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  const std::string bytes = read_file(png);
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
  };
  EXPECT_EQ(be32(16), 1400u);
  EXPECT_EQ(be32(20), 3000u);
  // A blank page compresses to a few kilobytes; the baseline's charts to several hundred.
  EXPECT_GT(bytes.size(), 100000u);
}

TEST_F(Cli, ProgressOnlyWhenAskedOrOnATerminalAndTheSameResults) {
  // The harness's stderr is a pipe: no progress unless asked.
  const auto quiet = desksim("run " + scenario() + " -q --out " + (dir_ / "a").string());
  ASSERT_EQ(quiet.exit_code, 0) << quiet.output;
  EXPECT_EQ(quiet.output.find("replications "), std::string::npos) << quiet.output;
  const auto shown = desksim("run " + scenario() + " -q --progress -j 2 --out " + (dir_ / "b").string());
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_NE(shown.output.find("replications 0/2 · elapsed 0:00\n"), std::string::npos) << shown.output;
  EXPECT_NE(shown.output.find("replications 1/2 · elapsed"), std::string::npos) << shown.output;
  EXPECT_NE(shown.output.find("replications 2/2 · elapsed"), std::string::npos) << shown.output;
  // Progress runs the replications through its own path: the results must not change by a byte.
  EXPECT_EQ(read_file(dir_ / "a" / "results.pb"), read_file(dir_ / "b" / "results.pb"));
  const auto compared = desksim("compare " + scenario() + " " + scenario() + " -q --progress --out " +
                                (dir_ / "c").string());
  ASSERT_EQ(compared.exit_code, 0) << compared.output;
  EXPECT_NE(compared.output.find("alternative: replications 2/2"), std::string::npos) << compared.output;
}

}  // namespace

