#pragma once
// Which statistics a desk run records from the signals its models emit (declared here, not in the
// models). Times are recorded in hours, as the results schema promises.
#include <vector>

#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

/// `service_level_seconds`: threshold for the "answered within T" share of desk.wait_hours.
std::vector<sim::StatisticSpec> desk_statistics(double service_level_seconds);

}  // namespace desksim::models
