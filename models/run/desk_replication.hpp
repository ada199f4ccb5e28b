#pragma once
// One replication of a scenario, from a validated Scenario message to its results. Must run in a
// process of its own (it creates the process's SimGrid engine): use run_scenario() for that.
#include <cstdint>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"

namespace desksim::models {

results::ReplicationResult run_replication(const scenario::Scenario& scenario, std::uint64_t seed,
                                           unsigned replication);

}  // namespace desksim::models
