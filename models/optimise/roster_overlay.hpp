#pragma once
// The optimiser's rosters as a scenario overlay (Scenario.extends): a file that `run`, `compare` and
// `sweep` accept, stating only the rosters. The desk merges field by field, so only its roster is
// written; a resolver group is an entry of a named list, which an overlay replaces whole, so each
// searched group is written whole, as in the scenario, with its new roster.
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/optimise/phased_staffing.hpp"
#include "models/optimise/staffing_search.hpp"

namespace desksim::models {

/// The overlay's text. `optimised` is the scenario with the rosters found (OptimiseResult.scenario);
/// `extends` the base's path as the overlay should name it (relative to the overlay's folder);
/// `comment` lines are written at the top, each prefixed with "# ".
std::string roster_overlay_text(const scenario::Scenario& optimised, const std::vector<StationRoster>& stations,
                                const std::string& extends, const std::vector<std::string>& comment);

/// The overlay of a phased result: the first phase's rosters as above, and the programme rewritten
/// with, beside each of the base's steps (kept as they are), one step per later phase that sets its
/// rosters from its date (named "optimised rosters from DATE"). The base's steps are removed and
/// written again in date order with the new ones, since an overlay adds named entries at the end
/// and steps must be in date order; on a date both have, the base's step comes first, so that the
/// optimised rosters replace any roster it sets.
std::string phased_overlay_text(const scenario::Scenario& base, const PhasedResult& phased, const std::string& extends,
                                const std::vector<std::string>& comment);

}  // namespace desksim::models
