#include "analysis/report/text_summary.hpp"

#include <gtest/gtest.h>

namespace desksim::analysis {
namespace {

TEST(TextSummary, HeadlineMetricsLeaveBreakdownsToTheResultsFiles) {
  for (const char* shown : {"desk.wait_hours.mean", "tickets.raised", "service.records.availability",
                            "supplier.applications.resolution_attainment.mean", "supplier.applications.credit_pounds"})
    EXPECT_TRUE(is_headline_metric(shown)) << shown;
  for (const char* hidden : {"desk.wait_hours.p90", "desk.wait_hours.P1.mean", "desk.abandon.phone.mean",
                             "group.eus.wait_hours.mean", "component.a.failures", "tickets.raised_total",
                             "desk.wait_hours.fraction_le_0", "tickets.open_at_end"})
    EXPECT_FALSE(is_headline_metric(hidden)) << hidden;
}

TEST(TextSummary, CountsWhatItLeavesOutAndPrintsEverythingOnRequest) {
  results::RunResult run;
  run.set_scenario_name("s");
  run.add_replications()->set_events(10);
  for (const char* name : {"desk.wait_hours.mean", "desk.wait_hours.p90", "desk.wait_hours.P1.mean"}) {
    auto* e = run.add_estimates();
    e->set_name(name);
    e->set_n(1);
    e->set_confidence(0.95);
  }
  const std::string headline = text_summary(run), all = text_summary(run, true);
  EXPECT_NE(headline.find("desk.wait_hours.mean"), std::string::npos);
  EXPECT_EQ(headline.find("desk.wait_hours.p90"), std::string::npos);
  EXPECT_NE(headline.find("(2 more metrics in the results files"), std::string::npos) << headline;
  EXPECT_NE(all.find("desk.wait_hours.P1.mean"), std::string::npos);
  EXPECT_EQ(all.find("more metrics"), std::string::npos);
}

TEST(TextSummary, SaysWhenAMetricWasObservedInFewerReplicationsThanTheRun) {
  results::RunResult run;
  run.set_scenario_name("s");
  for (int r = 0; r < 3; ++r) run.add_replications();
  for (std::uint32_t n : {3u, 2u}) {
    auto* e = run.add_estimates();
    e->set_name(n == 3 ? "tickets.raised" : "desk.wait_hours.mean");
    e->set_n(n);
    e->set_confidence(0.95);
  }
  const std::string summary = text_summary(run);
  EXPECT_NE(summary.find("(observed in 2 of 3 replications)"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("observed in 3"), std::string::npos) << summary;
}

}  // namespace
}  // namespace desksim::analysis
