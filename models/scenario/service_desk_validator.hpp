#pragma once
// Semantic checks of the population-mode fields: population, profiles, categories,
// channels, roster, priority matrix, resolver, lifecycle, calendars, SLAs, start date.
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Appends one Diagnostic per violated constraint. Called by validate_scenario for every scenario;
/// checks the population-mode fields that are set, and the ones population mode requires.
void validate_service_desk_fields(const scenario::Scenario& scenario, std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
