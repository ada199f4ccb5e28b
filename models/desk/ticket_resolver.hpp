#pragma once
// What the level-1 desk hands unresolved tickets to (issue 4): the resolver network. The desk owns
// the ticket records; the resolver refers to them by index and calls
// ServiceDesk::resolved_by_resolver when it is done with one.
#include <cstdint>

#include "sim/kernel/time.hpp"

namespace desksim::models {

class TicketResolver {
 public:
  virtual ~TicketResolver() = default;
  /// Ticket `index` left the desk unresolved (or was reopened): the resolver takes it now.
  virtual void accept(std::uint32_t index, sim::Time now) = 0;
  /// True if tickets of this category skip level 1 and go straight to the resolver.
  virtual bool bypasses_desk(std::uint16_t category) const = 0;
  /// The end-to-end resolution target of ticket `index` was missed now: say where it was.
  virtual void attribute_breach(std::uint32_t index, sim::Time now) = 0;
  /// Ticket `index` was resolved for good now (it will not be reopened).
  virtual void on_final_resolution(std::uint32_t index, sim::Time now) = 0;
};

}  // namespace desksim::models
