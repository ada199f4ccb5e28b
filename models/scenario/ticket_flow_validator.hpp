#pragma once
// Semantic checks of what shapes a ticket's life beyond the desk and the routing: waiting states in
// resolver groups, later-visit work, drawn reassignment counts, a category's priority mix and
// cancellation, and the arrival rate's date factors, levels and trend. Every message names the
// violated constraint and the value.
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Appends one Diagnostic per violated constraint.
void validate_ticket_flow(const scenario::Scenario& scenario, std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
