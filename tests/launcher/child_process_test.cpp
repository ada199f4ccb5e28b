// desksim-mpi's task files: named for their host and rank, and those of ranks killed outright on
// this host removed when a later rank starts.
#include "launcher/child_process.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "analysis/export/temporary_owner.hpp"
#include "tests/support/dead_pid.hpp"

namespace desksim::launcher {
namespace {

namespace fs = std::filesystem;

/// $TMPDIR pointed at a scratch folder for the test's length.
struct TaskFilesTest : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("desksim-task-files-" + std::to_string(::getpid()));
  std::string saved_tmpdir;
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
    if (const char* t = std::getenv("TMPDIR")) saved_tmpdir = t;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  void TearDown() override {
    if (saved_tmpdir.empty())
      ::unsetenv("TMPDIR");
    else
      ::setenv("TMPDIR", saved_tmpdir.c_str(), 1);
    fs::remove_all(dir);
  }
};

TEST_F(TaskFilesTest, ARankRemovesWhatDeadRanksOfThisHostLeftAndNothingElse) {
  const std::string owner = analysis::temporary_owner();  // "<host>.<pid>."
  const std::string host = owner.substr(0, owner.find('.'));
  const long dead = testing::dead_pid(), alive = static_cast<long>(::getppid());
  const auto file = [&](const std::string& prefix, const std::string& of_host, long pid) {
    const fs::path p = dir / (prefix + of_host + "." + std::to_string(pid) + ".Ab3xYz");
    std::ofstream(p) << "a task's result";
    return p;
  };
  const fs::path dead_out = file("desksim-mpi-task.", host, dead), dead_in = file("desksim-mpi-task-in.", host, dead);
  const fs::path live = file("desksim-mpi-task.", host, alive);               // a rank still running
  const fs::path other_host = file("desksim-mpi-task.", host + "-b", dead);  // $TMPDIR shared with another host
  const fs::path not_a_task = file("notes.", host, dead);

  remove_task_files_left_by_dead_ranks();
  EXPECT_FALSE(fs::exists(dead_out));
  EXPECT_FALSE(fs::exists(dead_in));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::exists(other_host));
  EXPECT_TRUE(fs::exists(not_a_task));
}

TEST_F(TaskFilesTest, ATasksFilesCarryItsHostAndRankAndGoWhenItEnds) {
  // A stand-in for desksim that takes its time: sh -c 'sleep 0.3' --task-in IN --task-out OUT.
  TaskRequest request;
  request.arguments = {"-c", "sleep 0.3"};
  request.input = "the task's input";
  TaskProcess task;
  TaskOutcome outcome;
  ASSERT_TRUE(task.start("/bin/sh", request, false, &outcome)) << outcome.why;
  int named = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name.rfind("desksim-mpi-task." + analysis::temporary_owner(), 0) == 0 ||
                name.rfind("desksim-mpi-task-in." + analysis::temporary_owner(), 0) == 0)
        << name;
    ++named;
  }
  EXPECT_EQ(named, 2);
  while (!task.poll(50)) {
  }
  EXPECT_TRUE(fs::is_empty(dir));
}

}  // namespace
}  // namespace desksim::launcher
