// `desksim calibrate` end to end: bad input exits 2 naming file and row; the shared log gives a
// scenario that validates and runs as it is.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {
namespace fs = std::filesystem;

std::pair<int, std::string> desksim(const std::string& arguments) {
  FILE* pipe = ::popen((std::string(DESKSIM_CLI) + " " + arguments + " 2>&1").c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("desksim-calibrate-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST(CalibrateCli, BadInputExitsTwoNamingRowAndColumn) {
  const fs::path log = scratch("bad.csv");
  std::ofstream(log) << "number,incident_state,sys_mod_count,opened_at,sys_updated_at,priority,category,"
                        "assignment_group,reassignment_count,made_sla,resolved_at,closed_at\n"
                        "INC1,New,0,2016-04-11 10:00,yesterday,3,C,G,0,true,?,?\n";
  const auto [code, output] = desksim("calibrate " + log.string() + " --out " + scratch("bad.textproto").string());
  EXPECT_EQ(code, 2) << output;
  EXPECT_NE(output.find("bad.csv:row 2: column sys_updated_at: unparsable date \"yesterday\""), std::string::npos) << output;
  EXPECT_FALSE(fs::exists(scratch("bad.textproto")));
  EXPECT_EQ(desksim("calibrate " + log.string() + " --out x.textproto --columns nonsense=X").first, 2);
}

TEST(CalibrateCli, SharedLogGivesAScenarioThatValidatesAndRuns) {
  const fs::path log = fs::path(DESKSIM_SOURCE_DIR) /
                       "scenarios/met/data/calibration-2016-04-11_2016-05-08.csv.gz";
  const fs::path out = scratch("fitted.textproto");
  const auto [code, output] = desksim("calibrate " + log.string() + " --out " + out.string() + " --fit-until 2016-05-01");
  ASSERT_EQ(code, 0) << output;
  EXPECT_NE(output.find("2016-04-21 (43 vs 386) 2016-04-22 (100 vs 379.5)"), std::string::npos) << output;
  EXPECT_EQ(desksim("validate " + out.string()).first, 0);
  const auto run = desksim("run " + out.string() + " --replications 2 --out " + scratch("run").string());
  EXPECT_EQ(run.first, 0) << run.second;
}
