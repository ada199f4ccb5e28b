#pragma once
// One replication of a population-mode scenario. Like run_replication, it must run in a
// process of its own; run_replication dispatches here when demand.population is set.
#include <cstdint>
#include <string>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"

namespace desksim::models {

results::ReplicationResult run_service_desk_replication(const scenario::Scenario& scenario, std::uint64_t seed,
                                                        unsigned replication, const std::string& ticket_records = "");

}  // namespace desksim::models
