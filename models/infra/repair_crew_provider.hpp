#pragma once
// Where repair crews come from when they are not a separate pool: the engineers of a resolver group
// (the infrastructure supplier's hosting or network team), who also work tickets. A repair asks for
// an engineer, who is handed over as soon as one is free (repairs go ahead of the group's ticket
// queue: a failed component is a P1) and given back when the repair ends. So repairs wait while
// every engineer is busy, and tickets wait while engineers repair.
#include <cstdint>
#include <functional>
#include <string>

namespace desksim::models {

class RepairCrewProvider {
 public:
  virtual ~RepairCrewProvider() = default;
  /// Index of the resolver group with this name, or -1.
  virtual int crew_group(const std::string& name) const = 0;
  /// Asks for one engineer of `group`; `on_start` is called when one is assigned (possibly at once,
  /// from within this call). Called from SimGrid actor code.
  virtual void request_engineer(std::uint16_t group, std::function<void()> on_start) = 0;
  /// The repair is over: the engineer goes back to the group's tickets.
  virtual void release_engineer(std::uint16_t group) = 0;
};

}  // namespace desksim::models
