#pragma once
// The analytic first guess of the staffing optimiser: per half-hour, the staff each station needs for
// its own share of the targets, by Erlang C (a response or service-level threshold at the desk; a
// group's wait within its resolution target less its mean work) and Erlang A (the desk's phone
// abandonment ceiling, with the callers who abandon at their patience). Steady state in each
// half-hour, as call-centre planning does; the simulation search corrects what this misses.
#include <cstdint>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/optimise/optimise_options.hpp"
#include "models/optimise/station_loads.hpp"

namespace desksim::models {

/// Staff per half-hour of the week (336 values), at least the plan's floor.
std::vector<std::uint32_t> analytic_requirement(const scenario::Scenario& scenario, const StationLoad& load,
                                                const StationPlan& plan, const std::vector<StaffingTarget>& targets);

}  // namespace desksim::models
