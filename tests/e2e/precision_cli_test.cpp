// `desksim run --precision`: replications are added until the watched measure's interval is narrow
// enough, and the result is the run of that many replications, byte for byte.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "tests/e2e/cli_support.hpp"

namespace desksim::e2e {
namespace {

namespace fs = std::filesystem;

TEST(PrecisionCli, AddsReplicationsUntilTheIntervalIsNarrowAndEqualsThatRun) {
  const fs::path dir = fs::temp_directory_path() / ("desksim-precision-e2e-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  write_mm10_scenario(dir / "mm.textproto", 5000, 3);
  const std::string s = (dir / "mm.textproto").string();
  const auto sequential = desksim("run " + s + " --precision 0.1 --measure desk.wait_hours.mean -j 2 -q --out " +
                                  (dir / "a").string());
  ASSERT_EQ(sequential.exit_code, 0) << sequential.output;
  // The last round's count and its half-width, which must be within the precision asked.
  std::smatch m;
  std::string rest = sequential.output, last_count, last_width;
  const std::regex round(R"((\d+) replications: widest relative half-width ([0-9.e-]+))");
  while (std::regex_search(rest, m, round)) {
    last_count = m[1];
    last_width = m[2];
    rest = m.suffix();
  }
  ASSERT_FALSE(last_count.empty()) << sequential.output;
  EXPECT_GT(std::stoi(last_count), 2) << "ten percent needs more than the scenario's two replications";
  EXPECT_LE(std::stod(last_width), 0.1);
  const auto fixed = desksim("run " + s + " -r " + last_count + " -q --out " + (dir / "b").string());
  ASSERT_EQ(fixed.exit_code, 0) << fixed.output;
  EXPECT_TRUE(read_file(dir / "a" / "results.pb") == read_file(dir / "b" / "results.pb"));

  const auto unknown = desksim("run " + s + " --precision 0.05 --measure desk.nonsense.mean -q --out " + (dir / "c").string());
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("--measure desk.nonsense.mean: the run has no such measure"), std::string::npos)
      << unknown.output;
  const auto capped = desksim("run " + s + " --precision 0.0001 --max-replications 4 -q --out " + (dir / "d").string());
  EXPECT_EQ(capped.exit_code, 0) << capped.output;
  EXPECT_NE(capped.output.find("not reached within --max-replications 4"), std::string::npos) << capped.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace desksim::e2e
