#pragma once
// Semantic checks of the scenario's infrastructure section, with field paths such as
// "infrastructure.services[1].depends_on.k_of_n.parts[2].component".
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Appends one Diagnostic per violated constraint. `horizon_hours` is the run's horizon (0 = none).
void validate_infrastructure(const scenario::Infrastructure& infrastructure, double horizon_hours,
                             std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
