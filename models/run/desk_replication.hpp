#pragma once
// One replication of a scenario, from a validated Scenario message to its results. Must run in a
// process of its own (it creates the process's SimGrid engine): use run_scenario() for that.
#include <cstdint>
#include <string>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"

namespace desksim::models {

/// `ticket_records`: file to write this replication's per-ticket records to (CSV rows without a
/// header, see models/flow/ticket_record_writer.hpp); empty = none.
results::ReplicationResult run_replication(const scenario::Scenario& scenario, std::uint64_t seed,
                                           unsigned replication, const std::string& ticket_records = "");

}  // namespace desksim::models
