#pragma once
// Semantic checks of a parsed scenario: everything a user can get wrong is found here, before the
// engine starts (SimGrid aborts the process on its own assertions). All problems are listed, each
// with the path of the field at fault; the loader adds file:line:column where it knows them.
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Appends one Diagnostic per violated constraint (field_path and message set; location not).
void validate_scenario(const scenario::Scenario& scenario, std::vector<Diagnostic>* diagnostics);

/// Checks one distribution; `path` is where it sits, e.g. "desk.handle_time_minutes".
void validate_distribution(const scenario::Distribution& distribution, const std::string& path,
                           std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
