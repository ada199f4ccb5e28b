// desksim-mpi under mpirun (3 ranks on this machine, oversubscribed): the outputs are the local
// desksim command's, file for file and byte for byte; a task whose child process crashes runs again
// on another rank and the run says so; bad input is refused before anything runs.
// Skipped when no Open MPI was found at configure time (desksim-mpi is then not built).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "tests/e2e/cli_support.hpp"

namespace desksim::e2e {
namespace {

namespace fs = std::filesystem;

#ifdef DESKSIM_MPI
/// `mpirun -np RANKS desksim-mpi ARGUMENTS` (as root in CI and containers, more ranks than cores).
Outcome desksim_mpi(int ranks, const std::string& arguments, const std::string& environment = "") {
  const std::string command = environment + " " + DESKSIM_MPIEXEC + " --allow-run-as-root --oversubscribe -np " +
                              std::to_string(ranks) + " " + DESKSIM_MPI + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(("timeout 300 " + command).c_str(), "r");
  std::string output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = ::pclose(pipe);
  return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}
#endif

/// Every file under `root`, by path relative to it, with its bytes.
std::map<std::string, std::string> files_under(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) out[fs::relative(entry.path(), root).string()] = read_file(entry.path());
  return out;
}

void expect_same_files(const fs::path& local, const fs::path& mpi) {
  const auto a = files_under(local), b = files_under(mpi);
  ASSERT_FALSE(a.empty());
  std::string names_a, names_b;
  for (const auto& [name, bytes] : a) names_a += name + " ";
  for (const auto& [name, bytes] : b) names_b += name + " ";
  EXPECT_EQ(names_a, names_b) << "the same files";
  for (const auto& [name, bytes] : a) {
    const auto it = b.find(name);
    if (it == b.end()) continue;
    EXPECT_FALSE(bytes.empty()) << name;
    EXPECT_TRUE(bytes == it->second) << name << " differs from the local run's";
  }
}

struct MpiLauncher : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("desksim-mpi-e2e-" + std::to_string(::getpid()));
  std::string scenario;
  void SetUp() override {
#ifndef DESKSIM_MPI
    GTEST_SKIP() << "desksim-mpi was not built: no Open MPI at configure time";
#endif
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_mm10_scenario(dir / "mm.textproto", 3000, 11);
    scenario = (dir / "mm.textproto").string();
  }
  void TearDown() override { fs::remove_all(dir); }
};

#ifdef DESKSIM_MPI
TEST_F(MpiLauncher, ASweepOverThreeRanksWritesTheLocalSweepsBytes) {
  const std::string sweep = "sweep " + scenario + " --vary desk.agents=10,11,12 -r 3 -q --out ";
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  const auto mpi = desksim_mpi(3, sweep + (dir / "mpi").string());
  ASSERT_EQ(mpi.exit_code, 0) << mpi.output;
  expect_same_files(dir / "local", dir / "mpi");
  EXPECT_NE(mpi.output.find("sweep written to " + (dir / "mpi").string()), std::string::npos) << mpi.output;
  EXPECT_NE(mpi.output.find("desksim-mpi: 9 tasks (3 points x 3 replications) on 3 ranks: 0 retried, 0 ranks lost"),
            std::string::npos)
      << mpi.output;
  const std::regex efficiency(R"(efficiency ([0-9.]+) \(([0-9.]+) s of task wall time / \(3 ranks x ([0-9.]+) s\)\))");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(mpi.output, m, efficiency)) << mpi.output;
  EXPECT_NEAR(std::stod(m[1]), std::stod(m[2]) / (3 * std::stod(m[3])), 0.006);
  EXPECT_GT(std::stod(m[1]), 0.0);
  EXPECT_LE(std::stod(m[1]), 1.0);
}

TEST_F(MpiLauncher, ARunOverTwoRanksWritesTheLocalRunsBytes) {
  const std::string run = "run " + scenario + " -r 3 --seed 5 -q --out ";
  const auto local = desksim(run + (dir / "local").string());
  ASSERT_EQ(local.exit_code, 0) << local.output;
  const auto mpi = desksim_mpi(2, run + (dir / "mpi").string());
  ASSERT_EQ(mpi.exit_code, 0) << mpi.output;
  expect_same_files(dir / "local", dir / "mpi");
}

TEST_F(MpiLauncher, ACrashedTaskRunsAgainOnAnotherRankAndTheRunSaysSo) {
  const std::string sweep = "sweep " + scenario + " --vary desk.agents=10,12 -r 2 -q --out ";
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  // Test hook: the first attempt at task 1 has its child process killed as it starts.
  const auto mpi = desksim_mpi(3, sweep + (dir / "mpi").string(), "DESKSIM_MPI_TEST_CRASH_TASK=1");
  ASSERT_EQ(mpi.exit_code, 0) << mpi.output;
  expect_same_files(dir / "local", dir / "mpi");
  std::smatch failed, done;
  ASSERT_TRUE(std::regex_search(mpi.output, failed,
                                std::regex(R"(task 1 \(point 0, replication 1\), attempt 1, failed on rank ([0-9]): desksim killed by signal Killed)")))
      << mpi.output;
  EXPECT_NE(mpi.output.find("it will run again on another rank"), std::string::npos) << mpi.output;
  ASSERT_TRUE(std::regex_search(mpi.output, done, std::regex(R"(task 1 \(point 0, replication 1\) done on rank ([0-9]) at attempt 2)")))
      << mpi.output;
  EXPECT_NE(failed[1].str(), done[1].str()) << "run again elsewhere";
  EXPECT_NE(mpi.output.find("on 3 ranks: 1 retried, 0 ranks lost"), std::string::npos) << mpi.output;
}

TEST_F(MpiLauncher, BadInputIsRefusedBeforeAnythingRuns) {
  const auto point = desksim_mpi(2, "sweep " + scenario + " --vary desk.agents=10,0 --out " + (dir / "out").string());
  EXPECT_EQ(point.exit_code, 2) << point.output;
  EXPECT_NE(point.output.find("point 1 (desk.agents=0)"), std::string::npos) << point.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "sweep.pb"));
  const auto command = desksim_mpi(2, "validate " + scenario);
  EXPECT_EQ(command.exit_code, 2) << command.output;
  EXPECT_NE(command.output.find("the command must be `run` or `sweep`"), std::string::npos) << command.output;
  const auto tickets = desksim_mpi(2, "run " + scenario + " --tickets " + (dir / "t.csv").string());
  EXPECT_EQ(tickets.exit_code, 2) << tickets.output;
  EXPECT_NE(tickets.output.find("--tickets"), std::string::npos) << tickets.output;
}
#endif

}  // namespace
}  // namespace desksim::e2e
