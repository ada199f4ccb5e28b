#pragma once
// Copies what reports need from a scenario into the results (results::ScenarioInfo): dates,
// targets, contracts and the scenario's fingerprint. analysis/ reads results only, so the CLI, which
// has the scenario, hands these over.
#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"

namespace desksim::app {

void describe_scenario(const scenario::Scenario& scenario, results::ScenarioInfo* out);

}  // namespace desksim::app
