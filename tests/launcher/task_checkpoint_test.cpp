// The results desksim-mpi keeps for --resume (launcher/task_checkpoint.hpp), without MPI: a result
// kept is whole and found again; a resume takes only the same run's results and says what differs;
// a new start discards what an earlier job left.
#include "launcher/task_checkpoint.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/task_files.hpp"
#include "sim/io/durable_file.hpp"

namespace desksim::launcher {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TaskCheckpointTest : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("desksim-task-checkpoint-" + std::to_string(::getpid()));
  std::string folder = (dir / "out" / ".mpi-partial").string();
  PlanIdentity identity{6, 2, 3, "0123456789abcdef"};
  void SetUp() override { fs::remove_all(dir); }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(TaskCheckpointTest, KeptResultsAreWholeAndFoundAgainByAResume) {
  TaskCheckpoint checkpoint;
  bool replaced = true;
  std::string error;
  ASSERT_TRUE(TaskCheckpoint::start(folder, identity, &checkpoint, &replaced, &error)) << error;
  EXPECT_FALSE(replaced);
  EXPECT_EQ(checkpoint.missing(), (std::vector<unsigned>{0, 1, 2, 3, 4, 5}));
  const std::string bytes("result\0with a zero byte", 23);
  ASSERT_TRUE(checkpoint.keep(4, bytes, &error)) << error;
  ASSERT_TRUE(checkpoint.keep(1, "one", &error)) << error;
  EXPECT_EQ(read(app::task_result_file(folder, 4)), bytes);
  for (const auto& entry : fs::directory_iterator(folder))
    EXPECT_EQ(entry.path().extension(), entry.path().filename() == "identity" ? "" : ".pb")
        << entry.path() << ": no temporary file is left";

  TaskCheckpoint resumed;
  ASSERT_TRUE(TaskCheckpoint::resume(folder, identity, &resumed, &error)) << error;
  EXPECT_EQ(resumed.finished(), (std::vector<unsigned>{1, 4}));
  EXPECT_EQ(resumed.missing(), (std::vector<unsigned>{0, 2, 3, 5}));
  // A result half written when the job was killed is under its temporary name: it does not count.
  std::ofstream(app::task_result_file(folder, 0) + ".tmp.a1B2c3") << "half";
  EXPECT_EQ(resumed.finished(), (std::vector<unsigned>{1, 4}));
  ASSERT_TRUE(resumed.remove(&error)) << error;
  EXPECT_FALSE(fs::exists(folder));
  EXPECT_TRUE(fs::exists(dir / "out")) << "only the checkpoint's folder goes";
}

TEST_F(TaskCheckpointTest, AResumeRefusesAnotherRunsResultsAndSaysWhatDiffers) {
  TaskCheckpoint checkpoint;
  bool replaced = false;
  std::string error;
  ASSERT_TRUE(TaskCheckpoint::start(folder, identity, &checkpoint, &replaced, &error)) << error;

  PlanIdentity other_inputs = identity;
  other_inputs.hash = "fedcba9876543210";
  EXPECT_FALSE(TaskCheckpoint::resume(folder, other_inputs, &checkpoint, &error));
  EXPECT_NE(error.find("are for another run (identity 0123456789abcdef, this run's fedcba9876543210): the seed, a "
                       "scenario or a base it extends, a platform file or desksim's version differs"),
            std::string::npos)
      << error;

  PlanIdentity other_shape{8, 2, 4, identity.hash};
  EXPECT_FALSE(TaskCheckpoint::resume(folder, other_shape, &checkpoint, &error));
  EXPECT_NE(error.find("are for 6 tasks (2 points x 3 replications), this run has 8 tasks (2 points x 4 replications)"),
            std::string::npos)
      << error;

  std::ofstream(fs::path(folder) / "identity") << "something else\n";
  EXPECT_FALSE(TaskCheckpoint::resume(folder, identity, &checkpoint, &error));
  EXPECT_NE(error.find("identity: not a desksim-mpi checkpoint"), std::string::npos) << error;

  EXPECT_FALSE(TaskCheckpoint::resume((dir / "none").string(), identity, &checkpoint, &error));
  EXPECT_NE(error.find("no results are kept there"), std::string::npos) << error;
}

TEST_F(TaskCheckpointTest, ANewStartDiscardsWhatAnEarlierJobKept) {
  TaskCheckpoint checkpoint;
  bool replaced = false;
  std::string error;
  ASSERT_TRUE(TaskCheckpoint::start(folder, identity, &checkpoint, &replaced, &error)) << error;
  ASSERT_TRUE(checkpoint.keep(2, "two", &error)) << error;
  ASSERT_TRUE(TaskCheckpoint::start(folder, identity, &checkpoint, &replaced, &error)) << error;
  EXPECT_TRUE(replaced);
  EXPECT_TRUE(checkpoint.finished().empty());
}

TEST_F(TaskCheckpointTest, AFileThatCannotBeWrittenIsNamed) {
  std::string error;
  const std::string path = (dir / "no-such-folder" / "task-0.pb").string();
  EXPECT_FALSE(sim::write_durably(path, "x", &error));
  EXPECT_NE(error.find(path + ": cannot create"), std::string::npos) << error;
}

TEST(PlanIdentityShape, CountsInWords) {
  EXPECT_EQ((PlanIdentity{6, 2, 3, ""}).shape(), "6 tasks (2 points x 3 replications)");
  EXPECT_EQ((PlanIdentity{1, 1, 1, ""}).shape(), "1 task (1 point x 1 replication)");
}

}  // namespace
}  // namespace desksim::launcher
