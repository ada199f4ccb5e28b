#pragma once
// Queue disciplines of a station, behind one interface (OMNeT++ queueinglib's selection strategies):
// the station pushes entries and pops the next; which entry comes next is the discipline's only
// decision. Entries are (ticket index, queue token); a ticket that leaves the queue (abandons, is
// cancelled) or is re-ranked leaves a stale entry behind, which the station recognises by its token
// and skips, so removal costs nothing here.
#include <cstdint>
#include <deque>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "models/ticket/ticket.hpp"

namespace desksim::models {

struct QueueEntry {
  std::uint32_t ticket = 0;
  std::uint32_t token = 0;
};

class Discipline {
 public:
  virtual ~Discipline() = default;
  /// Adds an entry for `ticket` (its fields decide the rank).
  virtual void push(const Ticket& ticket, QueueEntry entry) = 0;
  /// Removes and returns the next entry (possibly stale); false when empty.
  virtual bool pop(QueueEntry* entry) = 0;
};

enum class DisciplineKind : std::uint8_t {
  kFifo,              ///< first come, first served (a ticket chased by the integrator goes ahead of unchased ones)
  kPriority,          ///< P1 first, FIFO within a priority; a chased ticket is served one priority higher
  kLiveFirst,         ///< priority, and within a priority live contacts (phone, walk-in) before the rest
  kEarliestDeadline,  ///< earliest end-to-end resolution deadline first (ties: arrival order)
};

/// `live_channel[c]` says which channels are live (kLiveFirst only).
std::unique_ptr<Discipline> make_discipline(DisciplineKind kind, std::vector<bool> live_channel = {});

}  // namespace desksim::models
