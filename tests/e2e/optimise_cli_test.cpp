// `desksim optimise` end to end: on a desk and one resolver group, the overlay it writes validates,
// `run` accepts it, and running it with the search's seed and replications reproduces the attainment
// the optimiser reported, figure for figure.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include "tests/e2e/cli_support.hpp"
#include "tests/e2e/two_station_optimise.hpp"

namespace desksim::e2e {
namespace {

namespace fs = std::filesystem;

/// The mean of a metric in a results.json, printed as the summary prints a share ("%.2f").
std::string percent_in_results(const std::string& json, const std::string& metric) {
  const std::regex pattern("\"name\": \"" + std::regex_replace(metric, std::regex("\\."), "\\.") +
                           "\",[^}]*?\"mean\": ([0-9.eE+-]+)");
  std::smatch m;
  if (!std::regex_search(json, m, pattern)) return "missing " + metric;
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", 100.0 * std::stod(m[1]));
  return b;
}

TEST(OptimiseCli, OverlayValidatesAndReproducesTheReportedAttainment) {
  const fs::path dir = fs::temp_directory_path() / ("desksim-optimise-e2e-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  std::ofstream(dir / "in" / "two.textproto") << kTwoStationScenario;
  std::ofstream(dir / "in" / "targets.txtpb") << kTwoStationTargets;
  const auto opt = desksim("optimise " + (dir / "in" / "two.textproto").string() + " --targets " +
                           (dir / "in" / "targets.txtpb").string() + " --jobs 2 --out " + (dir / "opt").string());
  ASSERT_EQ(opt.exit_code, 0) << opt.output;
  for (const char* f : {"optimised.textproto", "optimise-summary.txt", "optimise-report.html"})
    EXPECT_TRUE(fs::exists(dir / "opt" / f)) << f;
  const std::string overlay = read_file(dir / "opt" / "optimised.textproto");
  EXPECT_NE(overlay.find("extends: \"../in/two.textproto\""), std::string::npos) << overlay;
  EXPECT_NE(overlay.find("roster_servers_per_half_hour"), std::string::npos);
  EXPECT_NE(overlay.find("roster_agents_per_half_hour"), std::string::npos);

  const auto validated = desksim("validate " + (dir / "opt" / "optimised.textproto").string());
  EXPECT_EQ(validated.exit_code, 0) << validated.output;
  const auto ran = desksim("run " + (dir / "opt" / "optimised.textproto").string() + " --seed 5 -r 3 --jobs 2 --quiet --out " +
                           (dir / "run").string());
  ASSERT_EQ(ran.exit_code, 0) << ran.output;
  const std::string json = read_file(dir / "run" / "results.json");
  const std::string summary = read_file(dir / "opt" / "optimise-summary.txt");
  for (const auto& [label, metric] :
       {std::pair<std::string, std::string>{"infrastructure P4 response", "supplier.infrastructure.response_attainment.P4.mean"},
        {"applications P4 resolution", "supplier.applications.resolution_attainment.P4.mean"}}) {
    const auto at = summary.find(label);
    ASSERT_NE(at, std::string::npos) << summary;
    const std::string line = summary.substr(at, summary.find('\n', at) - at);
    // required, then the mean: the second percentage on the line.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(line, m, std::regex("%\\s+([0-9.]+)%"))) << line;
    EXPECT_EQ(m[1].str(), percent_in_results(json, metric)) << line;
  }
  fs::remove_all(dir);
}

TEST(OptimiseCli, OverlayDoesNotDependOnJobs) {
  // Every candidate's replications are the same whatever --jobs is, so the search takes the same path
  // and writes the same rosters (the summary differs only in the time it took).
  const fs::path dir = fs::temp_directory_path() / ("desksim-optimise-jobs-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "two.textproto") << kTwoStationScenario;
  std::ofstream(dir / "targets.txtpb") << kTwoStationTargets;
  for (const char* jobs : {"1", "2"}) {
    const auto r = desksim("optimise " + (dir / "two.textproto").string() + " --targets " + (dir / "targets.txtpb").string() +
                           " --quiet --jobs " + jobs + " --out " + (dir / ("jobs-" + std::string(jobs))).string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  EXPECT_EQ(read_file(dir / "jobs-1" / "optimised.textproto"), read_file(dir / "jobs-2" / "optimised.textproto"));
  fs::remove_all(dir);
}

TEST(OptimiseCli, BadOptionsAreRefusedNamingFileAndField) {
  const fs::path dir = fs::temp_directory_path() / ("desksim-optimise-bad-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "two.textproto") << kTwoStationScenario;
  std::ofstream(dir / "bad.txtpb") << "targets { supplier: \"nobody\" clock: RESOLUTION attainment: 0.9 }\n";
  std::ofstream(dir / "syntax.txtpb") << "targets { supplier: \n";
  const auto bad = desksim("optimise " + (dir / "two.textproto").string() + " --targets " + (dir / "bad.txtpb").string() +
                           " --out " + (dir / "out").string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("bad.txtpb: targets[0].supplier: no SLA for supplier \"nobody\""), std::string::npos) << bad.output;
  const auto syntax = desksim("optimise " + (dir / "two.textproto").string() + " --targets " +
                              (dir / "syntax.txtpb").string() + " --out " + (dir / "out").string());
  EXPECT_EQ(syntax.exit_code, 2) << syntax.output;
  EXPECT_NE(syntax.output.find("syntax.txtpb:2:"), std::string::npos) << syntax.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "optimised.textproto"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace desksim::e2e
