// The staffing optimiser: station loads by hand, the single stationary queue against Erlang C, and on
// a two-station network the monotonicity a cheapest roster must have and its targets on fresh seeds.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "analysis/analytic/erlang_c.hpp"
#include "analysis/statistics/run_estimates.hpp"
#include "models/optimise/analytic_staffing.hpp"
#include "models/optimise/candidate_evaluation.hpp"
#include "models/optimise/phased_staffing.hpp"
#include "models/optimise/roster_overlay.hpp"
#include "models/optimise/staffing_search.hpp"
#include "models/optimise/station_loads.hpp"
#include "models/scenario/programme.hpp"
#include "tests/models/optimise_test_support.hpp"

namespace desksim {
namespace {

models::OptimiseResult optimise(const scenario::Scenario& s, const models::OptimiseSettings& settings) {
  models::SearchLimits limits;
  limits.run = models::run_options_for(s, false, 0, settings.replications, 2);
  models::OptimiseResult r;
  std::string error;
  EXPECT_TRUE(models::optimise_staffing(s, settings, limits, &r, &error)) << error;
  return r;
}

TEST(StationLoads, TwoStationNetworkByHand) {
  const auto s = testing::parse_valid(testing::two_station_text(20));
  const auto loads = models::station_loads(s);
  ASSERT_EQ(loads.size(), 2u);
  EXPECT_EQ(loads[0].name, "desk");
  EXPECT_EQ(loads[1].name, "apps");
  for (std::size_t h = 0; h < 336; ++h) {
    EXPECT_NEAR(loads[0].arrivals_per_hour[h], 20.0, 1e-9);
    EXPECT_NEAR(loads[1].arrivals_per_hour[h], 10.0, 1e-9);  // half resolved at first contact
  }
  EXPECT_NEAR(loads[0].offered_load(0), 2.0, 1e-9);   // 20/h x 0.1 h
  EXPECT_NEAR(loads[1].offered_load(0), 10.0, 1e-9);  // 10/h x 1 h
}

TEST(AnalyticStaffing, ErlangCPerHalfHourForTheDeskServiceLevel) {
  const auto s = testing::parse_valid(testing::kSingleQueue);
  const auto settings = testing::settings_for(s, "targets { clock: DESK_SERVICE_LEVEL attainment: 0.85 }");
  const auto loads = models::station_loads(s);
  const auto need = models::analytic_requirement(s, loads[0], settings.stations[0], settings.targets);
  ASSERT_EQ(need.size(), 336u);
  for (auto x : need) EXPECT_EQ(x, 14u);  // Erlang C: 0.888 at 14 agents, 0.796 at 13
  // At 0.95 the answer is 16 (0.9706 at 16, 0.9415 at 15).
  const auto strict = testing::settings_for(s, "targets { clock: DESK_SERVICE_LEVEL attainment: 0.95 }");
  for (auto x : models::analytic_requirement(s, loads[0], strict.stations[0], strict.targets)) EXPECT_EQ(x, 16u);
}

TEST(AnalyticStaffing, ErlangAForThePhoneAbandonmentCeiling) {
  // Phone only, 20 calls an hour, 6 minutes each, patience exponential with mean 2 minutes: Erlang A
  // (birth-death chain) gives abandonment 5.96% with 4 agents and 1.98% with 5, so a 3% ceiling needs 5.
  std::string text = testing::two_station_text(20);
  const auto replace = [&text](const std::string& from, const std::string& to) { text.replace(text.find(from), from.size(), to); };
  replace(R"(channel_mix { name: "portal" weight: 1 })", R"(channel_mix { name: "phone" weight: 1 })");
  replace(R"(channels { name: "portal" handle_time_minutes { exponential { mean: 6 } } })",
          R"(channels { name: "phone" handle_time_minutes { exponential { mean: 6 } } patience_minutes { exponential { mean: 2 } } })");
  const auto s = testing::parse_valid(text);
  const auto settings = testing::settings_for(s, "phone_abandon_ceiling: 0.03");
  const auto loads = models::station_loads(s);
  EXPECT_NEAR(loads[0].impatient_share, 1.0, 1e-12);
  EXPECT_NEAR(loads[0].patience_rate_per_hour, 30.0, 1e-9);
  for (auto x : models::analytic_requirement(s, loads[0], settings.stations[0], settings.targets)) EXPECT_EQ(x, 5u);
}

TEST(StaffingOptimiser, SingleStationaryQueueEqualsTheErlangCMinimum) {
  const auto s = testing::parse_valid(testing::kSingleQueue);
  const auto settings = testing::settings_for(s, "targets { clock: DESK_SERVICE_LEVEL attainment: 0.85 }");
  const int analytic = analysis::erlang_c_agents_for_service_level(200, 20, 20.0 / 3600.0, 0.85);
  ASSERT_EQ(analytic, 14);  // P(W <= 20 s) = 0.888 at 14 agents, 0.796 at 13
  const auto r = optimise(s, settings);
  ASSERT_TRUE(r.feasible);
  const int found = static_cast<int>(r.scenario.desk().agents());
  if (found == analytic + 1) {
    // One agent more than the analytic minimum is right only when the simulation at the minimum could
    // not show the target met: its interval's lower end below the target, the analytic value inside it.
    auto at_minimum = s;
    at_minimum.mutable_desk()->set_agents(analytic);
    std::vector<results::RunResult> runs;
    std::string error;
    ASSERT_TRUE(models::evaluate_candidates({at_minimum}, models::run_options_for(s, false, 0, settings.replications, 2),
                                            settings.confidence, &runs, &error));
    const auto outcome = models::check_targets(runs[0], settings.targets)[0];
    EXPECT_LT(outcome.low, 0.85);
    EXPECT_LE(outcome.low, 0.88835);
    EXPECT_GE(outcome.high, 0.88835);
  } else {
    EXPECT_EQ(found, analytic);
  }
  // The interval reported contains the analytic service level of the staffing found.
  const double sl = analysis::erlang_c_service_level(200, 20, found, 20.0 / 3600.0);
  EXPECT_LE(r.targets[0].low, sl);
  EXPECT_GE(r.targets[0].high, sl);
  EXPECT_GT(r.simulations, 0u);
}

constexpr const char* kTwoStationTargets = R"pb(
  targets { supplier: "infrastructure" priority: 4 clock: RESPONSE attainment: 0.9 }
  targets { supplier: "applications" priority: 4 clock: RESOLUTION attainment: %s }
)pb";

std::string targets_at(double resolution) {
  char b[512];
  std::snprintf(b, sizeof b, kTwoStationTargets, std::to_string(resolution).c_str());
  return b;
}

TEST(StaffingOptimiser, TwoStationsLowerTargetNeverCostsMoreHigherDemandNeverLess) {
  const auto base = testing::parse_valid(testing::two_station_text(20));
  const auto strict = optimise(base, testing::settings_for(base, targets_at(0.85)));
  const auto lenient = optimise(base, testing::settings_for(base, targets_at(0.75)));
  const auto busier_scenario = testing::parse_valid(testing::two_station_text(25));
  const auto busier = optimise(busier_scenario, testing::settings_for(busier_scenario, targets_at(0.85)));
  ASSERT_TRUE(strict.feasible && lenient.feasible && busier.feasible);
  EXPECT_TRUE(strict.cost_in_pounds);
  EXPECT_LE(lenient.pounds_per_week, strict.pounds_per_week);
  EXPECT_GE(busier.pounds_per_week, strict.pounds_per_week);
  for (const auto& t : strict.targets) EXPECT_TRUE(t.met) << t.target.label;

  // On seeds the search never saw, no rerun shows a target missed: the upper end of each 95% interval
  // is at or above the target. (The search stops where the lower end meets a binding target, so the
  // truth lies near it; a rerun's lower end falls below it about half the time, which is no miss.)
  const auto targets = testing::settings_for(base, targets_at(0.85)).targets;
  for (std::uint64_t seed : {1000u, 2000u, 3000u}) {
    std::vector<results::RunResult> runs;
    std::string error;
    ASSERT_TRUE(models::evaluate_candidates({strict.scenario}, models::run_options_for(strict.scenario, true, seed, 5, 2), 0.95,
                                            &runs, &error))
        << error;
    for (const auto& o : models::check_targets(runs[0], targets)) {
      ASSERT_TRUE(o.observed) << o.target.metric;
      EXPECT_GE(o.high, o.target.level) << o.target.label << " seed " << seed << ": " << o.mean << " [" << o.low << ", " << o.high << "]";
    }
  }
}

TEST(StaffingOptimiser, RepairsAFirstGuessThatMissesATargetAndEndsAtALocalMinimum) {
  // Erlang C on the group's queue alone (the wait may use the 3 h target less the 1 h mean work) is
  // optimistic for a target on the whole time to resolve: the first guess misses it.
  const auto s = testing::parse_valid(testing::two_station_text(20));
  const auto settings = testing::settings_for(s, targets_at(0.9));
  const auto r = optimise(s, settings);
  ASSERT_TRUE(r.feasible);
  ASSERT_GE(r.rounds.size(), 2u);
  EXPECT_EQ(r.rounds[0].phase, "analytic");
  EXPECT_FALSE(r.rounds[0].incumbent_feasible);
  EXPECT_EQ(r.rounds[1].phase, "repair");
  EXPECT_GT(r.pounds_per_week, r.rounds[0].best_cost);
  // A local minimum: each station's next smaller square-root roster, the other kept, misses a target
  // on the search's own replications.
  const auto loads = models::station_loads(s);
  int checked = 0;
  for (std::size_t i = 0; i < r.stations.size(); ++i) {
    std::vector<std::uint32_t> lower;
    for (int k = static_cast<int>(std::lround(r.stations[i].beta / settings.beta_step)) - 1; k > -20; --k) {
      lower = models::square_root_roster(loads[i], settings.stations[i], k * settings.beta_step);
      if (lower != r.stations[i].on_duty) break;
    }
    std::vector<std::vector<std::uint32_t>> rosters = {r.stations[0].on_duty, r.stations[1].on_duty};
    rosters[i] = lower;
    double load = 0, staff = 0;
    for (std::size_t h = 0; h < 336; ++h) load += loads[i].offered_load(h), staff += lower[h];
    if (staff <= load) continue;  // below the weekly load: never searched
    std::vector<results::RunResult> runs;
    std::string error;
    ASSERT_TRUE(models::evaluate_candidates({models::with_rosters(s, settings.stations, rosters)},
                                            models::run_options_for(s, false, 0, settings.replications, 2),
                                            settings.confidence, &runs, &error));
    EXPECT_FALSE(models::all_met(models::check_targets(runs[0], settings.targets))) << r.stations[i].name;
    ++checked;
  }
  EXPECT_EQ(checked, 2);  // both stations could have gone lower
}

TEST(StaffingOptimiser, StopsAtTheBudgetWithTheFirstGuessEvaluated) {
  // A budget shorter than one simulation: the first guess is evaluated (the search needs the time one
  // takes), then nothing more; the first guess misses a target, so the result says so.
  const auto s = testing::parse_valid(testing::two_station_text(20));
  const auto settings = testing::settings_for(s, targets_at(0.9));
  models::SearchLimits limits;
  limits.budget = std::chrono::duration<double>(0.001);
  limits.run = models::run_options_for(s, false, 0, settings.replications, 2);
  models::OptimiseResult r;
  std::string error;
  ASSERT_TRUE(models::optimise_staffing(s, settings, limits, &r, &error)) << error;
  EXPECT_TRUE(r.budget_exhausted);
  EXPECT_EQ(r.candidates, 1u);
  EXPECT_FALSE(r.feasible);
  EXPECT_FALSE(models::all_met(r.targets));
}

TEST(OptimiseOptions, ErrorsNameTheField) {
  const auto s = testing::parse_valid(testing::two_station_text(20));
  models::OptimiseSettings settings;
  std::vector<models::Diagnostic> d;
  EXPECT_FALSE(models::make_optimise_settings(
      testing::parse_options(R"pb(
        targets { supplier: "nobody" priority: 4 clock: RESOLUTION attainment: 0.9 }
        targets { supplier: "applications" priority: 7 clock: RESOLUTION attainment: 1.5 }
        stations { station: "no-such-group" }
        default_shift_rules { lengths_half_hours: 0 }
      )pb"),
      s, "t.txtpb", &settings, &d));
  const std::string all = models::format_all(d);
  for (const char* field : {"targets[0].supplier", "targets[1].priority", "targets[1].attainment", "stations[0].station",
                            "default_shift_rules.lengths_half_hours[0]"})
    EXPECT_NE(all.find(field), std::string::npos) << field << " not in:\n" << all;
}

}  // namespace
}  // namespace desksim

namespace desksim {
namespace {

TEST(PhasedStaffing, ADemandCutLowersTheLaterPhaseAndTheOverlaySetsEachPhasesRosters) {
  namespace fs = std::filesystem;
  // The two stations for 15 days; from day 8 the users raise 12 tickets an hour instead of 20.
  const std::string text = testing::two_station_text(20) + R"pb(
    programme {
      steps { name: "self-service" from_date: "2024-01-08"
        set { field: "demand.population.segments[name=users].incidents_per_user_per_month" value: "8766" } }
    })pb";
  const auto s = testing::parse_valid(text);
  const auto settings = testing::settings_for(s, targets_at(0.8));
  models::SearchLimits limits;
  limits.run = models::run_options_for(s, false, 0, settings.replications, 2);
  models::PhasedResult phased;
  std::string error;
  std::vector<models::Diagnostic> problems;
  ASSERT_TRUE(models::optimise_phases(s, settings, limits, &phased, &error, &problems)) << error << models::format_all(problems);
  ASSERT_EQ(phased.phases.size(), 2u);
  ASSERT_TRUE(phased.feasible);
  EXPECT_EQ(phased.phases[1].from_date, "2024-01-08");
  EXPECT_LT(phased.phases[1].result.pounds_per_week, phased.phases[0].result.pounds_per_week);
  // One month (January): 7 days of the first phase's FTE and 8 of the second's, averaged by day.
  ASSERT_EQ(phased.months.size(), 1u);
  EXPECT_NEAR(phased.months[0].fte, (7 * phased.phases[0].result.fte + 8 * phased.phases[1].result.fte) / 15, 1e-9);
  // The scenario's own rosters: 6 agents and 16 engineers around the clock, 37.5 paid hours a week
  // at 30% shrinkage: (6 + 16) x 168 / 26.25 = 140.8 FTE.
  EXPECT_NEAR(phased.months[0].scenario_fte, 140.8, 1e-9);

  // The overlay loads, and the scenario in force in each phase has that phase's rosters.
  const fs::path dir = fs::temp_directory_path() / ("desksim-phased-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "base.textproto") << text;
  std::ofstream(dir / "optimised.textproto") << models::phased_overlay_text(s, phased, "base.textproto", {"test"});
  scenario::Scenario loaded;
  ASSERT_TRUE(models::load_scenario((dir / "optimised.textproto").string(), &loaded, &problems)) << models::format_all(problems);
  std::vector<models::Epoch> epochs;
  ASSERT_TRUE(models::expand_programme(loaded, &epochs, &problems));
  ASSERT_EQ(epochs.size(), 2u);
  for (std::size_t p = 0; p < 2; ++p) {
    const auto& desk = epochs[p].scenario.desk().roster_agents_per_half_hour();
    EXPECT_EQ(std::vector<std::uint32_t>(desk.begin(), desk.end()), phased.phases[p].result.stations[0].on_duty) << "phase " << p;
    const auto& group = epochs[p].scenario.resolver_network().groups(0).roster_servers_per_half_hour();
    EXPECT_EQ(std::vector<std::uint32_t>(group.begin(), group.end()), phased.phases[p].result.stations[1].on_duty) << "phase " << p;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace desksim
