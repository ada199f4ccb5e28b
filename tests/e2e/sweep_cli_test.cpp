// `desksim sweep`: each point's results are those of a separate `desksim run` of that point's
// scenario, byte for byte (common random numbers: same seed, same replications); the grid's order;
// bad points refused before anything runs, naming the point and the field.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "desksim/results.pb.h"
#include "tests/e2e/cli_support.hpp"

namespace desksim::e2e {
namespace {

namespace fs = std::filesystem;

struct SweepCli : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("desksim-sweep-e2e-" + std::to_string(::getpid()));
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_mm10_scenario(dir / "mm.textproto", 20000, 7);
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(SweepCli, EachPointIsTheSeparateRunOfItsScenarioByteForByte) {
  const auto sweep = desksim("sweep " + (dir / "mm.textproto").string() +
                             " --vary desk.agents=10,12 --vary desk.service_level_threshold_seconds=20,60 -j 2 -q --out " +
                             (dir / "sweep").string());
  ASSERT_EQ(sweep.exit_code, 0) << sweep.output;
  // Point 3 is agents 12 and threshold 60: the last --vary changes fastest.
  std::ofstream(dir / "point3.textproto") << "extends: \"mm.textproto\"\n"
                                          << "desk { agents: 12 service_level_threshold_seconds: 60 }\n";
  const auto run = desksim("run " + (dir / "point3.textproto").string() + " -j 1 -q --out " + (dir / "run").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  for (const char* file : {"results.pb", "results.json", "results.sqlite", "csv/estimates.csv"}) {
    const std::string a = read_file(dir / "sweep" / "point-003" / file), b = read_file(dir / "run" / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_TRUE(a == b) << file << " differs from the separate run's";
  }
  results::Sweep s;
  ASSERT_TRUE(s.ParseFromString(read_file(dir / "sweep" / "sweep.pb")));
  ASSERT_EQ(s.points_size(), 4);
  EXPECT_EQ(s.points(1).settings(0).value(), "10");
  EXPECT_EQ(s.points(1).settings(1).value(), "60");
  EXPECT_EQ(s.points(3).directory(), "point-003");
  EXPECT_EQ(s.replications(), 2u);
  EXPECT_EQ(s.seed(), 7u);
  const std::string summary = read_file(dir / "sweep" / "sweep-summary.csv");
  EXPECT_EQ(summary.rfind("point,desk.agents,desk.service_level_threshold_seconds,metric,", 0), 0u) << summary;
  EXPECT_NE(summary.find("\r\n3,12,60,desk.wait_hours.mean,hours,2,"), std::string::npos) << summary;
  EXPECT_NE(read_file(dir / "sweep" / "csv" / "sweep_settings.csv").find("1,3,desk.agents,12,12"), std::string::npos);
  // More agents, shorter waits, point by point.
  auto wait = [&](int point) {
    for (const auto& e : s.points(point).estimates())
      if (e.name() == "desk.wait_hours.mean") return e.mean();
    return -1.0;
  };
  EXPECT_GT(wait(0), wait(2));
  EXPECT_GT(wait(2), 0.0);
}

TEST_F(SweepCli, ABadPointIsRefusedBeforeAnythingRunsNamingThePointAndTheField) {
  const auto zero = desksim("sweep " + (dir / "mm.textproto").string() + " --vary desk.agents=10,0 --out " +
                            (dir / "out").string());
  EXPECT_EQ(zero.exit_code, 2) << zero.output;
  EXPECT_NE(zero.output.find("point 1 (desk.agents=0)"), std::string::npos) << zero.output;
  EXPECT_NE(zero.output.find("desk.agents"), std::string::npos) << zero.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "sweep.pb"));

  const auto text = desksim("sweep " + (dir / "mm.textproto").string() + " --vary desk.agents=ten --out " +
                            (dir / "out").string());
  EXPECT_EQ(text.exit_code, 2) << text.output;
  const auto seed = desksim("sweep " + (dir / "mm.textproto").string() + " --vary run.seed=1,2 --out " +
                            (dir / "out").string());
  EXPECT_EQ(seed.exit_code, 2) << seed.output;
  EXPECT_NE(seed.output.find("cannot be varied"), std::string::npos) << seed.output;
  const auto unknown = desksim("sweep " + (dir / "mm.textproto").string() + " --vary desk.agentz=1 --out " +
                               (dir / "out").string());
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  const auto form = desksim("sweep " + (dir / "mm.textproto").string() + " --vary desk.agents --out " + (dir / "out").string());
  EXPECT_EQ(form.exit_code, 2) << form.output;
  EXPECT_NE(form.output.find("FIELD=V1,V2"), std::string::npos) << form.output;

  std::ofstream(dir / "points.csv") << "desk.agents,desk.service_level_threshold_seconds\n11,20\n12\n";
  const auto csv = desksim("sweep " + (dir / "mm.textproto").string() + " --points " + (dir / "points.csv").string() +
                           " --out " + (dir / "out").string());
  EXPECT_EQ(csv.exit_code, 2) << csv.output;
  EXPECT_NE(csv.output.find("points.csv:3: 1 values for 2 fields"), std::string::npos) << csv.output;
}

TEST_F(SweepCli, AListOfPointsRunsEachPointAsGiven) {
  std::ofstream(dir / "points.csv") << "# agents and answer-time threshold\ndesk.agents,desk.service_level_threshold_seconds\n"
                                       "11,20\n13,30\n";
  const auto run = desksim("sweep " + (dir / "mm.textproto").string() + " --points " + (dir / "points.csv").string() +
                           " -r 1 --out " + (dir / "out").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("point 1    desk.agents=13  desk.service_level_threshold_seconds=30"), std::string::npos)
      << run.output;
  EXPECT_TRUE(fs::exists(dir / "out" / "point-001" / "results.pb"));
}

}  // namespace
}  // namespace desksim::e2e
