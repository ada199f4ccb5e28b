#pragma once
// SimGrid allows one engine per process, and GoogleTest runs every test in one process: a test that
// needs an engine runs its body in a child process through the replication runner and gets back the
// string the body returned (or a failure naming what went wrong in the child).
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "sim/replication/replication_runner.hpp"

namespace desksim::testing {

inline std::string in_child_process(const std::function<std::string()>& body) {
  sim::ReplicationRunnerOptions options;
  std::string error;
  auto out = sim::run_replications(options, [&](unsigned) { return body(); }, &error);
  EXPECT_TRUE(error.empty()) << error;
  return out.empty() ? std::string() : out[0];
}

}  // namespace desksim::testing
