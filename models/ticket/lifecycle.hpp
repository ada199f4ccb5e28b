#pragma once
// The ticket lifecycle: the states a ticket can be in and the transitions allowed between them, in
// one table. `Lifecycle::enter` is the only way to change a ticket's state: it checks the table
// (an illegal transition is a programming error and throws), closes the time spent in the old state,
// counts entries and exits per state for conservation checks, and emits one declared signal per
// transition: "state.<old>" with the seconds spent in the old state.
//
// Adding a state: a row and a column of the table in lifecycle.cpp, its name and flags below, a
// schema field if users configure it, and the flow's handler for it.
#include <array>
#include <cstdint>
#include <string_view>

#include "models/ticket/ticket.hpp"
#include "sim/kernel/signal_bus.hpp"

namespace desksim::models {

inline constexpr std::array<std::string_view, kTicketStates> kTicketStateNames = {
    "free",    "raised",       "queued",     "away",     "in_service", "waiting_on_user", "waiting_on_vendor",
    "waiting_on_change", "in_handoff", "elsewhere", "linked", "resolved", "reopened", "closed", "cancelled",
    "abandoned"};

constexpr std::string_view state_name(TicketState s) { return kTicketStateNames[static_cast<std::size_t>(s)]; }

/// Open = raised and neither resolved for good, cancelled, abandoned nor closed.
constexpr bool is_terminal(TicketState s) {
  return s == TicketState::kClosed || s == TicketState::kCancelled || s == TicketState::kAbandoned ||
         s == TicketState::kFree;
}
constexpr bool is_waiting(TicketState s) {
  return s == TicketState::kWaitingOnUser || s == TicketState::kWaitingOnVendor || s == TicketState::kWaitingOnChange;
}

class Lifecycle {
 public:
  /// Declares the per-state signals on `signals`.
  explicit Lifecycle(sim::SignalBus& signals);

  /// True if the table allows from -> to.
  static bool allowed(TicketState from, TicketState to);

  /// Moves `ticket` into `to` at `now`. Throws std::logic_error on a transition the table forbids.
  void enter(Ticket& ticket, TicketState to, sim::Time now);

  /// Whether enter() adds the time spent to the ticket's seconds_in_state (on by default). Only
  /// per-ticket records read them, and without records the write would touch a cache line of the
  /// ticket that nothing else on the way reads.
  void keep_time_in_state(bool keep) { keep_time_in_state_ = keep; }

  /// Tickets that entered / left each state over the whole run (entered = left + present at the end).
  std::uint64_t entered(TicketState s) const { return entered_[static_cast<std::size_t>(s)]; }
  std::uint64_t left(TicketState s) const { return left_[static_cast<std::size_t>(s)]; }

 private:
  const sim::SignalBus& signals_;
  std::array<sim::SignalId, kTicketStates> time_in_state_{};
  std::array<std::uint64_t, kTicketStates> entered_{}, left_{};
  bool keep_time_in_state_ = true;
};

}  // namespace desksim::models
