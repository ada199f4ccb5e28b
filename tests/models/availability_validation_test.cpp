// The simulated infrastructure (SimGrid hosts and links turned off and on by failure/repair actors,
// crews as FIFO semaphores, services evaluated from component states) against the CTMC of
// analysis::k_of_n_availability. The tolerance is the run's own 95% confidence interval; no bias
// allowance is needed because the runs start in the most likely state (all up) and the horizon is
// 10^5 mean repair times long, so the initial transient is below 1e-6 of the estimate.
#include <gtest/gtest.h>

#include "analysis/analytic/markov_availability.hpp"
#include "models/scenario/calendar_date.hpp"
#include "sim/calendar/reporting_months.hpp"
#include "tests/models/infra_test_support.hpp"

namespace desksim::models {
namespace {

using testing::estimate;

struct Case {
  const char* file;
  int k, n, crews;
};

analysis::AvailabilityResult analytic(const Case& c) {
  analysis::AvailabilityResult a;
  std::string error;
  EXPECT_TRUE(analysis::k_of_n_availability(c.k, c.n, 1000.0, 10.0, c.crews, &a, &error)) << error;
  return a;
}

void expect_in_ci(const results::MetricEstimate& e, double value) {
  EXPECT_LE(e.ci_low(), value) << e.name() << " mean " << e.mean() << " CI [" << e.ci_low() << ", " << e.ci_high()
                               << "] vs " << value;
  EXPECT_GE(e.ci_high(), value) << e.name() << " mean " << e.mean() << " CI [" << e.ci_low() << ", " << e.ci_high()
                                << "] vs " << value;
}

void check(const Case& c) {
  const scenario::Scenario s = testing::load_validation_scenario(c.file);
  const results::RunResult r = testing::run(s, s.run().replications());
  const analysis::AvailabilityResult a = analytic(c);
  const double horizon = s.run().horizon_hours();

  // Availability: the ledger's figure and the recorder's time average of the up signal.
  const auto& availability = estimate(r, "service.svc.availability");
  expect_in_ci(availability, a.availability);
  expect_in_ci(estimate(r, "service.svc.up.mean"), a.availability);
  // The CI must be informative: narrower than a tenth of the unavailability it estimates.
  EXPECT_LT(availability.ci_high() - availability.ci_low(), 0.2 * (1.0 - a.availability)) << c.file;

  // System failure frequency w = A / MUT: outage count over the horizon, and mean outage duration
  // MDT = (1 - A) / w.
  const double w = a.availability / a.mean_up_time_between_failures;
  expect_in_ci(estimate(r, "service.svc.outages"), w * horizon);
  expect_in_ci(estimate(r, "service.svc.outage_duration_hours.mean"), (1.0 - a.availability) / w);

  // Each component fails at rate 1/MTBF while up: E[failures] = horizon * P(component up) / MTBF,
  // P(component up) = sum_i pi(i) (n - i) / n.
  double component_up = 0.0;
  for (int i = 0; i <= c.n; ++i) component_up += a.state_probabilities[i] * (c.n - i) / c.n;
  for (const auto& comp : s.infrastructure().components())
    expect_in_ci(estimate(r, "component." + comp.name() + ".failures"), horizon * component_up / 1000.0);

  // Structured results agree with the flat metrics.
  for (const auto& rep : r.replications()) {
    ASSERT_EQ(rep.infrastructure().services_size(), 1);
    const auto& svc = rep.infrastructure().services(0);
    EXPECT_EQ(static_cast<int>(svc.outages()), svc.outage_log_size());
    EXPECT_NEAR(svc.downtime_minutes(), (1.0 - svc.availability()) * horizon * 60.0, 1e-6 * horizon);
    // Calendar months from the default start (2024-01-01), up to the one holding the horizon.
    const sim::ReportingMonths months(models::kDefaultStartDay);
    ASSERT_EQ(svc.months_size(), static_cast<int>(months.month_at(sim::hours(horizon) - 1.0)) + 1);
    for (int m = 0; m < svc.months_size(); ++m) {
      EXPECT_EQ(svc.months(m).label(), months.label(static_cast<std::size_t>(m)));
      EXPECT_EQ(svc.months(m).start_hours(), sim::to_hours(months.start(static_cast<std::size_t>(m))));
    }
  }
}

TEST(AvailabilityValidation, SingleComponentMatchesMtbfOverMtbfPlusMttr) {
  EXPECT_NEAR(analytic({"", 1, 1, 1}).availability, 0.990099, 1e-6);
  check({"availability-single.textproto", 1, 1, 1});
}

TEST(AvailabilityValidation, OneOfTwoIndependentRepairMatchesCtmc) {
  EXPECT_NEAR(analytic({"", 1, 2, 2}).availability, 0.99990197, 1e-8);
  check({"availability-1of2-two-crews.textproto", 1, 2, 2});
}

TEST(AvailabilityValidation, TwoOfThreeSharedCrewMatchesCtmc) {
  // With one crew, repairs queue: the value differs from the independent-repair one, and the
  // simulation must find the shared-crew value.
  const double shared = analytic({"", 2, 3, 1}).availability;
  const double independent = analytic({"", 2, 3, 3}).availability;
  EXPECT_GT(independent - shared, 1e-5);
  check({"availability-2of3-one-crew.textproto", 2, 3, 1});
}

}  // namespace
}  // namespace desksim::models
