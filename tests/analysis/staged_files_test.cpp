// The temporaries of a process killed while writing its outputs (analysis/export/staged_files.hpp):
// the next commit of the same outputs removes them, and nothing of a live process or of another host.
#include "analysis/export/staged_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/dead_pid.hpp"

namespace desksim::analysis {
namespace {

namespace fs = std::filesystem;

std::string this_host() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  std::string host(name);
  return host.substr(0, host.find('.')).substr(0, 64);
}

/// The number of a process that has ended (a child, waited for).
void touch(const fs::path& path) { std::ofstream(path) << "half a file"; }

struct StagedFilesTest : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("desksim-staged-" + std::to_string(::getpid()));
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir / "csv");
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(StagedFilesTest, TemporariesCarryTheHostAndTheProcess) {
  StagedFiles files(dir.string());
  std::string temporary, error;
  ASSERT_TRUE(files.reserve("results.sqlite", &temporary, &error)) << error;
  const std::string name = fs::path(temporary).filename().string();
  const std::string expected = "results.sqlite.tmp." + this_host() + "." + std::to_string(::getpid()) + ".";
  EXPECT_EQ(name.rfind(expected, 0), 0u) << name;
  EXPECT_EQ(name.size(), expected.size() + 6) << name;
}

TEST_F(StagedFilesTest, ACommitRemovesTheTemporariesOfItsTargetsLeftByDeadProcessesOfThisHostOnly) {
  const std::string host = this_host();
  const long dead = testing::dead_pid();
  const long alive = static_cast<long>(::getppid());
  const auto temporary = [&](const std::string& target, const std::string& owner_host, long pid) {
    return dir / (target + ".tmp." + owner_host + "." + std::to_string(pid) + ".Ab3xYz");
  };
  const fs::path stale_json = temporary("results.json", host, dead);
  const fs::path stale_csv = temporary("csv/runs.csv", host, dead);
  const fs::path live = temporary("results.json", host, alive);                // still being written
  const fs::path other_host = temporary("results.json", host + "-other", dead);  // a shared folder
  const fs::path not_ours = temporary("notes.txt", host, dead);                  // not an output of this commit
  const fs::path odd = dir / ("results.json.tmp." + host + "." + std::to_string(dead) + ".short");
  for (const fs::path& p : {stale_json, stale_csv, live, other_host, not_ours, odd}) touch(p);

  StagedFiles files(dir.string());
  std::string error;
  ASSERT_TRUE(files.add("results.json", "{}", &error)) << error;
  ASSERT_TRUE(files.add("csv/runs.csv", "run\r\n", &error)) << error;
  ASSERT_TRUE(files.commit(&error)) << error;

  EXPECT_FALSE(fs::exists(stale_json));
  EXPECT_FALSE(fs::exists(stale_csv));
  EXPECT_TRUE(fs::exists(live)) << "its process is running";
  EXPECT_TRUE(fs::exists(other_host)) << "another host's process cannot be checked from here";
  EXPECT_TRUE(fs::exists(not_ours));
  EXPECT_TRUE(fs::exists(odd)) << "not a temporary's name";
  std::ifstream in(dir / "results.json");
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "{}");
}

TEST_F(StagedFilesTest, AFailedCommitLeavesOldTemporariesAlone) {
  const fs::path stale = dir / ("results.json.tmp." + this_host() + "." + std::to_string(testing::dead_pid()) + ".Ab3xYz");
  touch(stale);
  fs::create_directories(dir / "results.json");  // a folder where the output goes: the commit fails
  StagedFiles files(dir.string());
  std::string error;
  ASSERT_TRUE(files.add("results.json", "{}", &error)) << error;
  EXPECT_FALSE(files.commit(&error));
  EXPECT_TRUE(fs::exists(stale)) << "removed only once the outputs are in place";
}

}  // namespace
}  // namespace desksim::analysis
