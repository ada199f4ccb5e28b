#include "sim/replication/replication_runner.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

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

}  // namespace
}  // namespace desksim::sim
