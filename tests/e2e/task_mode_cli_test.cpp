// The plumbing desksim-mpi drives desksim with (app/task_mode.hpp), without MPI: the plan and its
// identity (what a kept result depends on); each task run alone and the outputs assembled from their
// results are the local run's, byte for byte; a missing task result, a task out of range and the
// options a task cannot honour are refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "tests/e2e/cli_support.hpp"

namespace desksim::e2e {
namespace {

namespace fs = std::filesystem;

struct TaskModeCli : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("desksim-task-mode-e2e-" + std::to_string(::getpid()));
  std::string scenario;
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir / "tasks");
    write_mm10_scenario(dir / "mm.textproto", 2000, 3);
    scenario = (dir / "mm.textproto").string();
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(TaskModeCli, TasksRunAloneAndAssembledGiveTheLocalSweepsBytes) {
  const std::string sweep = "sweep " + scenario + " --vary desk.agents=10,12 -r 2 -q --out ";
  const auto plan = desksim(sweep + (dir / "planned").string() + " --plan");
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  const std::regex lines("tasks 4 points 2 replications 2\nidentity [0-9a-f]{16}\ncheckpoint (.*)\n");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(plan.output, m, lines)) << plan.output;
  EXPECT_EQ(m[1].str(), (dir / "planned" / ".mpi-partial").string());
  EXPECT_FALSE(fs::exists(dir / "planned" / "sweep.pb")) << "a plan runs nothing";
  // Task 3 is point 1, replication 1; the tasks may run in any order, each in its own process.
  for (int task : {3, 0, 2, 1}) {
    const auto one = desksim(sweep + (dir / "unused").string() + " --task " + std::to_string(task) + " --task-out " +
                             (dir / "tasks" / ("task-" + std::to_string(task) + ".pb")).string());
    ASSERT_EQ(one.exit_code, 0) << one.output;
    EXPECT_EQ(one.output, "") << "a task prints nothing";
  }
  EXPECT_FALSE(fs::exists(dir / "unused" / "sweep.pb"));
  const auto assembled = desksim(sweep + (dir / "assembled").string() + " --task-results " + (dir / "tasks").string());
  ASSERT_EQ(assembled.exit_code, 0) << assembled.output;
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  for (const char* file : {"sweep.pb", "sweep.json", "sweep.sqlite", "sweep-summary.csv", "point-001/results.pb",
                           "point-001/results.json", "point-001/results.sqlite", "point-001/csv/estimates.csv"}) {
    const std::string a = read_file(dir / "local" / file), b = read_file(dir / "assembled" / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_TRUE(a == b) << file << " differs from the local sweep's";
  }
}

TEST_F(TaskModeCli, ARunsTasksAreItsReplications) {
  const std::string run = "run " + scenario + " -r 2 --seed 9 -q --out ";
  const auto plan = desksim(run + (dir / "planned").string() + " --plan");
  EXPECT_EQ(plan.output.substr(0, plan.output.find('\n') + 1), "tasks 2 points 1 replications 2\n");
  for (int task : {0, 1})
    ASSERT_EQ(desksim(run + (dir / "unused").string() + " --task " + std::to_string(task) + " --task-out " +
                      (dir / "tasks" / ("task-" + std::to_string(task) + ".pb")).string())
                  .exit_code,
              0);
  ASSERT_EQ(desksim(run + (dir / "assembled").string() + " --task-results " + (dir / "tasks").string()).exit_code, 0);
  ASSERT_EQ(desksim(run + (dir / "local").string()).exit_code, 0);
  for (const char* file : {"results.pb", "results.json", "results.sqlite", "csv/estimates.csv"}) {
    const std::string a = read_file(dir / "local" / file), b = read_file(dir / "assembled" / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_TRUE(a == b) << file << " differs from the local run's";
  }
  EXPECT_FALSE(fs::exists(dir / "assembled" / ".partial")) << "no checkpoint is left behind";
}

/// The identity line of `desksim ARGS --plan`; empty when the plan fails.
std::string plan_identity(const std::string& arguments) {
  const auto plan = desksim(arguments + " --plan");
  std::smatch m;
  return plan.exit_code == 0 && std::regex_search(plan.output, m, std::regex("\nidentity ([0-9a-f]{16})\n")) ? m[1].str()
                                                                                                           : "";
}

TEST_F(TaskModeCli, ThePlansIdentityChangesWithWhatATasksResultDependsOnAndOnlyWithThat) {
  // desksim-mpi --resume takes kept results only for the same identity: it must tell apart every input
  // a result depends on, and stay the same for a run that would compute the same results.
  write_mm10_scenario(dir / "other.textproto", 2000, 3);
  std::ofstream(dir / "other.textproto", std::ios::app) << "description: \"another scenario\"\n";
  write_mm10_scenario(dir / "longer.textproto", 2500, 3);
  const std::string out = " -q --out " + (dir / "out").string();
  const std::string base = plan_identity("run " + scenario + " -r 2 --seed 9" + out);
  ASSERT_FALSE(base.empty());
  EXPECT_EQ(plan_identity("run " + scenario + " -r 2 --seed 9" + out), base) << "the same run, the same identity";
  EXPECT_EQ(plan_identity("run " + scenario + " -r 2 --seed 9 -j 2 -q --out " + (dir / "elsewhere").string()), base)
      << "jobs and the output folder change no result";
  // A sweep of one point equal to the scenario runs the run's very tasks: the same identity.
  EXPECT_EQ(plan_identity("sweep " + scenario + " --vary desk.agents=10 -r 2 --seed 9" + out), base);
  for (const std::string& command : {"run " + scenario, "sweep " + scenario + " --vary desk.agents=10"})
    ASSERT_EQ(desksim(command + " -r 2 --seed 9" + out + " --task 1 --task-out " +
                      (dir / "tasks" / (command.substr(0, 3) + ".pb")).string())
                  .exit_code,
              0);
  EXPECT_TRUE(read_file(dir / "tasks" / "run.pb") == read_file(dir / "tasks" / "swe.pb")) << "the same task result";
  std::set<std::string> seen{base};
  for (const std::string& changed :
       {"run " + scenario + " -r 2 --seed 10" + out, "run " + scenario + " -r 3 --seed 9" + out,
        "run " + (dir / "longer.textproto").string() + " -r 2 --seed 9" + out,
        "run " + (dir / "other.textproto").string() + " -r 2 --seed 9" + out,
        "sweep " + scenario + " --vary desk.agents=11 -r 2 --seed 9" + out,
        "sweep " + scenario + " --vary desk.agents=10,11 -r 2 --seed 9" + out}) {
    const std::string identity = plan_identity(changed);
    ASSERT_FALSE(identity.empty()) << changed;
    EXPECT_TRUE(seen.insert(identity).second) << changed << ": identity " << identity << " seen before";
  }
}

TEST_F(TaskModeCli, WhatATaskCannotDoIsRefused) {
  const std::string run = "run " + scenario + " -r 2 --out " + (dir / "out").string();
  const auto missing = desksim(run + " --task-results " + (dir / "tasks").string());
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_NE(missing.output.find("task-0.pb: missing or unreadable"), std::string::npos) << missing.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "results.pb"));
  const auto range = desksim(run + " --task 2 --task-out " + (dir / "t.pb").string());
  EXPECT_EQ(range.exit_code, 2) << range.output;
  EXPECT_NE(range.output.find("--task 2: there are 2 tasks (0 to 1)"), std::string::npos) << range.output;
  const auto tickets = desksim(run + " --plan --tickets " + (dir / "t.csv").string());
  EXPECT_EQ(tickets.exit_code, 2) << tickets.output;
  EXPECT_NE(tickets.output.find("--precision, --resume and --tickets are for a local run"), std::string::npos)
      << tickets.output;
  const auto alone = desksim(run + " --task 0");
  EXPECT_EQ(alone.exit_code, 2) << alone.output;
  EXPECT_FALSE(desksim("run --help").output.find("--task") != std::string::npos) << "the plumbing is hidden";
}

}  // namespace
}  // namespace desksim::e2e
