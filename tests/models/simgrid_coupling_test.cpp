// The SimGrid coupling on the case that used to abort: a 2-of-3 component group whose actors sleep
// to failure dates more than twice SimGrid's clock early in the run (when now + (t - now) can round
// past t). Replication 0 of 300 seeds, each in its own process, must all finish with finite results.
// Before the coupling put SimGrid's dates on an exact grid, 6 of these 300 seeds aborted (seed 14 first).
#include <cmath>

#include <gtest/gtest.h>

#include "tests/models/infra_test_support.hpp"

namespace desksim::models {
namespace {

TEST(SimGridCoupling, TwoOfThreeCaseRunsToTheEndForThreeHundredSeeds) {
  scenario::Scenario s = testing::load_validation_scenario("availability-2of3-one-crew.textproto");
  s.mutable_run()->set_horizon_hours(20000);
  int failed = 0;
  std::string first_error;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    results::RunResult out;
    std::string error;
    RunOptions options;
    options.seed = seed;
    options.replications = 1;
    if (!run_scenario(s, options, &out, &error)) {
      if (failed++ == 0) first_error = "seed " + std::to_string(seed) + ": " + error;
      continue;
    }
    const auto& svc = out.replications(0).infrastructure().services(0);
    EXPECT_TRUE(std::isfinite(svc.availability())) << "seed " << seed;
    EXPECT_GT(svc.availability(), 0.9) << "seed " << seed;
  }
  EXPECT_EQ(failed, 0) << first_error;
}

}  // namespace
}  // namespace desksim::models
