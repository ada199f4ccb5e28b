#pragma once
// One record per incident for its whole life, whatever it is doing: at the desk, in a resolver
// group, waiting on someone, in a hand-off between suppliers, resolved. Records are recycled through
// TicketStore; events that refer to a ticket carry its index and a 32-bit token (its serial, or the
// serial of its current queue entry or visit) so that an event that outlives what it was about is
// recognised and ignored.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/desk/sla_clock.hpp"
#include "sim/kernel/large_array_allocator.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

inline constexpr std::size_t kMaxSuppliers = 4;

enum class TicketState : std::uint8_t {
  kFree,             ///< record not in use
  kRaised,           ///< just raised, not yet placed
  kQueued,           ///< waiting for a server of a station (the desk or a resolver group)
  kAway,             ///< abandoned the desk's queue, will redial
  kInService,        ///< a server of a station works on it
  kWaitingOnUser,    ///< a resolver group waits on the user (no server held)
  kWaitingOnVendor,  ///< ... on a third-party vendor
  kWaitingOnChange,  ///< ... on a change or a problem record
  kInHandoff,        ///< in transit from one supplier to another
  kElsewhere,        ///< with a resolver outside the model (no resolver network configured)
  kLinked,           ///< a duplicate of a major incident, waiting for the service to be restored
  kResolved,         ///< resolved; reopened later or closed after the auto-close delay
  kReopened,         ///< the user reopened it (momentarily, before it is routed again)
  kClosed,           ///< closed after resolution
  kCancelled,        ///< closed without resolution
  kAbandoned,        ///< the caller hung up for good before being answered: no ticket was logged
};
inline constexpr std::size_t kTicketStates = 16;

/// A station visited: the desk or a resolver group, with the times it arrived, started being
/// served and left.
struct StationVisit {
  std::uint16_t station = 0;
  float arrived_hours = 0, left_hours = 0;
};

/// A spell in a waiting state.
struct WaitSpell {
  TicketState state = TicketState::kWaitingOnUser;
  float start_hours = 0, end_hours = 0;
};

// Fields are grouped by the events that read them, hottest first. Deadline checks (response,
// resolution) are the most frequent events on a ticket that has not been touched for hours, so what
// they read (serial, state, priority and both desk clocks) fills the first 64 bytes: with tens of
// thousands of tickets open the records leave the cache, and each line read is a miss.
struct alignas(64) Ticket {
  // What every deadline check reads.
  std::uint32_t serial = 0;  ///< low 32 bits of the ticket number; token of ticket-wide events
  TicketState state = TicketState::kFree;
  std::uint8_t priority = 4;  ///< 1..4
  std::uint8_t channel = 0;
  std::uint8_t queue_priority = 4;  ///< priority it is queued at (an OLA escalation can raise it)
  std::uint32_t visit_token = 0;  ///< serial of its current visit, hand-off or wait (stale timers are skipped)
  std::uint32_t queue_token = 0;  ///< serial of its current queue entry (stale entries are skipped)
  SlaClock response, resolution;  ///< the desk supplier's end-to-end clocks

  // Where it is and what it is about.
  sim::Time state_since = 0.0;
  sim::Time raised_at = 0.0;
  sim::Time work = 0.0;      ///< work of the current service, seconds
  sim::Time deadline = 0.0;  ///< end-to-end resolution deadline (earliest-deadline-first queues)
  std::uint32_t slot = 0;    ///< server slot while in service
  std::uint32_t user = 0;
  std::uint16_t station = 0;   ///< station it is queued at or served by
  std::uint16_t group = 0;     ///< current or next resolver group
  std::uint16_t category = 0;
  bool answered = false;
  bool callback = false;
  bool reopened = false;
  bool final_resolution = false;  ///< resolved and will not be reopened
  bool cancel_requested = false;  ///< to be cancelled when its current work ends
  bool chased = false;            ///< chased by the integrator during this visit
  bool in_network = false;
  bool resume_work = false;         ///< the current service is the work after a wait
  std::uint8_t reassignments = 0;   ///< changes of group
  std::uint8_t misroutes = 0;       ///< reassignments because the group was the wrong one
  std::uint8_t misroutes_left = 0;  ///< still to come when the count was drawn up front
  std::uint8_t held_mask = 0;       ///< suppliers that held it
  std::uint8_t responded_mask = 0;  ///< suppliers whose response clock stopped
  std::int8_t wait_after_work = -1; ///< waiting rule chosen for this visit (index), -1 = none

  // Colder: read once or twice in a ticket's life.
  std::uint64_t parent = 0;         ///< major incident it duplicates (0 = none)
  sim::Time attempt_started = 0.0;  ///< this desk queue attempt (redials start a new one)
  sim::Time desk_work = 0.0;        ///< level-1 agent time, seconds
  sim::Time resolved_at = 0.0;
  sim::Time network_entry = 0.0, visit_start = 0.0, handoff_start = 0.0;

  // History (capacity reused when the record is recycled).
  std::array<float, kTicketStates> seconds_in_state{};
  std::vector<StationVisit> visits;
  std::vector<WaitSpell> waits;
};
static_assert(offsetof(Ticket, resolution) + sizeof(SlaClock) <= 64, "deadline checks read one cache line");

/// One supplier's own clocks and the time it held a ticket, for tickets in the resolver network
/// only. The flow keeps one per supplier of the run beside the Ticket records (same index), so that
/// a ticket resolved at the desk never pays to reset them and a ticket's clocks lie side by side.
struct SupplierClock {
  SlaClock response, resolution;
  double held_seconds = 0.0;
};

/// Owns the ticket records; indices stay valid until release().
class TicketStore {
 public:
  std::uint32_t acquire() {
    if (free_.empty()) {
      tickets_.emplace_back();
      return static_cast<std::uint32_t>(tickets_.size() - 1);
    }
    const std::uint32_t i = free_.back();
    free_.pop_back();
    return i;
  }
  /// Resets a recycled record, keeping the capacity of its history vectors.
  void reset(std::uint32_t i) {
    Ticket& t = tickets_[i];
    std::vector<StationVisit> visits = std::move(t.visits);
    std::vector<WaitSpell> waits = std::move(t.waits);
    t = Ticket{};
    visits.clear();
    waits.clear();
    t.visits = std::move(visits);
    t.waits = std::move(waits);
  }
  void release(std::uint32_t i) {
    tickets_[i].state = TicketState::kFree;
    free_.push_back(i);
  }
  /// Starts loading record i's first two cache lines (what most events read), if it exists.
  void prefetch(std::uint32_t i) const {
    if (i >= tickets_.size()) return;
    __builtin_prefetch(&tickets_[i]);
    __builtin_prefetch(reinterpret_cast<const char*>(&tickets_[i]) + 64);
  }
  /// Starts loading, for writing, the whole record that the next acquire() returns, if one is free
  /// (a new ticket writes all of it, and the record was last touched when its ticket closed).
  void prefetch_next_acquire() const {
    if (free_.empty()) return;
    const char* record = reinterpret_cast<const char*>(&tickets_[free_.back()]);
    for (std::size_t line = 0; line < sizeof(Ticket); line += 64) __builtin_prefetch(record + line, 1);
  }
  Ticket& operator[](std::uint32_t i) { return tickets_[i]; }
  const Ticket& operator[](std::uint32_t i) const { return tickets_[i]; }
  std::uint32_t capacity() const { return static_cast<std::uint32_t>(tickets_.size()); }

 private:
  std::vector<Ticket, sim::LargeArrayAllocator<Ticket>> tickets_;
  std::vector<std::uint32_t> free_;
};

inline std::uint64_t ticket_payload(std::uint32_t index, std::uint32_t token) {
  return (static_cast<std::uint64_t>(index) << 32) | token;
}
inline std::uint32_t payload_index(std::uint64_t p) { return static_cast<std::uint32_t>(p >> 32); }
inline std::uint32_t payload_token(std::uint64_t p) { return static_cast<std::uint32_t>(p); }

}  // namespace desksim::models
