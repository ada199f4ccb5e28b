#pragma once
// An incident ticket of the population-mode desk, and the pool that recycles ticket records.
//
// Lifecycle (state names as a service-management tool shows them):
//   logged/queued (waiting for an agent; phone callers may abandon, then redial: kAway)
//   -> in progress (an agent handles the contact)
//   -> resolved at first contact, or handed on: pending user (SLA clock paused) -> with resolver
//   -> resolved -> closed after the auto-close delay, or reopened (back to the resolver) first.
// A ticket's record is reused after it closes (or is abandoned for good); events that refer to a
// ticket carry its index and a 32-bit token (the ticket's serial, or its queue entry's serial) so
// that an event outliving its ticket or its queue entry is recognised and ignored (lazy invalidation).
#include <cstdint>
#include <vector>

#include "models/desk/sla_clock.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

enum class TicketState : std::uint8_t {
  kFree,          ///< record not in use
  kQueued,        ///< logged, waiting for an agent
  kAway,          ///< abandoned the queue, will redial
  kInProgress,    ///< with a level-1 agent
  kPendingUser,   ///< waiting on the user; resolution clock paused
  kWithResolver,  ///< left the desk, being resolved elsewhere
  kLinked,        ///< a duplicate of a major incident, waiting for the service to be restored
  kResolved,      ///< resolved, may still be reopened
  kClosed,        ///< resolved for good (closure pending); no longer open
};


struct ServiceTicket {
  std::uint32_t serial = 0;       ///< low 32 bits of the ticket number; token of ticket events
  std::uint32_t queue_token = 0;  ///< serial of the current queue entry; token of abandonment events
  std::uint32_t user = 0;
  std::uint16_t category = 0;
  std::uint8_t priority = 4;  ///< 1..4
  std::uint8_t channel = 0;
  TicketState state = TicketState::kFree;
  bool answered = false;
  bool callback = false;
  bool reopened = false;
  sim::Time raised_at = 0.0;
  sim::Time attempt_started = 0.0;  ///< this queue attempt (redials start a new one)
  sim::Time work = 0.0;             ///< level-1 agent time, seconds
  std::uint64_t parent = 0;         ///< major incident it duplicates (0 = none)
  SlaClock response, resolution;
};

/// Owns the ticket records; indices stay valid until release().
class TicketPool {
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
  void release(std::uint32_t i) {
    tickets_[i].state = TicketState::kFree;
    free_.push_back(i);
  }
  ServiceTicket& operator[](std::uint32_t i) { return tickets_[i]; }
  const ServiceTicket& operator[](std::uint32_t i) const { return tickets_[i]; }
  std::size_t capacity() const { return tickets_.size(); }

 private:
  std::vector<ServiceTicket> tickets_;
  std::vector<std::uint32_t> free_;
};

inline std::uint64_t ticket_payload(std::uint32_t index, std::uint32_t token) {
  return (static_cast<std::uint64_t>(index) << 32) | token;
}
inline std::uint32_t payload_index(std::uint64_t p) { return static_cast<std::uint32_t>(p >> 32); }
inline std::uint32_t payload_token(std::uint64_t p) { return static_cast<std::uint32_t>(p); }

}  // namespace desksim::models
