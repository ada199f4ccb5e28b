#include "analysis/report/text_summary.hpp"

#include <gtest/gtest.h>

namespace desksim::analysis {
namespace {

TEST(TextSummary, GroupsTheHeadlinesWithUnitsAndPrintsEverythingOnRequest) {
  results::RunResult run;
  run.set_scenario_name("s");
  run.add_replications()->set_events(10);
  auto add = [&](const char* name, double mean, double low, double high, const char* unit, const char* method) {
    auto* e = run.add_estimates();
    e->set_name(name);
    e->set_n(5);
    e->set_mean(mean);
    e->set_ci_low(low);
    e->set_ci_high(high);
    e->set_unit(unit);
    e->set_method(method);
    e->set_confidence(0.95);
  };
  add("tickets.raised", 315841, 311635, 320110, "tickets", "lognormal-cox");
  add("desk.wait_hours.mean", 0.0343, 0.0073, 0.195, "hours", "lognormal-cox");
  add("desk.abandon.mean", 0.0228, 0.018, 0.028, "share", "logit-t");
  add("desk.wait_hours.p90", 0.1, 0.05, 0.2, "hours", "lognormal-cox");
  const std::string summary = text_summary(run), all = text_summary(run, true);
  // Minutes for a wait under an hour, thousands separated, shares in percent, grouped by topic.
  EXPECT_NE(summary.find("Demand         raised 315,841 [311,635, 320,110]"), std::string::npos) << summary;
  // An interval wider than the mean (0.438 to 11.7 min around 2.06) is not printed: the summary says
  // the replications are too few instead.
  EXPECT_NE(summary.find("Desk           wait to answer 2.06 min (5 replications are too few for a useful interval: run "
                         "more, or --precision) · abandoned 2.3% [1.8%, 2.8%]"),
            std::string::npos)
      << summary;
  EXPECT_EQ(summary.find("p90"), std::string::npos);
  EXPECT_NE(summary.find("(4 metrics with their interval methods in the results files"), std::string::npos) << summary;
  EXPECT_NE(all.find("desk.wait_hours.p90"), std::string::npos);
  EXPECT_NE(all.find("logit-t"), std::string::npos);
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
  const std::string summary = text_summary(run, true);
  EXPECT_NE(summary.find("(observed in 2 of 3 replications)"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("observed in 3"), std::string::npos) << summary;
}

}  // namespace
}  // namespace desksim::analysis
