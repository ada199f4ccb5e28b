#pragma once
// Runnability: every number inside what the engine can represent and finish (engine_limits.hpp),
// the expected size of the run against its limit, and a routing in which every ticket leaves the
// resolver network (an absorbing Markov chain, solved with Eigen). Overload is not an error: it is
// reported by overload_warnings() before the run, and a run whose backlog explodes stops itself.
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Appends one Diagnostic per violated limit.
void validate_run_limits(const scenario::Scenario& scenario, std::vector<Diagnostic>* diagnostics);

/// Stations whose offered load (mean arrivals x mean work, in servers) is at least their mean
/// capacity: their queue grows without bound. One message per station, empty when none. Call only
/// on a scenario that passed validation.
std::vector<std::string> overload_warnings(const scenario::Scenario& scenario);

}  // namespace desksim::models
