// Priority queue discipline: two-class non-preemptive M/M/1 against Cobham's formula. The mean
// wait (raised -> answered) of each priority must lie in the 95% CI across replications.
#include <gtest/gtest.h>

#include "analysis/analytic/priority_queue.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

TEST(PriorityValidation, TwoClassNonPreemptiveMM1MatchesCobham) {
  const auto s = testing::load("scenarios/validation/priority-mm1-two-class.textproto");
  const auto r = testing::run(s, 6);
  std::vector<double> waits;
  std::string error;
  const double mean_service = 0.1;  // hours
  ASSERT_TRUE(analysis::cobham_priority_waits({3.0, 4.0}, {mean_service, mean_service},
                                              {2 * mean_service * mean_service, 2 * mean_service * mean_service}, &waits,
                                              &error))
      << error;
  testing::expect_in_ci(r, "desk.wait_hours.P1.mean", waits[0]);
  testing::expect_in_ci(r, "desk.wait_hours.P3.mean", waits[1]);
  // The two classes really are treated differently (a FIFO desk would give both 0.2333 h).
  EXPECT_LT(testing::metric(r, "desk.wait_hours.P1.mean").ci_high(), testing::metric(r, "desk.wait_hours.P3.mean").ci_low());
  // Utilisation = rho.
  testing::expect_in_ci(r, "desk.utilisation.mean", 0.7);
}

}  // namespace
}  // namespace desksim
