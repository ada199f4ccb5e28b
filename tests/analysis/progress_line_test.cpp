// The progress line's arithmetic: elapsed and ETA from replications done, by hand.
#include "analysis/report/progress_line.hpp"

#include <gtest/gtest.h>

namespace desksim::analysis {
namespace {

TEST(ProgressLine, EstimatesTheTimeLeftFromTheReplicationsDone) {
  // 2 of 5 done in 10 s: 5 s each, 3 left, 15 s to go.
  EXPECT_EQ(progress_line("", 2, 5, 10.0), "replications 2/5 · elapsed 0:10 · ETA 0:15");
  // None done yet: no estimate; all done: nothing left to estimate.
  EXPECT_EQ(progress_line("base", 0, 5, 3.2), "base: replications 0/5 · elapsed 0:03");
  EXPECT_EQ(progress_line("", 5, 5, 75.0), "replications 5/5 · elapsed 1:15");
  EXPECT_EQ(clock_time(3725), "1:02:05");
}

}  // namespace
}  // namespace desksim::analysis
