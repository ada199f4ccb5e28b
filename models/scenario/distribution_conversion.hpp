#pragma once
// From the schema's Distribution message to the engine's value type, converting units on the way.
#include "desksim/scenario.pb.h"
#include "sim/random/distribution.hpp"

namespace desksim::models {

/// `unit_seconds` is the length of the unit the scenario field is in (60 for `_minutes`). An unset
/// kind converts to an invalid distribution (IsValid reports it).
sim::Distribution to_sim_distribution(const scenario::Distribution& d, double unit_seconds);

}  // namespace desksim::models
