// check-fit's figures, by hand: arrivals per weekday, quantiles of time to resolve, reassignments,
// waiting states, made_sla and the backlog, from a handful of tickets; and per-ticket records read back.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "models/calibration/csv_stream.hpp"
#include "models/calibration/fit_figures.hpp"

namespace desksim::models::calibration {
namespace {

std::map<std::string, FitFigure> by_name(const std::vector<FitFigure>& figures) {
  std::map<std::string, FitFigure> out;
  for (const auto& f : figures) out[f.name] = f;
  return out;
}

TicketFacts ticket(double opened, std::optional<double> resolved, int priority, int reassignments, int made_sla) {
  TicketFacts t;
  t.opened = opened;
  t.resolved = resolved;
  t.priority = priority;
  t.reassignments = reassignments;
  t.made_sla = made_sla;
  return t;
}

TEST(FitFigures, MatchAHandCount) {
  // Window: days 7..13 of a log that starts on a Monday (the second week). A ticket of the first
  // week is outside it, but still open at the end of day 7, so it counts in the backlog.
  std::vector<TicketFacts> t = {
      ticket(10.0, std::nullopt, 3, 0, -1),        // week 1, never resolved
      ticket(7 * 24 + 1.0, 7 * 24 + 2.0, 3, 0, 1),  // Monday, 1 h
      ticket(7 * 24 + 5.0, 7 * 24 + 9.0, 3, 1, 1),  // Monday, 4 h
      ticket(8 * 24 + 1.0, 8 * 24 + 11.0, 2, 2, 0), // Tuesday, 10 h
      ticket(13 * 24 + 1.0, std::nullopt, 4, 0, -1),  // Sunday, still open
  };
  t[2].entered[kWaitUser] = true;
  auto f = by_name(fit_figures(t, FitWindow{7, 14, 0}));
  EXPECT_DOUBLE_EQ(f["arrivals.Mon"].value, 2.0);
  EXPECT_DOUBLE_EQ(f["arrivals.Tue"].value, 1.0);
  EXPECT_DOUBLE_EQ(f["arrivals.Wed"].value, 0.0);
  EXPECT_DOUBLE_EQ(f["arrivals.Sun"].value, 1.0);
  // Resolved in the window: 1, 4 and 10 h; type-7 quantiles: p50 = 4, p75 = 7, p90 = 8.8.
  EXPECT_DOUBLE_EQ(f["resolve_hours.p50"].value, 4.0);
  EXPECT_DOUBLE_EQ(f["resolve_hours.p75"].value, 7.0);
  EXPECT_NEAR(f["resolve_hours.p90"].value, 8.8, 1e-12);
  EXPECT_DOUBLE_EQ(f["resolve_hours.p50.P2"].value, 10.0);
  EXPECT_FALSE(f["resolve_hours.p50.P1"].defined);
  EXPECT_NEAR(f["never_reassigned"].value, 1.0 / 3, 1e-12);
  EXPECT_NEAR(f["reassigned.2"].value, 1.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(f["reassigned.3plus"].value, 0.0);
  EXPECT_NEAR(f["entered.waiting_on_user"].value, 1.0 / 3, 1e-12);
  EXPECT_NEAR(f["made_sla"].value, 2.0 / 3, 1e-12);
  // Open at the end of day 7 (Monday): the week-1 ticket only; of day 13: it and Sunday's.
  EXPECT_DOUBLE_EQ(f["backlog.day1"].value, 1.0);
  EXPECT_DOUBLE_EQ(f["backlog.day7"].value, 2.0);
}

TEST(FitFigures, PerTicketRecordsReadBack) {
  const auto path = std::filesystem::temp_directory_path() / "desksim-fit-records.csv";
  std::string hours;
  for (int s = 1; s < 16; ++s) hours += ",0";
  {
    std::ofstream out(path);
    // A category name with a comma in it, quoted as the writer quotes it.
    out << "0,1,5.5,7,portal,\"Network, WAN\",2,closed,9.5,130,1,0" << hours << ",g1@5.5-6;g2@6-9.5,waiting_on_user@6-7\n";
    out << "0,2,6,8,portal,Email,3,queued,,,," << hours << ",g1@6-0,\n";
  }
  const auto facts = facts_from_records(path.string());
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_DOUBLE_EQ(facts[0].opened, 5.5);
  EXPECT_EQ(facts[0].priority, 2);
  EXPECT_DOUBLE_EQ(*facts[0].resolved, 9.5);
  EXPECT_EQ(facts[0].made_sla, 0);
  EXPECT_EQ(facts[0].reassignments, 1);
  EXPECT_TRUE(facts[0].entered[kWaitUser]);
  EXPECT_FALSE(facts[1].resolved.has_value());
  EXPECT_EQ(facts[1].made_sla, -1);
  std::ofstream(path) << "0,1,5\n";
  EXPECT_THROW(facts_from_records(path.string()), InputError);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace desksim::models::calibration
