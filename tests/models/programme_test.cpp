// A programme of dated changes: a change takes effect at its date (counts before and after as the
// rates say, within their intervals), a roster change moves staff hours exactly, a ramp has its
// integral, and what cannot change during a run is refused by field.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/statistics/replication_statistics.hpp"
#include "models/scenario/programme.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/models/service_desk_test_support.hpp"

namespace desksim {
namespace {

// The OLA case: 5 tickets an hour from one segment of one user (3,652.5 a month), a 20-agent desk,
// from Monday 1 January 2024 for 1,471 h (January 744 h, February 696 h, 31 h of March).
scenario::Scenario base() {
  auto s = testing::load("scenarios/validation/ola-chase-ample-servers.textproto");
  s.mutable_run()->set_replications(8);
  return s;
}

scenario::ProgrammeStep* step(scenario::Scenario* s, const std::string& name, const std::string& from) {
  auto* st = s->mutable_programme()->add_steps();
  st->set_name(name);
  st->set_from_date(from);
  return st;
}

void set(scenario::ProgrammeStep* st, const std::string& field, const std::string& value) {
  auto* f = st->add_set();
  f->set_field(field);
  f->set_value(value);
}

std::vector<double> month_values(const results::RunResult& r, const std::string& series, int month) {
  std::vector<double> v;
  for (const auto& rep : r.replications())
    if (const auto* s = testing::series(rep, series)) v.push_back(s->values(month));
  return v;
}

// The mean over replications is within its 99% Student-t interval of `expected`.
void expect_mean_near(const std::vector<double>& values, double expected, const std::string& what) {
  const auto e = analysis::estimate_mean(values, 0.99);
  EXPECT_LE(e.low, expected) << what << ": mean " << e.mean << " [" << e.low << ", " << e.high << "]";
  EXPECT_GE(e.high, expected) << what << ": mean " << e.mean << " [" << e.low << ", " << e.high << "]";
}

TEST(Programme, ADatedChangeTakesEffectAtItsDate) {
  auto s = base();
  auto* st = step(&s, "demand doubles, desk grows", "2024-02-01");
  set(st, "demand.population.segments[name=users].incidents_per_user_per_month", "7305");
  set(st, "desk.agents", "30");
  std::vector<models::Diagnostic> problems;
  models::validate_scenario(s, &problems);
  ASSERT_TRUE(problems.empty()) << models::format_all(problems);
  const auto r = testing::run(s, 8);
  // Poisson counts: 5/h in January, 10/h from 1 February.
  expect_mean_near(month_values(r, "tickets.raised_per_month", 0), 5.0 * 744, "January");
  expect_mean_near(month_values(r, "tickets.raised_per_month", 1), 10.0 * 696, "February");
  expect_mean_near(month_values(r, "tickets.raised_per_month", 2), 10.0 * 31, "March");
  // The roster is deterministic: staff hours exactly 20 agents in January, 30 from February.
  for (const auto& rep : r.replications()) {
    const auto* hours = testing::series(rep, "desk.staff_hours_per_month");
    ASSERT_NE(hours, nullptr);
    EXPECT_NEAR(hours->values(0), 20.0 * 744, 1e-6);
    EXPECT_NEAR(hours->values(1), 30.0 * 696, 1e-6);
  }
}

TEST(Programme, ARampIsSteppedAtItsMidpointsSoThatItHasTheRampsIntegral) {
  auto s = base();
  auto* ramp = step(&s, "demand grows", "2024-01-08");
  ramp->set_until_date("2024-02-19");  // six weeks, in steps of 7 days
  auto* r = ramp->add_ramps();
  r->set_field("demand.population.segments[name=users].incidents_per_user_per_month");
  r->set_to(3 * 3652.5);
  std::vector<models::Epoch> epochs;
  std::vector<models::Diagnostic> problems;
  ASSERT_TRUE(models::expand_programme(s, &epochs, &problems)) << models::format_all(problems);
  ASSERT_EQ(epochs.size(), 8u);  // the start, six ramp steps, the ramp's end value
  double integral = 0;  // of the monthly rate over the ramp, in rate x days
  for (std::size_t e = 1; e <= 6; ++e) {
    const double days = (epochs[e + 1].start_seconds - epochs[e].start_seconds) / 86400.0;
    const double rate = epochs[e].scenario.demand().population().segments(0).incidents_per_user_per_month();
    EXPECT_NEAR(rate, 3652.5 * (1 + 2 * (e - 0.5) / 6), 1e-9) << "step " << e;
    integral += rate * days;
  }
  EXPECT_NEAR(integral, (3652.5 + 3 * 3652.5) / 2 * 42, 1e-6);
  EXPECT_NEAR(epochs[7].scenario.demand().population().segments(0).incidents_per_user_per_month(), 3 * 3652.5, 1e-9);
  EXPECT_NEAR(epochs[7].start_seconds, 49 * 86400.0, 1e-9);  // 19 February, day 49

  // And the run raises that many: January is 7 days at 5/h and 24 days of the ramp's first 3.4 weeks.
  const auto run = testing::run(s, 8);
  double january = 7 * 24 * 5.0;  // before the ramp
  for (std::size_t e = 1; e <= 4; ++e) {
    const double from = epochs[e].start_seconds / 3600, to = std::min(744.0, epochs[e + 1].start_seconds / 3600);
    const double per_hour = epochs[e].scenario.demand().population().segments(0).incidents_per_user_per_month() / 730.5;
    if (to > from) january += per_hour * (to - from);
  }
  expect_mean_near(month_values(run, "tickets.raised_per_month", 0), january, "January with the ramp");
}

TEST(Programme, WhatCannotChangeDuringARunIsRefusedByField) {
  auto s = base();
  set(step(&s, "more users", "2024-02-01"), "demand.population.segments[name=users].users", "2");
  std::vector<models::Diagnostic> problems;
  models::validate_scenario(s, &problems);
  std::string text = models::format_all(problems);
  EXPECT_NE(text.find("from more users 2024-02-01: a segment's users (demand.population.segments[0].users) cannot change by date"),
            std::string::npos) << text;

  s = base();
  set(step(&s, "early", "2023-12-01"), "desk.agents", "30");  // before the start
  problems.clear();
  models::validate_scenario(s, &problems);
  text = models::format_all(problems);
  EXPECT_NE(text.find("programme.steps[0].from_date: must be on or after run.start_date"), std::string::npos) << text;

  // A step after the run's end changes nothing (a run cut short ends before the programme does).
  s = base();
  set(step(&s, "late", "2025-01-01"), "desk.agents", "0");
  std::vector<models::Epoch> epochs;
  problems.clear();
  EXPECT_TRUE(models::expand_programme(s, &epochs, &problems)) << models::format_all(problems);
  EXPECT_EQ(epochs.size(), 1u);

  s = base();
  set(step(&s, "bad", "2024-02-01"), "desk.agents", "0");  // the epoch fails validation
  problems.clear();
  models::validate_scenario(s, &problems);
  text = models::format_all(problems);
  EXPECT_NE(text.find("desk.agents: from bad 2024-02-01: must be >= 1"), std::string::npos) << text;

  // A ramp in daily steps over six years is more dated changes than a run holds.
  s = base();
  s.mutable_run()->set_horizon_hours(24 * 2200);
  auto* daily = step(&s, "daily ramp", "2024-01-02");
  daily->set_until_date("2030-01-01");
  auto* r = daily->add_ramps();
  r->set_field("desk.agents");
  r->set_to(30);
  s.mutable_programme()->set_ramp_step_days(1);
  problems.clear();
  models::validate_scenario(s, &problems);
  text = models::format_all(problems);
  EXPECT_NE(text.find("programme: more than 2000 dated changes"), std::string::npos) << text;

  s = base();
  auto* ramp = step(&s, "ramp", "2024-01-08");
  ramp->set_until_date("2024-02-01");
  ramp->add_ramps()->set_field("desk.supplier");
  problems.clear();
  models::validate_scenario(s, &problems);
  text = models::format_all(problems);
  EXPECT_NE(text.find("programme.steps[0].ramps[0].field: desk.supplier: not a number"), std::string::npos) << text;
}

}  // namespace
}  // namespace desksim

namespace desksim {
namespace {

// A server that fails every 200 h (deterministic up time) gets a new law from 1 February 2024: the up
// period already drawn runs its course, so at most one more outage starts after the date.
TEST(Programme, AComponentsNewReliabilityAppliesFromItsNextUpPeriod) {
  auto s = testing::load("scenarios/validation/population-outage-storm.textproto");
  s.mutable_run()->set_replications(1);
  auto* st = s.mutable_programme()->add_steps();
  st->set_name("new hosting");
  st->set_from_date("2024-02-01");
  auto* f = st->add_set();
  f->set_field("infrastructure.components[name=records-server].time_to_failure_hours.deterministic.value");
  f->set_value("1000000");
  std::vector<models::Diagnostic> problems;
  models::validate_scenario(s, &problems);
  ASSERT_TRUE(problems.empty()) << models::format_all(problems);
  const auto r = testing::run(s, 1);
  int before = 0, after = 0;
  for (const auto& service : r.replications(0).infrastructure().services())
    for (const auto& o : service.outage_log()) (o.start_hours() < 744 ? before : after) += 1;
  EXPECT_GE(before, 3);
  EXPECT_LE(after, 1);

  // Anything else in the infrastructure is refused by date.
  f->set_field("infrastructure.repair_crews[name=crew].crews");
  f->set_value("2");
  problems.clear();
  models::validate_scenario(s, &problems);
  EXPECT_NE(models::format_all(problems).find("the infrastructure other than its components'"), std::string::npos)
      << models::format_all(problems);
}

}  // namespace
}  // namespace desksim

namespace desksim {
namespace {

TEST(Programme, ARampOfAWholeNumberFieldMovesByWholeNumbers) {
  auto s = testing::load("scenarios/validation/ola-chase-ample-servers.textproto");
  auto* st = s.mutable_programme()->add_steps();
  st->set_name("hire");
  st->set_from_date("2024-01-08");
  st->set_until_date("2024-01-29");  // three weekly steps: midpoints 1/6, 1/2 and 5/6 of the way
  auto* r = st->add_ramps();
  r->set_field("desk.agents");
  r->set_to(26);
  std::vector<models::Epoch> epochs;
  std::vector<models::Diagnostic> problems;
  ASSERT_TRUE(models::expand_programme(s, &epochs, &problems)) << models::format_all(problems);
  ASSERT_EQ(epochs.size(), 5u);
  EXPECT_EQ(epochs[1].scenario.desk().agents(), 21u);  // 20 + 6/6
  EXPECT_EQ(epochs[2].scenario.desk().agents(), 23u);  // 20 + 3
  EXPECT_EQ(epochs[3].scenario.desk().agents(), 25u);  // 20 + 5
  EXPECT_EQ(epochs[4].scenario.desk().agents(), 26u);
}

}  // namespace
}  // namespace desksim
