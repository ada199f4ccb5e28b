#include "models/optimise/staffing_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "models/cost/staff_cost.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/optimise/analytic_staffing.hpp"

namespace desksim::models {

namespace {

using Clock = std::chrono::steady_clock;

/// beta = k * step over this range of k (in units of beta).
constexpr double kLowestBeta = -1.0;
constexpr double kHighestBeta = 8.0;

std::vector<std::uint32_t> scenario_roster(const scenario::Scenario& s, const std::string& station) {
  if (station == "desk") {
    const auto& d = s.desk();
    if (d.roster_agents_per_half_hour_size() == static_cast<int>(kHalfHoursPerWeek) && uses_service_desk_model(s))
      return {d.roster_agents_per_half_hour().begin(), d.roster_agents_per_half_hour().end()};
    return std::vector<std::uint32_t>(kHalfHoursPerWeek, d.agents());
  }
  for (const auto& g : s.resolver_network().groups())
    if (g.name() == station) {
      if (g.roster_servers_per_half_hour_size() == static_cast<int>(kHalfHoursPerWeek))
        return {g.roster_servers_per_half_hour().begin(), g.roster_servers_per_half_hour().end()};
      return std::vector<std::uint32_t>(kHalfHoursPerWeek, g.servers());
    }
  return {};
}

StaffCostConfig station_cost(const scenario::Scenario& s, const std::string& station) {
  if (station == "desk") return make_staff_cost(s.desk().has_staff_cost() ? &s.desk().staff_cost() : nullptr, s);
  for (const auto& g : s.resolver_network().groups())
    if (g.name() == station) return make_staff_cost(g.has_staff_cost() ? &g.staff_cost() : nullptr, s);
  return make_staff_cost(nullptr, s);
}

/// A point of the search: beta = k * step per station.
struct Candidate {
  std::vector<int> k;  ///< beta index per station (ignored for fixed ones)
};

}  // namespace

std::vector<std::uint32_t> square_root_roster(const StationLoad& load, const StationPlan& plan, double beta) {
  std::vector<std::uint32_t> required(kHalfHoursPerWeek, plan.minimum_on_duty);
  double peak = -1;
  std::size_t peak_at = 0;
  for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) {
    const double a = load.offered_load(h);
    if (a > peak) peak = a, peak_at = h;
    if (a <= 0) continue;
    const double staff = std::ceil(a + beta * std::sqrt(a) - 1e-9);
    if (staff > required[h]) required[h] = static_cast<std::uint32_t>(staff);
  }
  // A roster may not be all zero: keep one on duty where the load peaks.
  if (std::all_of(required.begin(), required.end(), [](std::uint32_t r) { return r == 0; })) required[peak_at] = 1;
  return cover_with_shifts(required, plan.pattern).on_duty;
}

scenario::Scenario with_rosters(const scenario::Scenario& base, const std::vector<StationPlan>& plans,
                                const std::vector<std::vector<std::uint32_t>>& rosters) {
  scenario::Scenario s = base;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (plans[i].fixed) continue;
    const auto& r = rosters[i];
    if (plans[i].name == "desk") {
      if (uses_service_desk_model(s)) {
        s.mutable_desk()->clear_roster_agents_per_half_hour();
        for (auto x : r) s.mutable_desk()->add_roster_agents_per_half_hour(x);
      } else {
        // The simple form has constant staffing.
        s.mutable_desk()->set_agents(std::max<std::uint32_t>(1, *std::max_element(r.begin(), r.end())));
      }
      continue;
    }
    for (auto& g : *s.mutable_resolver_network()->mutable_groups())
      if (g.name() == plans[i].name) {
        g.clear_roster_servers_per_half_hour();
        for (auto x : r) g.add_roster_servers_per_half_hour(x);
      }
  }
  return s;
}

bool optimise_staffing(const scenario::Scenario& s, const OptimiseSettings& settings, const SearchLimits& limits,
                       OptimiseResult* result, std::string* error) {
  const auto started = Clock::now();
  *result = OptimiseResult{};
  const std::vector<StationLoad> loads = station_loads(s);
  const std::size_t n = loads.size();
  const double step = settings.beta_step;
  const int k_low = static_cast<int>(std::floor(kLowestBeta / step));
  const int k_high = static_cast<int>(std::ceil(kHighestBeta / step));
  const int unit = std::max(1, static_cast<int>(std::lround(1.0 / step)));  // one unit of beta, in steps

  std::vector<StaffCostConfig> costs;
  bool pounds = false;
  for (const auto& l : loads) {
    costs.push_back(station_cost(s, l.name));
    pounds = pounds || costs.back().pounds_per_staffed_hour > 0;
  }
  result->cost_in_pounds = pounds;

  // Rosters are cached per (station, k): a shift cover of the whole week costs milliseconds.
  std::vector<std::map<int, std::vector<std::uint32_t>>> cache(n);
  auto roster = [&](std::size_t i, int k) -> const std::vector<std::uint32_t>& {
    auto it = cache[i].find(k);
    if (it == cache[i].end()) it = cache[i].emplace(k, square_root_roster(loads[i], settings.stations[i], k * step)).first;
    return it->second;
  };
  std::vector<std::vector<std::uint32_t>> fixed_rosters(n);
  for (std::size_t i = 0; i < n; ++i)
    if (settings.stations[i].fixed) fixed_rosters[i] = scenario_roster(s, loads[i].name);
  auto rosters_of = [&](const Candidate& c) {
    std::vector<std::vector<std::uint32_t>> r(n);
    for (std::size_t i = 0; i < n; ++i) r[i] = settings.stations[i].fixed ? fixed_rosters[i] : roster(i, c.k[i]);
    return r;
  };
  auto station_hours = [](const std::vector<std::uint32_t>& r) {
    double h = 0;
    for (auto x : r) h += 0.5 * x;
    return h;
  };
  auto cost_of = [&](const Candidate& c) {
    const auto r = rosters_of(c);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) total += station_hours(r[i]) * (pounds ? costs[i].pounds_per_staffed_hour : 1.0);
    return total;
  };

  // The lowest beta of each station whose roster has more staff-hours in the week than the week's
  // offered load: below it the station's backlog grows without bound, which no target survives and
  // which could stop a run (run.max_open_tickets).
  std::vector<int> lowest(n, k_low);
  for (std::size_t i = 0; i < n; ++i) {
    double load = 0;
    for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) load += loads[i].offered_load(h);
    while (lowest[i] < k_high) {
      double have = 0;
      for (auto x : roster(i, lowest[i])) have += x;
      if (have > load) break;
      ++lowest[i];
    }
  }

  // 1. Analytic first guess.
  std::vector<std::vector<std::uint32_t>> analytic(n);
  Candidate current{std::vector<int>(n, 0)};
  for (std::size_t i = 0; i < n; ++i) {
    analytic[i] = analytic_requirement(s, loads[i], settings.stations[i], settings.targets);
    if (settings.stations[i].fixed) continue;
    double want = 0;
    for (auto x : analytic[i]) want += x;
    int k = lowest[i];
    while (k < k_high) {
      double have = 0;
      for (auto x : roster(i, k)) have += x;
      if (have >= want) break;
      ++k;
    }
    current.k[i] = k;
  }

  RunOptions run = limits.run;
  run.replications = settings.replications;
  double seconds_per_simulation = 0;  // measured, for the budget
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - started).count(); };
  // How many of `wanted` candidates a round can simulate before the budget ends, from the measured
  // time per simulation (a round's (candidate, replication) tasks share the `jobs` processes).
  auto fitting = [&](std::size_t wanted) -> std::size_t {
    if (seconds_per_simulation <= 0) return wanted;
    const double left = limits.budget.count() - elapsed();
    const double per_candidate = seconds_per_simulation * run.replications / std::max(1u, run.jobs);
    if (left < per_candidate) return 0;
    return std::min<std::size_t>(wanted, static_cast<std::size_t>(left / per_candidate));
  };
  struct Evaluated {
    Candidate c;
    double cost;
    std::vector<TargetOutcome> outcomes;
    results::RunResult run;
  };
  auto evaluate = [&](const std::vector<Candidate>& cs, const std::string& phase, std::vector<Evaluated>* out) {
    std::vector<scenario::Scenario> scenarios;
    for (const auto& c : cs) scenarios.push_back(with_rosters(s, settings.stations, rosters_of(c)));
    const auto t0 = Clock::now();
    std::vector<results::RunResult> runs;
    if (!evaluate_candidates(scenarios, run, settings.confidence, &runs, error, nullptr, limits.elsewhere)) return false;
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    seconds_per_simulation = secs * std::max(1u, run.jobs) / static_cast<double>(cs.size() * run.replications);
    result->candidates += static_cast<unsigned>(cs.size());
    result->simulations += static_cast<unsigned>(cs.size() * run.replications);
    out->clear();
    for (std::size_t j = 0; j < cs.size(); ++j)
      out->push_back(Evaluated{cs[j], cost_of(cs[j]), check_targets(runs[j], settings.targets), std::move(runs[j])});
    result->rounds.push_back(SearchRound{phase, static_cast<unsigned>(cs.size()), secs, 0.0, false});
    return true;
  };

  std::vector<Evaluated> batch;
  if (!evaluate({current}, "analytic", &batch)) return false;
  Evaluated incumbent = batch[0];
  bool have_feasible = all_met(incumbent.outcomes);
  Evaluated best_feasible = incumbent;
  auto note_round = [&] {
    result->rounds.back().best_cost = have_feasible ? best_feasible.cost : incumbent.cost;
    result->rounds.back().incumbent_feasible = have_feasible;
    if (limits.on_round) limits.on_round(result->rounds.back());
  };
  note_round();

  // Which stations can move a target.
  auto movers = [&](const std::vector<TargetOutcome>& outcomes) {
    std::set<std::size_t> m;
    for (const auto& o : outcomes) {
      if (o.met) continue;
      for (std::size_t i = 0; i < n; ++i) {
        if (settings.stations[i].fixed) continue;
        const bool desk = loads[i].is_desk;
        if (o.target.desk_only ? desk : loads[i].supplier == o.target.station_supplier)
          m.insert(i);
      }
    }
    return m;
  };

  // 2. Repair: raise the station with the best shortfall removed per unit of cost added.
  while (!have_feasible) {
    const auto m = movers(incumbent.outcomes);
    std::vector<Candidate> cs;
    for (std::size_t i : m)
      if (incumbent.c.k[i] < k_high) {
        Candidate c = incumbent.c;
        c.k[i] = std::min(k_high, c.k[i] + unit);
        cs.push_back(c);
      }
    if (cs.size() > 1) {  // all movers together, in case no single one suffices
      Candidate all = incumbent.c;
      for (std::size_t i : m) all.k[i] = std::min(k_high, all.k[i] + unit);
      cs.push_back(all);
    }
    if (cs.empty()) break;  // every mover at the top of its range: the targets are out of reach
    if (const std::size_t fit = fitting(cs.size()); fit < cs.size()) {
      result->budget_exhausted = true;
      if (fit == 0) break;
      cs = {cs.back()};  // time for a few only: raise every mover together
    }
    if (!evaluate(cs, "repair", &batch)) return false;
    const double base_shortfall = total_shortfall(incumbent.outcomes);
    std::size_t chosen = batch.size() - 1;
    double best_value = -std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < batch.size(); ++j) {
      const double added = std::max(batch[j].cost - incumbent.cost, 1e-9);
      const double value = all_met(batch[j].outcomes) ? 1e300 / added
                                                      : (base_shortfall - total_shortfall(batch[j].outcomes)) / added;
      if (value > best_value) best_value = value, chosen = j;
    }
    if (best_value <= 0) chosen = batch.size() - 1;  // nothing single helped: raise them all
    incumbent = batch[chosen];
    if (all_met(incumbent.outcomes)) have_feasible = true, best_feasible = incumbent;
    note_round();
  }

  // 3. Descent from the feasible roster.
  if (have_feasible) {
    std::vector<int> down(n, unit);
    auto active = [&](std::size_t i) { return !settings.stations[i].fixed && down[i] >= 1 && best_feasible.c.k[i] > lowest[i]; };
    for (;;) {
      std::vector<Candidate> cs;
      std::vector<std::size_t> station_of;
      for (std::size_t i = 0; i < n; ++i) {
        if (!active(i)) continue;
        Candidate c = best_feasible.c;
        // Skip values of beta that give the same roster: they cost a simulation and change nothing.
        c.k[i] = std::max(lowest[i], c.k[i] - down[i]);
        while (c.k[i] > lowest[i] && roster(i, c.k[i]) == roster(i, best_feasible.c.k[i])) c.k[i] = std::max(lowest[i], c.k[i] - 1);
        if (roster(i, c.k[i]) == roster(i, best_feasible.c.k[i])) {
          down[i] = 0;
          continue;
        }
        cs.push_back(c);
        station_of.push_back(i);
      }
      if (cs.empty()) break;
      if (const std::size_t fit = fitting(cs.size()); fit < cs.size()) {
        // Time for some only: try those that would save most.
        result->budget_exhausted = true;
        if (fit == 0) break;
        std::vector<std::size_t> order(cs.size());
        for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost_of(cs[a]) < cost_of(cs[b]); });
        order.resize(fit);
        std::vector<Candidate> kept;
        std::vector<std::size_t> kept_station;
        for (std::size_t j : order) kept.push_back(cs[j]), kept_station.push_back(station_of[j]);
        cs = std::move(kept);
        station_of = std::move(kept_station);
      }
      if (!evaluate(cs, "descent", &batch)) return false;
      std::vector<std::size_t> ok;
      for (std::size_t j = 0; j < batch.size(); ++j) {
        if (all_met(batch[j].outcomes)) ok.push_back(j);
        else down[station_of[j]] /= 2;  // too far: try half the step next time
      }
      if (ok.empty()) {
        note_round();
        continue;
      }
      std::size_t cheapest = ok[0];
      for (std::size_t j : ok)
        if (batch[j].cost < batch[cheapest].cost) cheapest = j;
      Evaluated chosen = batch[cheapest];
      if (ok.size() > 1 && fitting(1) == 1) {
        note_round();  // the batch, before the joint candidate
        Candidate together = best_feasible.c;
        for (std::size_t j : ok) together.k[station_of[j]] = batch[j].c.k[station_of[j]];
        std::vector<Evaluated> joint;
        if (!evaluate({together}, "descent", &joint)) return false;
        if (all_met(joint[0].outcomes) && joint[0].cost < chosen.cost) chosen = joint[0];
      }
      best_feasible = chosen;
      note_round();
    }
  }

  // The result: the best roster meeting every target, else the last one tried.
  const Evaluated& final = have_feasible ? best_feasible : incumbent;
  result->feasible = have_feasible;
  result->targets = final.outcomes;
  const auto final_rosters = rosters_of(final.c);
  for (std::size_t i = 0; i < n; ++i) {
    StationRoster r;
    r.name = loads[i].name;
    r.fixed = settings.stations[i].fixed;
    r.beta = r.fixed ? std::numeric_limits<double>::quiet_NaN() : final.c.k[i] * step;
    for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) r.offered_load.push_back(loads[i].offered_load(h));
    r.analytic = analytic[i];
    r.on_duty = final_rosters[i];
    r.scenario_on_duty = scenario_roster(s, loads[i].name);
    r.scenario_staffed_hours_per_week = station_hours(r.scenario_on_duty);
    r.scenario_fte = r.scenario_staffed_hours_per_week / (costs[i].paid_hours_per_week * (1.0 - costs[i].shrinkage));
    r.staffed_hours_per_week = station_hours(r.on_duty);
    r.fte = r.staffed_hours_per_week / (costs[i].paid_hours_per_week * (1.0 - costs[i].shrinkage));
    r.pounds_per_week = r.staffed_hours_per_week * costs[i].pounds_per_staffed_hour;
    result->staffed_hours_per_week += r.staffed_hours_per_week;
    result->fte += r.fte;
    result->pounds_per_week += r.pounds_per_week;
    result->stations.push_back(std::move(r));
  }
  result->scenario = with_rosters(s, settings.stations, final_rosters);
  result->run = final.run;
  result->seconds = elapsed();
  return true;
}

}  // namespace desksim::models
