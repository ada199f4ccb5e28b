#pragma once
// Which statistics a population-mode run records from the signals ServiceDesk emits (see
// service_desk.hpp for the signals). Durations in hours; indicator tallies give shares (their mean).
#include <vector>

#include "models/desk/service_desk_config.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

std::vector<sim::StatisticSpec> service_desk_statistics(const ServiceDeskConfig& config);

}  // namespace desksim::models
