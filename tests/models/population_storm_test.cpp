// Outages flood the population-mode desk: storm tickets come from the users who depend on the
// service, compete with normal demand for the same agents (waits and abandonment rise against the
// same run without the outages, on common random numbers), and are closed with their major incident.
#include <gtest/gtest.h>

#include "analysis/statistics/replication_statistics.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

using testing::counter;
using testing::tally_mean;
using testing::time_average;

TEST(PopulationStorm, OutagesAddLinkedTicketsThatCompeteForTheSameAgents) {
  const auto with = testing::load("scenarios/validation/population-outage-storm.textproto");
  auto without = with;
  without.clear_infrastructure();
  const unsigned replications = 8;
  const auto a = testing::run(with, replications), b = testing::run(without, replications);
  ASSERT_EQ(a.replications_size(), static_cast<int>(replications));
  std::vector<double> wait_with, wait_without, abandon_with, abandon_without;
  for (unsigned r = 0; r < replications; ++r) {
    const auto& x = a.replications(static_cast<int>(r));
    const auto& y = b.replications(static_cast<int>(r));
    // Normal demand draws from its own streams, so the storm adds tickets and changes nothing else:
    // the difference in raised tickets is exactly the storm's count, in every replication.
    const std::uint64_t storm = counter(x, "storm.records.tickets");
    EXPECT_GT(storm, 0u);
    EXPECT_EQ(counter(x, "storm.tickets"), storm);
    EXPECT_EQ(counter(x, "tickets.raised_total"), counter(y, "tickets.raised_total") + storm);
    // Conservation, with storm tickets closed when the service is restored.
    EXPECT_EQ(counter(x, "tickets.raised_total"), counter(x, "tickets.resolved_total") +
                                                      counter(x, "tickets.abandoned_total") +
                                                      counter(x, "tickets.open_at_end"));
    EXPECT_EQ(x.infrastructure().services(0).major_incidents(), 9u);  // failures at 200, 403, ..., 1824 h
    wait_with.push_back(tally_mean(x, "desk.wait_hours"));
    wait_without.push_back(tally_mean(y, "desk.wait_hours"));
    abandon_with.push_back(tally_mean(x, "desk.abandon"));
    abandon_without.push_back(tally_mean(y, "desk.abandon"));
  }
  // The storm shows in waits and abandonment: paired 95% intervals of the increase lie above 0.
  const auto wait_increase = analysis::estimate_paired_difference(wait_without, wait_with);
  const auto abandon_increase = analysis::estimate_paired_difference(abandon_without, abandon_with);
  EXPECT_GT(wait_increase.low, 0.0) << "mean increase " << wait_increase.mean;
  EXPECT_GT(abandon_increase.low, 0.0) << "mean increase " << abandon_increase.mean;
}

TEST(PopulationStorm, DependentUsersComeFromTheServicesSegmentsAndSites) {
  // Half the users are at "north" (site mix 1:1, apportioned exactly); with all sites depending on
  // the service, the storm's rate doubles. Compare expected counts: storm tickets are Poisson with a
  // mean proportional to the dependent users, so the all-sites run raises about twice as many.
  auto north = testing::load("scenarios/validation/population-outage-storm.textproto");
  auto all = north;
  all.mutable_infrastructure()->mutable_services(0)->clear_dependent_sites();
  const auto a = testing::run(north, 6), b = testing::run(all, 6);
  std::vector<double> north_counts, all_counts;
  for (int r = 0; r < 6; ++r) {
    north_counts.push_back(static_cast<double>(counter(a.replications(r), "storm.records.tickets")));
    all_counts.push_back(static_cast<double>(counter(b.replications(r), "storm.records.tickets")));
  }
  const auto n = analysis::estimate_mean(north_counts), m = analysis::estimate_mean(all_counts);
  // Ratio of means against 2, with the interval of the ratio bounded by the two intervals.
  EXPECT_LT(m.low / n.high, 2.0);
  EXPECT_GT(m.high / n.low, 2.0);
  EXPECT_GT(m.mean, 1.5 * n.mean);
}

TEST(PopulationStorm, ValidatorChecksTheLinks) {
  auto s = testing::load("scenarios/validation/population-outage-storm.textproto");
  auto* service = s.mutable_infrastructure()->mutable_services(0);
  service->set_dependent_sites(0, "east");
  service->set_dependent_users(100);
  service->mutable_storm()->set_channel("fax");
  service->mutable_storm()->set_priority(7);
  std::vector<models::Diagnostic> d;
  models::validate_scenario(s, &d);
  std::vector<std::string> lines;
  for (const auto& x : d) lines.push_back(x.field_path + ": " + x.message);
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "infrastructure.services[0].dependent_users: must be 0 in population mode: dependent users "
                       "come from dependent_segments and dependent_sites (got 100)",
                       "infrastructure.services[0].dependent_sites[0]: unknown site \"east\"",
                       "infrastructure.services[0].storm.channel: channel \"fax\" is not configured in desk.channels",
                       "infrastructure.services[0].storm.priority: must be 1-4, or 0 for the default 3 (got 7)",
                   }));
}

}  // namespace
}  // namespace desksim
