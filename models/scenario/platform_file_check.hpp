#pragma once
// Checks `infrastructure.platform_file` before anything runs. SimGrid aborts the process on a
// malformed platform file, so the file is loaded in a child process of its own: the parent
// survives, reads SimGrid's message, and reports it as a Diagnostic like any other error. The child
// also checks that the platform has the "control" host and every component as a host or link.
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Makes a relative platform_file absolute against `scenario_folder` (in place), then checks it.
/// Appends one Diagnostic per problem (field path "infrastructure.platform_file" or
/// "infrastructure.components[i].name"). Does nothing when no platform file is set.
void check_platform_file(const std::string& scenario_folder, scenario::Scenario* scenario,
                         std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
