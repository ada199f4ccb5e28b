// Abandonment: the population-mode desk with one flat Poisson phone stream, exponential handle
// times and exponential patience is M/M/n+M; its P(abandon), P(wait) and mean wait (over all
// arrivals, abandoners counting their time in queue) must match Erlang A (exact birth-death chain),
// at two loads, one overloaded (lambda > c mu). Tolerance: the 95% CI across replications; no bias
// allowance beyond 1e-4 h (0.36 s) on the wait, for the 10 h warm-up's residual transient.
#include <gtest/gtest.h>

#include "analysis/analytic/erlang_a.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

void check_against_erlang_a(const std::string& file, double lambda_per_hour) {
  const auto s = testing::load(file);
  const auto r = testing::run(s, 6);
  analysis::ErlangAResult exact{};
  std::string error;
  ASSERT_TRUE(analysis::erlang_a(lambda_per_hour, 10.0, 5, 20.0, &exact, &error)) << error;
  testing::expect_in_ci(r, "desk.abandon.mean", exact.p_abandon);
  testing::expect_in_ci(r, "desk.delayed.mean", exact.p_wait);
  testing::expect_in_ci(r, "desk.queue_time_hours.mean", exact.mean_wait, 1e-4);
  // Utilisation of the agents: occupancy.
  testing::expect_in_ci(r, "desk.utilisation.mean", exact.occupancy);
}

TEST(ErlangAValidation, ModerateLoad) { check_against_erlang_a("scenarios/validation/erlang-a-rho08.textproto", 40.0); }

TEST(ErlangAValidation, OverloadedLambdaAboveCMu) {
  check_against_erlang_a("scenarios/validation/erlang-a-overloaded.textproto", 60.0);
}

}  // namespace
}  // namespace desksim
