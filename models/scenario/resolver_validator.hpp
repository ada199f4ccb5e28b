#pragma once
// Semantic checks of Scenario.resolver_network: suppliers and their SLAs and contracts,
// groups (capacity, work times, routing probabilities, escalation targets, OLA), category routes,
// hand-off delay, integrator. Every message names the violated constraint and the value.
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Appends one Diagnostic per violated constraint; no-op when resolver_network is not set.
void validate_resolver_network(const scenario::Scenario& scenario, std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
