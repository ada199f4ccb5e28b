#pragma once
// The optimiser's rosters as a scenario overlay (Scenario.extends): a file that `run`, `compare` and
// `sweep` accept, stating only the rosters. The desk merges field by field, so only its roster is
// written; a resolver group is an entry of a named list, which an overlay replaces whole, so each
// searched group is written whole, as in the scenario, with its new roster.
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/optimise/staffing_search.hpp"

namespace desksim::models {

/// The overlay's text. `optimised` is the scenario with the rosters found (OptimiseResult.scenario);
/// `extends` the base's path as the overlay should name it (relative to the overlay's folder);
/// `comment` lines are written at the top, each prefixed with "# ".
std::string roster_overlay_text(const scenario::Scenario& optimised, const std::vector<StationRoster>& stations,
                                const std::string& extends, const std::vector<std::string>& comment);

}  // namespace desksim::models
