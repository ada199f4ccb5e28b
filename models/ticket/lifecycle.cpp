#include "models/ticket/lifecycle.hpp"

#include <stdexcept>
#include <string>

namespace desksim::models {

namespace {

using S = TicketState;
constexpr std::size_t idx(S s) { return static_cast<std::size_t>(s); }


// The whole lifecycle. Stations (the desk and resolver groups) queue and serve; after a service the
// flow decides: resolved, linked to a major incident, on to another group (queued, or in hand-off
// to another supplier), into a waiting state, or away to the stand-in resolver. A cancellation can
// come from anywhere a ticket is not being worked on.
constexpr S kOpenAfterService[] = {S::kQueued,         S::kInHandoff,      S::kResolved,        S::kLinked,
                                   S::kWaitingOnUser,  S::kWaitingOnVendor, S::kWaitingOnChange, S::kElsewhere,
                                   S::kCancelled};

std::array<std::array<bool, kTicketStates>, kTicketStates> build_table() {
  std::array<std::array<bool, kTicketStates>, kTicketStates> t{};
  auto allow = [&t](S from, std::initializer_list<S> to) {
    for (S s : to) t[idx(from)][idx(s)] = true;
  };
  allow(S::kFree, {S::kRaised});
  allow(S::kRaised, {S::kQueued, S::kInHandoff, S::kElsewhere, S::kResolved});
  allow(S::kQueued, {S::kInService, S::kAway, S::kAbandoned, S::kCancelled});
  allow(S::kAway, {S::kQueued, S::kCancelled});
  for (S s : kOpenAfterService) t[idx(S::kInService)][idx(s)] = true;
  for (S w : {S::kWaitingOnUser, S::kWaitingOnVendor, S::kWaitingOnChange})
    allow(w, {S::kQueued, S::kInHandoff, S::kResolved, S::kElsewhere, S::kCancelled});
  allow(S::kInHandoff, {S::kQueued, S::kCancelled});
  allow(S::kElsewhere, {S::kResolved, S::kCancelled});
  allow(S::kLinked, {S::kResolved});
  allow(S::kResolved, {S::kReopened, S::kClosed});
  allow(S::kReopened, {S::kQueued, S::kInHandoff, S::kElsewhere, S::kResolved});
  allow(S::kClosed, {S::kFree});
  allow(S::kCancelled, {S::kFree});
  allow(S::kAbandoned, {S::kFree});
  return t;
}

const std::array<std::array<bool, kTicketStates>, kTicketStates> kTable = build_table();

}  // namespace

Lifecycle::Lifecycle(sim::SignalBus& signals) : signals_(signals) {
  for (std::size_t s = 0; s < kTicketStates; ++s)
    time_in_state_[s] = signals.declare("state." + std::string(kTicketStateNames[s]), "s",
                                        "seconds a ticket spent in this state, emitted when it leaves it");
}

bool Lifecycle::allowed(TicketState from, TicketState to) { return kTable[idx(from)][idx(to)]; }

void Lifecycle::enter(Ticket& ticket, TicketState to, sim::Time now) {
  const TicketState from = ticket.state;
  if (!kTable[idx(from)][idx(to)])
    throw std::logic_error("ticket lifecycle: " + std::string(state_name(from)) + " -> " + std::string(state_name(to)) +
                           " is not an allowed transition");
  const double spent = now - ticket.state_since;
  if (from != TicketState::kFree) {
    if (keep_time_in_state_) ticket.seconds_in_state[idx(from)] += static_cast<float>(spent);
    signals_.emit(time_in_state_[idx(from)], now, spent);
  }
  ++left_[idx(from)];
  ++entered_[idx(to)];
  ticket.state = to;
  ticket.state_since = now;
}

}  // namespace desksim::models
