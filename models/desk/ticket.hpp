#pragma once
// A ticket as the level-1 desk sees it. Issue-2 scope: identity, when it was raised, and how much
// agent time it needs. The work is drawn when the ticket is raised, from the handle-time stream, so
// that two scenarios with different staffing give the same ticket the same work (common random
// numbers).
#include <cstdint>

#include "sim/kernel/time.hpp"

namespace desksim::models {

struct Ticket {
  std::uint64_t id = 0;
  sim::Time raised_at = 0.0;
  sim::Time work = 0.0;  // agent time needed, seconds
};

}  // namespace desksim::models
