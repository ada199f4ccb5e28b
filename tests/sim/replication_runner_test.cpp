#include "sim/replication/replication_runner.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace desksim::sim {
namespace {

TEST(ReplicationRunner, ReturnsEachReplicationsBytesInOrderWhateverTheParallelism) {
  for (unsigned jobs : {1u, 2u, 3u}) {
    ReplicationRunnerOptions options;
    options.replications = 5;
    options.jobs = jobs;
    std::string error;
    // A large payload checks that the parent drains pipes while several children write.
    const auto out = run_replications(options, [](unsigned r) { return std::string(200000 + r, char('a' + r)); }, &error);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_EQ(out.size(), 5u);
    for (unsigned r = 0; r < 5; ++r) EXPECT_EQ(out[r], std::string(200000 + r, char('a' + r)));
  }
}

TEST(ReplicationRunner, ReportsAnExceptionNamingTheReplication) {
  ReplicationRunnerOptions options;
  options.replications = 3;
  std::string error;
  const auto out = run_replications(options, [](unsigned r) -> std::string {
    if (r == 1) throw std::runtime_error("bad input");
    return "ok";
  }, &error);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(error, "replication 1: bad input");
}

TEST(ReplicationRunner, ReportsAChildThatDies) {
  ReplicationRunnerOptions options;
  std::string error;
  const auto out = run_replications(options, [](unsigned) -> std::string { std::abort(); }, &error);
  EXPECT_TRUE(out.empty());
  EXPECT_NE(error.find("replication 0: child process ended without a result"), std::string::npos) << error;
}

TEST(ReplicationRunner, OptionsNameTheViolatedConstraint) {
  ReplicationRunnerOptions options;
  std::string error;
  options.replications = 0;
  EXPECT_FALSE(options.IsValid(&error));
  EXPECT_EQ(error, "replications must be >= 1 (got 0)");
  options.replications = 2;
  options.in_process = true;
  EXPECT_FALSE(options.IsValid(&error));
  EXPECT_EQ(error, "in_process needs replications == 1 (got 2)");
}


TEST(ReplicationRunner, FinishedReplicationsAreReturnedAsGivenAndNotRunAgain) {
  for (unsigned jobs : {1u, 2u}) {
    ReplicationRunnerOptions options;
    options.replications = 4;
    options.jobs = jobs;
    options.finished = {{0, "kept 0"}, {2, "kept 2"}};
    std::vector<unsigned> arrived;  // on_result runs in this process
    options.on_result = [&](unsigned r, const std::string& bytes, std::string*) {
      arrived.push_back(r);
      EXPECT_EQ(bytes, "ran " + std::to_string(r));
      return true;
    };
    std::string error;
    const auto out = run_replications(options, [](unsigned r) { return "ran " + std::to_string(r); }, &error);
    ASSERT_TRUE(error.empty()) << error;
    EXPECT_EQ(out, (std::vector<std::string>{"kept 0", "ran 1", "kept 2", "ran 3"}));
    std::sort(arrived.begin(), arrived.end());
    EXPECT_EQ(arrived, (std::vector<unsigned>{1, 3}));
  }
}

TEST(ReplicationRunner, AResultThatCannotBeKeptFailsTheRun) {
  ReplicationRunnerOptions options;
  options.replications = 2;
  options.on_result = [](unsigned r, const std::string&, std::string* error) {
    *error = "disk full";
    return r != 1;
  };
  std::string error;
  EXPECT_TRUE(run_replications(options, [](unsigned) { return std::string("x"); }, &error).empty());
  EXPECT_EQ(error, "replication 1: disk full");
}

/// A folder for the process ids the children write, removed afterwards.
class ChildPids {
 public:
  ChildPids() : folder_(std::filesystem::temp_directory_path() / ("desksim-runner-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  ~ChildPids() { std::filesystem::remove_all(folder_); }
  /// In a child: records its pid under the replication's number (renamed into place, so that a file
  /// seen is a file written).
  void record(unsigned r) const {
    const auto name = folder_ / std::to_string(r);
    std::ofstream(name.string() + ".tmp") << ::getpid() << "\n";
    std::filesystem::rename(name.string() + ".tmp", name);
  }
  std::vector<pid_t> recorded() const {
    std::vector<pid_t> out;
    for (const auto& e : std::filesystem::directory_iterator(folder_)) {
      if (e.path().extension() == ".tmp") continue;
      pid_t pid = 0;
      if (std::ifstream(e.path()) >> pid) out.push_back(pid);
    }
    return out;
  }
  /// Waits up to `seconds` for a replication to have recorded its pid.
  bool wait_for(unsigned r, double seconds) const {
    for (auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
         std::chrono::steady_clock::now() < end; std::this_thread::sleep_for(std::chrono::milliseconds(10)))
      if (std::filesystem::exists(folder_ / std::to_string(r))) return true;
    return false;
  }

 private:
  std::filesystem::path folder_;
};

/// True when `pid` no longer runs: gone, or a zombie (an orphan waits for init to reap it).
bool gone(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return true;
  const auto close = line.rfind(')');  // the state follows the command name in parentheses
  return close != std::string::npos && close + 2 < line.size() && (line[close + 2] == 'Z' || line[close + 2] == 'X');
}

bool gone_within(pid_t pid, double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  for (;;) {
    if (gone(pid)) return true;
    if (std::chrono::steady_clock::now() >= end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

TEST(ReplicationRunner, StopFdEndsTheRunningChildrenAndKeepsWhatFinished) {
  ChildPids pids;
  int stop[2];
  ASSERT_EQ(::pipe(stop), 0);
  // The children must die of SIGTERM even though this process ignores it while the run goes on.
  struct sigaction ignore {}, previous {};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(sigaction(SIGTERM, &ignore, &previous), 0);
  ReplicationRunnerOptions options;
  options.replications = 4;
  options.jobs = 2;
  options.stop_fd = stop[0];
  std::vector<unsigned> kept;
  options.on_result = [&](unsigned r, const std::string&, std::string*) {
    kept.push_back(r);
    // Once replication 0 is in and replication 1 runs, ask to stop, as a signal handler would.
    if (pids.wait_for(1, 20)) {
      EXPECT_EQ(::write(stop[1], "x", 1), 1);
    }
    return true;
  };
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  bool stopped = false;
  const auto out = run_replications(
      options,
      [&](unsigned r) {
        pids.record(r);
        if (r > 0) std::this_thread::sleep_for(std::chrono::seconds(60));
        return std::string("done");
      },
      &error, &stopped);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sigaction(SIGTERM, &previous, nullptr);
  ::close(stop[0]);
  ::close(stop[1]);
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(stopped);
  EXPECT_EQ(error, "stopped");
  EXPECT_EQ(kept, std::vector<unsigned>{0});
  EXPECT_LT(seconds, 30.0);  // not the 60 s a replication sleeps
  const auto children = pids.recorded();
  EXPECT_EQ(children.size(), 2u);  // replications 0 and 1; none was started after the stop
  for (pid_t pid : children) EXPECT_TRUE(gone_within(pid, 0.0)) << pid << " still exists (or was not reaped)";
}

TEST(ReplicationRunner, ChildrenDieWithTheirParent) {
  ChildPids pids;
  // A middle process runs the replications and is killed outright (SIGKILL: no handler, no clean-up).
  const pid_t middle = ::fork();
  ASSERT_GE(middle, 0);
  if (middle == 0) {
    ReplicationRunnerOptions options;
    std::string error;
    run_replications(options, [&](unsigned r) {
      pids.record(r);
      std::this_thread::sleep_for(std::chrono::seconds(60));
      return std::string();
    }, &error);
    _exit(0);
  }
  ASSERT_TRUE(pids.wait_for(0, 20));
  ::kill(middle, SIGKILL);
  ::waitpid(middle, nullptr, 0);
  const auto children = pids.recorded();
  ASSERT_EQ(children.size(), 1u);
  EXPECT_TRUE(gone_within(children[0], 10.0)) << "replication child " << children[0] << " runs on after its parent";
}

}  // namespace
}  // namespace desksim::sim
