// The checkpoint of a run (models/run/run_checkpoint.hpp): it is resumed only by the same run, keeps
// whole files only, and run_scenario takes the replications it holds instead of running them again.
#include "models/run/run_checkpoint.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::models {
namespace {

namespace fs = std::filesystem;

class Checkpoint : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("desksim-checkpoint-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  std::string folder() const { return folder_.string(); }
  static RunIdentity identity() { return RunIdentity{"0.1.0", 7, 3, "name: \"s\"\n", ""}; }
  fs::path folder_;
};

std::string resume_error(const std::string& folder, const RunIdentity& id) {
  RunCheckpoint c;
  std::string error;
  EXPECT_FALSE(RunCheckpoint::resume(folder, id, &c, &error));
  return error;
}

TEST_F(Checkpoint, OnlyTheSameRunResumesIt) {
  RunCheckpoint c;
  std::string error;
  ASSERT_TRUE(RunCheckpoint::start(folder(), identity(), &c, &error)) << error;
  RunCheckpoint again;
  EXPECT_TRUE(RunCheckpoint::resume(folder(), identity(), &again, &error)) << error;
  auto id = identity();
  id.seed = 8;
  EXPECT_NE(resume_error(folder(), id).find("its seed is 7, not 8"), std::string::npos);
  id = identity();
  id.replications = 4;
  EXPECT_NE(resume_error(folder(), id).find("it has 3 replications, not 4"), std::string::npos);
  id = identity();
  id.scenario_bytes += " ";  // one byte more is another scenario
  EXPECT_NE(resume_error(folder(), id).find("the scenario (or a base it extends) has changed since"), std::string::npos);
  id = identity();
  id.platform_bytes = "<platform/>";
  EXPECT_NE(resume_error(folder(), id).find("the platform file has changed since"), std::string::npos);
  id = identity();
  id.desksim_version = "9.9.9";
  EXPECT_NE(resume_error(folder(), id).find("made by desksim 0.1.0, this is 9.9.9"), std::string::npos);
}

TEST_F(Checkpoint, NothingOrSomethingElseIsNotResumed) {
  EXPECT_NE(resume_error(folder(), identity()).find("nothing to resume"), std::string::npos);
  fs::create_directories(folder_);
  std::ofstream(folder_ / "identity") << "desksim run checkpoint 1\ndesksim 0.1.0\nseed x\n";
  EXPECT_NE(resume_error(folder(), identity()).find("missing or damaged"), std::string::npos);
}

TEST_F(Checkpoint, KeepsWholeResultsAndTheirRecords) {
  RunCheckpoint c;
  std::string error;
  ASSERT_TRUE(RunCheckpoint::start(folder(), identity(), &c, &error)) << error;
  EXPECT_TRUE(c.finished(false).empty());
  ASSERT_TRUE(c.save(2, "result two", false, &error)) << error;
  // With records, the part written while the replication ran is moved into place with its result.
  EXPECT_FALSE(c.save(0, "result zero", true, &error));  // no part was written
  std::ofstream(c.ticket_records_part(0)) << "rows of 0\n";
  ASSERT_TRUE(c.save(0, "result zero", true, &error)) << error;
  EXPECT_EQ(c.finished(false), (std::vector<unsigned>{0, 2}));
  EXPECT_EQ(c.finished(true), (std::vector<unsigned>{0}));  // 2 has no records
  std::string bytes;
  ASSERT_TRUE(c.result(2, &bytes));
  EXPECT_EQ(bytes, "result two");
  EXPECT_FALSE(fs::exists(c.ticket_records_part(0)));
  // What a replication left half-written when the run stopped is removed on resume; whole files stay.
  std::ofstream(c.ticket_records_part(1)) << "half";
  std::ofstream(folder_ / "replication-1.pb.tmp.abc123") << "half";
  RunCheckpoint resumed;
  ASSERT_TRUE(RunCheckpoint::resume(folder(), identity(), &resumed, &error)) << error;
  EXPECT_FALSE(fs::exists(c.ticket_records_part(1)));
  EXPECT_FALSE(fs::exists(folder_ / "replication-1.pb.tmp.abc123"));
  EXPECT_EQ(resumed.finished(false), (std::vector<unsigned>{0, 2}));
  // Starting again discards it all.
  RunCheckpoint fresh;
  ASSERT_TRUE(RunCheckpoint::start(folder(), identity(), &fresh, &error)) << error;
  EXPECT_TRUE(fresh.finished(false).empty());
  ASSERT_TRUE(fresh.remove(&error)) << error;
  EXPECT_FALSE(fs::exists(folder_));
}

TEST_F(Checkpoint, RunScenarioTakesKeptReplicationsInsteadOfRunningThem) {
  scenario::Scenario s;
  std::vector<Diagnostic> d;
  ASSERT_TRUE(parse_scenario(R"(name: "kept"
run { max_tickets: 2000 replications: 3 }
demand { arrivals_per_hour: 9 }
desk { agents: 10 handle_time_minutes { exponential { mean: 60 } } }
)", "kept", false, &s, &d)) << format_all(d);
  RunOptions options = run_options_for(s, true, 7, 3, 2);
  RunCheckpoint c;
  std::string error;
  ASSERT_TRUE(RunCheckpoint::start(folder(), identity(), &c, &error)) << error;
  // A kept result no run could produce: if replication 1 were run again, this would not come back.
  results::ReplicationResult marker;
  marker.set_replication(1);
  marker.set_fingerprint(0x5eed);
  ASSERT_TRUE(c.save(1, marker.SerializeAsString(), false, &error)) << error;
  options.checkpoint = &c;
  results::RunResult run;
  ASSERT_TRUE(run_scenario(s, options, &run, &error)) << error;
  ASSERT_EQ(run.replications_size(), 3);
  EXPECT_EQ(run.replications(1).fingerprint(), 0x5eedu);
  EXPECT_NE(run.replications(0).fingerprint(), 0x5eedu);
  // Every replication that ran is now kept too.
  EXPECT_EQ(c.finished(false), (std::vector<unsigned>{0, 1, 2}));
  std::string bytes;
  results::ReplicationResult two;
  ASSERT_TRUE(c.result(2, &bytes));
  ASSERT_TRUE(two.ParseFromString(bytes));
  EXPECT_EQ(two.fingerprint(), run.replications(2).fingerprint());
}

}  // namespace
}  // namespace desksim::models
