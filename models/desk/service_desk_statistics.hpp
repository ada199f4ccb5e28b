#pragma once
// Which statistics a population-mode run records from the signals ServiceDesk emits (see
// service_desk.hpp for the signals). Durations in hours; indicator tallies give shares (their mean).
#include <string>
#include <vector>

#include "models/desk/service_desk_config.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

std::vector<sim::StatisticSpec> service_desk_statistics(const ServiceDeskConfig& config);

/// The output names of a statistic's per-priority parts, "<name>.P1" to "<name>.P4": what an overall
/// tally is the union of (StatisticSpec::union_of), since every ticket has exactly one priority.
std::vector<std::string> per_priority(const std::string& output_name);

}  // namespace desksim::models
