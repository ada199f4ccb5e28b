#pragma once
// Time-phased staffing: a scenario with a programme of dated changes is sized phase by phase, so that
// a transformation's savings show as staff per month. A phase starts at the run's start and at each
// date a programme step takes effect (a ramp is one phase, from its first date to its end); each
// phase is optimised (optimise_staffing) on the scenario in force during it with the most offered
// load (for a ramp, its heaviest step), as if that held for the whole run, with an equal share of the
// time budget left (a phase's unused time goes to the later ones).
#include <string>
#include <vector>

#include "models/optimise/staffing_search.hpp"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

struct StaffingPhase {
  std::string from_date;  ///< "YYYY-MM-DD"
  std::string label;      ///< the programme steps that start it ("start" for the first)
  double start_seconds = 0.0;
  OptimiseResult result;
};

struct MonthStaff {
  std::string month;  ///< "YYYY-MM"
  double fte = 0.0;   ///< rostered FTE, averaged over the month's days
  double scenario_fte = 0.0;  ///< the same for the scenario's own rosters in force (for comparison)
  double pounds = 0.0;  ///< staff cost of the month's days
};

struct PhasedResult {
  std::vector<StaffingPhase> phases;
  std::vector<MonthStaff> months;  ///< each calendar month the run covers
  bool feasible = false;           ///< every phase met every target
  unsigned simulations = 0;
  double seconds = 0.0;
};

/// False with *error, or with *problems when the programme does not expand.
bool optimise_phases(const scenario::Scenario& scenario, const OptimiseSettings& settings, const SearchLimits& limits,
                     PhasedResult* result, std::string* error, std::vector<Diagnostic>* problems);

}  // namespace desksim::models
