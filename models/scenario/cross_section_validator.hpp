#pragma once
// Checks the references between the infrastructure section and the population-mode desk and its
// resolver network: repair crews drawn from resolver groups, and which
// segments and sites depend on a service, and the channel, priority and category of its storm
// tickets. Field paths as in every other diagnostic.
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

void validate_cross_section_links(const scenario::Scenario& scenario, std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
