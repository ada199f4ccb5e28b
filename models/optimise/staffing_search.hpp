#pragma once
// The staffing optimiser: the cheapest rosters for the desk and every resolver group together that
// meet every attainment target with stated confidence (the lower end of each interval at or above its
// target; an abandonment ceiling's upper end at or below it).
//
// Search space. Each station's roster is square-root staffing on its analytic offered load A(t) per
// half-hour, covered by shifts:
//     required(t) = max(floor, ceil(A(t) + beta sqrt(A(t)))),   roster = shift cover of required
// with one parameter beta per station on a grid of beta_step. Halfin & Whitt (1981) and Borst,
// Mandelbaum & Reiman (2004): the staffing that keeps a given delay probability is, to first order,
// A + beta sqrt(A) with beta fixed by the target, whatever A is; one beta per station therefore keeps a
// station's service about even across the week's half-hours (what the iterative staffing algorithm of
// Feldman, Mandelbaum, Massey & Whitt (2008) reaches per half-hour), while the number of unknowns is
// the number of stations, not 336 times it, so that a whole-network search fits in minutes.
//
// Steps:
//   1. Analytic first guess: per half-hour, Erlang C (Erlang A with abandoning callers for the
//      phone ceiling) gives the staff each station needs for its own share of the targets; beta
//      starts where the square-root roster first has as many staff-hours.
//   2. Repair, by simulation: while a target fails, try raising beta of each station that can move
//      a failing target (its supplier's stations, or the desk) by one unit and keep the candidate that
//      removes the most shortfall per pound (the marginal value of the added staff-hours).
//   3. Descent: try lowering each station's beta by its step; of the candidates that still meet every
//      target, take them all together if that too meets them, else the one that saves most; halve the
//      step of a station whose decrease failed, until every step is below one grid unit.
// Every candidate of a round is simulated together with the same seed and replications (common
// random numbers), through evaluate_candidates(). Near the end of the time budget a round tries only
// the candidates that fit (in the descent, those that would save most); the search then returns
// the best roster found so far that meets every target.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/optimise/candidate_evaluation.hpp"
#include "models/optimise/optimise_options.hpp"
#include "models/optimise/station_loads.hpp"
#include "models/run/run_scenario.hpp"

namespace desksim::models {

struct StationRoster {
  std::string name;
  bool fixed = false;
  double beta = 0.0;                     ///< square-root staffing parameter (NaN when fixed)
  std::vector<double> offered_load;      ///< Erlangs per half-hour (analytic)
  std::vector<std::uint32_t> analytic;   ///< Erlang C/A requirement per half-hour (the first guess)
  std::vector<std::uint32_t> on_duty;    ///< the roster per half-hour
  std::vector<std::uint32_t> scenario_on_duty;  ///< the roster the scenario gave, for comparison
  double scenario_staffed_hours_per_week = 0.0, scenario_fte = 0.0;
  double staffed_hours_per_week = 0.0;
  double fte = 0.0;
  double pounds_per_week = 0.0;
};

struct SearchRound {
  std::string phase;           ///< "analytic", "repair", "descent"
  unsigned candidates = 0;
  double seconds = 0.0;
  double best_cost = 0.0;      ///< objective of the incumbent after the round
  bool incumbent_feasible = false;
};

struct OptimiseResult {
  bool feasible = false;          ///< the roster returned meets every target
  bool budget_exhausted = false;  ///< the search stopped on the time budget
  std::vector<StationRoster> stations;
  std::vector<TargetOutcome> targets;
  double staffed_hours_per_week = 0.0, fte = 0.0, pounds_per_week = 0.0;
  bool cost_in_pounds = false;  ///< objective in pounds (a staff cost is set), else in staff-hours
  unsigned candidates = 0;      ///< candidate rosters simulated
  unsigned simulations = 0;     ///< replications run in all
  double seconds = 0.0;
  std::vector<SearchRound> rounds;
  scenario::Scenario scenario;  ///< the input scenario with the rosters found
  results::RunResult run;       ///< its simulation (the search's seed and replications)
};

struct SearchLimits {
  std::chrono::duration<double> budget{600.0};  ///< stop starting rounds that would end after this
  RunOptions run;                                ///< seed, jobs; replications are the settings'
  /// Called after each round (progress on stderr); may be empty.
  std::function<void(const SearchRound&)> on_round;
  /// Where each round's replications run when not in the local pool (desksim-mpi's ranks); empty =
  /// the local pool. `run.jobs` is then the number of replications that run at once there (the
  /// ranks), for the budget's estimate of a round's time.
  ReplicationsElsewhere elsewhere;
};

/// Square-root roster of one station at beta: required per half-hour, then the shift cover.
std::vector<std::uint32_t> square_root_roster(const StationLoad& load, const StationPlan& plan, double beta);

/// The scenario with each non-fixed station's roster replaced.
scenario::Scenario with_rosters(const scenario::Scenario& base, const std::vector<StationPlan>& plans,
                                const std::vector<std::vector<std::uint32_t>>& rosters);

/// Runs the search. False with *error when a simulation failed.
bool optimise_staffing(const scenario::Scenario& scenario, const OptimiseSettings& settings, const SearchLimits& limits,
                       OptimiseResult* result, std::string* error);

}  // namespace desksim::models
