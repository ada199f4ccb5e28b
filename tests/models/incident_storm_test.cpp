// Outages flood the desk: storm incidents arrive at the documented rate (count against the integral
// of the rate law), are linked to one major incident per outage and closed with it, and compete with
// normal demand for the same agents (waits rise against the same scenario without the storm, with
// common random numbers).
#include <cmath>
#include <sstream>

#include <gtest/gtest.h>

#include "analysis/statistics/replication_statistics.hpp"
#include "models/infra/incident_storm.hpp"
#include "models/infra/storm_intensity.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/simgrid_runtime.hpp"
#include "sim/replication/replication_runner.hpp"
#include "tests/models/infra_test_support.hpp"

namespace desksim::models {
namespace {

using testing::estimate;

TEST(StormIntensity, PeaksAtPeakTimeWithPeakValue) {
  const StormIntensity s(30.0, 10.0, 60.0);
  EXPECT_NEAR(s.peak_time(), 10.0 * std::log(7.0), 1e-12);
  EXPECT_NEAR(s.rate(s.peak_time()), 30.0, 1e-12);
  EXPECT_LT(s.rate(s.peak_time() * 0.9), 30.0);
  EXPECT_LT(s.rate(s.peak_time() * 1.1), 30.0);
  EXPECT_EQ(s.rate(0.0), 0.0);
  // expected_count is the integral of rate: compare with a fine trapezoid rule.
  double sum = 0.0;
  const int steps = 200000;
  const double d = 180.0, h = d / steps;
  for (int i = 0; i < steps; ++i) sum += 0.5 * h * (s.rate(i * h) + s.rate((i + 1) * h));
  EXPECT_NEAR(s.expected_count(d) / sum, 1.0, 1e-8);
}

// A sink that checks every incident's link, in a child process (the storm needs a kernel, so a
// SimGrid engine; one per process).
class RecordingSink final : public IncidentSink {
 public:
  void raise_incident(const StormIncident& i) override { incidents.push_back(i); }
  std::vector<StormIncident> incidents;
};

// Opens and closes outages at fixed times from ticket events.
class OutageScript final : public sim::EventHandler {
 public:
  OutageScript(sim::EventKernel& k, IncidentStorm& storm) : storm_(storm), id_(k.add_handler(this, "script")) {}
  sim::HandlerId id() const { return id_; }
  void on_event(sim::Time now, std::uint64_t start) override {
    start ? storm_.outage_started(now) : storm_.outage_ended(now);
  }

 private:
  IncidentStorm& storm_;
  sim::HandlerId id_;
};

TEST(IncidentStorm, IncidentsLinkToTheirOutagesMajorIncidentAndFollowTheRate) {
  // 200 outages of 2 h, one every 10 h; peak 40/h, rise 6 min, decay 30 min.
  constexpr int kOutages = 200;
  const auto body = [](unsigned) -> std::string {
    sim::SimGridRuntime runtime;
    sim::EventKernel kernel(runtime);
    sim::SignalBus signals;
    RecordingSink sink;
    std::uint64_t next_id = 0;
    IncidentStormOptions o;
    o.service_name = "svc";
    o.service_index = 3;
    o.intensity = StormIntensity(40.0 / 3600.0, 360.0, 1800.0);
    o.work = sim::Distribution::deterministic(60.0);
    IncidentStorm storm(kernel, signals, &sink, o, 7, 0, &next_id);
    OutageScript script(kernel, storm);
    for (int i = 0; i < kOutages; ++i) {
      kernel.schedule_at(sim::hours(10.0 * i + 1.0), script.id(), 1);
      kernel.schedule_at(sim::hours(10.0 * i + 3.0), script.id(), 0);
    }
    kernel.run_until(sim::hours(10.0 * kOutages));
    std::ostringstream problems;
    for (const StormIncident& inc : sink.incidents) {
      const double t = sim::to_hours(inc.raised_at);
      const int outage = static_cast<int>(std::floor(t / 10.0));
      const double into = t - 10.0 * outage;
      if (!(into > 1.0 && into < 3.0)) problems << "incident at " << t << " h is outside every outage; ";
      if (inc.major_incident != static_cast<std::uint64_t>(outage + 1))
        problems << "incident at " << t << " h linked to major incident " << inc.major_incident << "; ";
      if (inc.service != 3 || inc.work != 60.0) problems << "wrong service or work; ";
    }
    if (storm.major_incidents() != kOutages) problems << "major incidents " << storm.major_incidents() << "; ";
    return problems.str() + "|" + std::to_string(sink.incidents.size());
  };
  sim::ReplicationRunnerOptions options;
  std::string error;
  const auto out = sim::run_replications(options, body, &error);
  ASSERT_EQ(out.size(), 1u) << error;
  const auto bar = out[0].find('|');
  EXPECT_EQ(out[0].substr(0, bar), "");
  // Count: Poisson with mean kOutages * integral of the rate over 2 h; a 99.9% interval (z = 3.29)
  // of that Poisson count.
  const double mean = kOutages * StormIntensity(40.0, 0.1, 0.5).expected_count(2.0);
  const double count = std::stod(out[0].substr(bar + 1));
  EXPECT_NEAR(count, mean, 3.29 * std::sqrt(mean)) << "expected " << mean;
}

scenario::Scenario without_storm(scenario::Scenario s) {
  s.mutable_infrastructure()->mutable_services(0)->mutable_storm()->set_peak_incidents_per_user_per_hour(0.0);
  return s;
}

TEST(OutageStorm, LinkedToOneMajorIncidentPerOutageAndClosedWithIt) {
  const scenario::Scenario s = testing::load_validation_scenario("outage-storm.textproto");
  const results::RunResult r = testing::run(s, s.run().replications());
  for (const auto& rep : r.replications()) {
    const auto& svc = rep.infrastructure().services(0);
    EXPECT_EQ(svc.outages(), 4u);  // failures at 200, 403, 606, 809 h
    EXPECT_EQ(svc.major_incidents(), svc.outages());
    std::uint64_t linked = 0;
    for (const auto& o : svc.outage_log()) {
      EXPECT_TRUE(o.ended());
      EXPECT_NEAR(o.end_hours() - o.start_hours(), 3.0, 1e-6);
      linked += o.storm_tickets();
    }
    EXPECT_EQ(linked, svc.storm_tickets());
    EXPECT_GT(svc.storm_tickets(), 0u);
    // Every linked incident was closed with its parent, at most 3 h after it was raised.
    bool found = false;
    for (const auto& t : rep.tallies()) {
      if (t.name() != "storm.records.time_to_close_hours") continue;
      found = true;
      EXPECT_EQ(t.count(), svc.storm_tickets());
      EXPECT_LE(t.max(), 3.0 + 1e-9);
    }
    EXPECT_TRUE(found);
    // 4 outages of 3 h in 1000 h...
    EXPECT_NEAR(svc.downtime_minutes(), 4 * 180.0, 1e-6);
    EXPECT_FALSE(svc.target_met());
    // Month 0, January 2024 (the default start; 0-744 h), holds the outages at 200, 403, 606 h:
    // 9 h down -> 98.79% -> 25% credit. February ends at 1440 h, after the run: not charged.
    EXPECT_EQ(svc.months(0).label(), "2024-01");
    EXPECT_NEAR(svc.months(0).availability(), 1.0 - 9.0 / 744.0, 1e-12);
    EXPECT_NEAR(svc.credit_pounds(), 25000.0, 1e-6);
  }
  // Storm tickets against the rate law: 4 outages x integral of the rate over 3 h.
  const double peak = 5000 * 0.006;
  const double expected = 4 * StormIntensity(peak, 10.0 / 60.0, 1.0).expected_count(3.0);
  const auto& tickets = estimate(r, "storm.records.tickets");
  EXPECT_LE(tickets.ci_low(), expected);
  EXPECT_GE(tickets.ci_high(), expected);
}

TEST(OutageStorm, RaisesDeskWaitsAgainstTheSameRunWithoutIt) {
  const scenario::Scenario with = testing::load_validation_scenario("outage-storm.textproto");
  const unsigned n = with.run().replications();
  const results::RunResult a = testing::run(without_storm(with), n);
  const results::RunResult b = testing::run(with, n);
  std::vector<double> wait_a, wait_b;
  for (const auto& rep : a.replications())
    for (const auto& t : rep.tallies())
      if (t.name() == "desk.wait_hours") wait_a.push_back(t.mean());
  for (const auto& rep : b.replications())
    for (const auto& t : rep.tallies())
      if (t.name() == "desk.wait_hours") wait_b.push_back(t.mean());
  ASSERT_EQ(wait_a.size(), n);
  ASSERT_EQ(wait_b.size(), n);
  const analysis::Estimate d = analysis::estimate_paired_difference(wait_a, wait_b);
  EXPECT_GT(d.low, 0.0) << "mean wait increase " << d.mean << " h, CI [" << d.low << ", " << d.high << "]";
  // Without the storm there are no storm tickets, but the outages and major incidents remain.
  EXPECT_EQ(estimate(a, "storm.records.tickets").mean(), 0.0);
  EXPECT_EQ(estimate(a, "service.records.major_incidents").mean(), 4.0);
}

}  // namespace
}  // namespace desksim::models
