#pragma once
// The level-1 service desk of the population mode (issue 3) and what happens to a ticket after it:
// rostered agents, a priority queue (P1 first, FIFO within a priority, optionally live contacts
// before portal/email), phone abandonment with patience, redial and callback, first-contact
// resolution, hand-off to a "resolved elsewhere" delay with an optional pending-user pause,
// reopening, auto-closure, and the response and resolution SLA clocks of the desk's supplier with
// breaches recorded at the moment they happen (a check event at the deadline the calendar gives).
//
// Events per ticket: raise, answer-completion, one response and one resolution deadline check,
// the resolver's completion, closure; plus abandonment/redial/pending/reopen events when they apply.
// Stale events (a ticket already answered, a queue entry already left) are recognised by tokens.
//
// Emits (seconds for durations; indicators are 1/0, so a tally's mean is a share). Per-ticket
// signals are emitted three times: overall "<name>", per priority "<name>.P<k>", per channel
// "<name>.<channel>":
//   desk.wait            raised -> first answered by an agent (includes redial gaps)
//   desk.abandon         per queue attempt on a channel with patience: 1 abandoned, 0 answered
//   desk.fcr             per contact handled: 1 resolved at first contact
//   sla.response_met     at the answer: 1 if within the response target
//   sla.resolution_met   at the final resolution: 1 if within the resolution target
//   sla.response_breach, sla.resolution_breach   value 1 at the instant a target is missed
// Overall only: desk.queue_time (per attempt, answered or abandoned), desk.delayed (per attempt:
// 1 if it had to wait), tickets.raised / tickets.resolved (final) / tickets.abandoned (final) /
// tickets.reopened / tickets.closed (value 1), and levels desk.queue_length, desk.busy_agents,
// desk.agents_on_duty, tickets.open.
#include <array>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "models/desk/member_handler.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/desk/service_ticket.hpp"
#include "models/desk/ticket_resolver.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {

class ServiceDesk {
 public:
  ServiceDesk(sim::EventKernel& kernel, sim::SignalBus& signals, const ServiceDeskConfig& config, std::uint64_t seed,
              std::uint64_t replication);

  /// A user raises a ticket now through `channel`; `work` is the level-1 agent time it needs.
  /// `parent` != 0: the ticket reports a known outage, major incident `parent` (an id unique in the
  /// run): the agent links it instead of resolving or routing it, and it is resolved with the parent
  /// (resolve_linked), or at once when answered after the parent was resolved.
  void raise(std::uint32_t user, std::uint16_t category, std::uint8_t priority, std::uint8_t channel, sim::Time work,
             std::uint64_t parent = 0);
  /// The major incident `parent` is resolved now: every ticket linked to it is resolved.
  void resolve_linked(std::uint64_t parent);

  /// Roster change: `agents` on duty from now. Idle agents leave at once, busy ones after their ticket.
  void set_agents(std::uint32_t agents);

  // Lifetime totals (whole run, not only the measured window), for conservation checks.
  std::uint64_t raised_total() const { return raised_total_; }
  std::uint64_t resolved_total() const { return resolved_total_; }
  std::uint64_t abandoned_total() const { return abandoned_total_; }
  std::uint64_t open() const { return open_; }
  /// Open tickets counted from the ticket records themselves (not from the running counter).
  std::uint64_t count_open_records() const;
  std::uint32_t on_duty() const { return on_duty_; }
  std::uint32_t busy() const { return busy_; }
  std::size_t waiting() const { return waiting_; }

  /// Replaces the "resolved elsewhere" stand-in by a resolver network (issue 4); before any event.
  void attach_resolver(TicketResolver* resolver) { resolver_ = resolver; }
  /// The resolver finished with ticket `index` (state kWithResolver): resolve it now (it may still
  /// be reopened, and then comes back to the resolver through TicketResolver::accept).
  void resolved_by_resolver(std::uint32_t index, sim::Time now);
  const ServiceTicket& ticket(std::uint32_t index) const { return tickets_[index]; }
  const ServiceDeskConfig& config() const { return config_; }

 private:
  // Event kinds.
  void on_completion(sim::Time now, std::uint64_t slot);
  void on_abandon(sim::Time now, std::uint64_t payload);
  void on_redial(sim::Time now, std::uint64_t payload);
  void on_response_check(sim::Time now, std::uint64_t payload);
  void on_resolution_check(sim::Time now, std::uint64_t payload);
  void on_pending_end(sim::Time now, std::uint64_t payload);
  void on_resolver_done(sim::Time now, std::uint64_t payload);
  void on_reopen(sim::Time now, std::uint64_t payload);
  void on_close(sim::Time now, std::uint64_t payload);

  void enter_queue(std::uint32_t index, sim::Time now);
  void start_service(std::uint32_t index, sim::Time now);
  void dispatch(sim::Time now);
  bool pop_next(std::uint32_t* index);
  void hand_off(std::uint32_t index, sim::Time now);
  void resolve(std::uint32_t index, sim::Time now, bool may_reopen = true);
  void send_to_resolver(std::uint32_t index, sim::Time now);
  std::size_t rank_of(const ServiceTicket& t) const;
  bool live_event(std::uint32_t index, std::uint32_t serial) const;

  // SLA clocks.
  const sim::WorkingCalendar& calendar(std::uint8_t priority) const;
  sim::Time elapsed(const SlaClock& clock, std::uint8_t priority, sim::Time now) const;
  void start_clock(SlaClock& clock, std::uint32_t index, double target, sim::HandlerId check, sim::Time now);
  void stop_clock(SlaClock& clock, std::uint8_t priority, sim::Time now);

  struct SignalTriple {
    std::array<sim::SignalId, 1 + kPriorities + kChannels> ids;  // overall, P1..P4, channels
  };
  SignalTriple triple(sim::SignalBus& signals, const char* name);
  void emit3(const SignalTriple& s, const ServiceTicket& t, sim::Time now, double value) const;
  void emit_levels(sim::Time now) const;

  sim::EventKernel& kernel_;
  const sim::SignalBus& signals_;
  const ServiceDeskConfig& config_;

  MemberHandler<ServiceDesk, &ServiceDesk::on_completion> completion_handler_{this};
  MemberHandler<ServiceDesk, &ServiceDesk::on_abandon> abandon_handler_{this};
  MemberHandler<ServiceDesk, &ServiceDesk::on_redial> redial_handler_{this};
  MemberHandler<ServiceDesk, &ServiceDesk::on_response_check> response_check_handler_{this};
  MemberHandler<ServiceDesk, &ServiceDesk::on_resolution_check> resolution_check_handler_{this};
  MemberHandler<ServiceDesk, &ServiceDesk::on_pending_end> pending_end_handler_{this};
  MemberHandler<ServiceDesk, &ServiceDesk::on_resolver_done> resolver_done_handler_{this};
  MemberHandler<ServiceDesk, &ServiceDesk::on_reopen> reopen_handler_{this};
  MemberHandler<ServiceDesk, &ServiceDesk::on_close> close_handler_{this};
  sim::HandlerId completion_, abandon_, redial_, response_check_, resolution_check_, pending_end_, resolver_done_,
      reopen_, close_;

  // One stream per stochastic source.
  sim::RandomStream patience_, redial_draw_, callback_, fcr_, resolver_delay_, pending_, reopen_draw_;
  TicketResolver* resolver_ = nullptr;  // the resolver network; null = the "resolved elsewhere" stand-in

  TicketPool tickets_;
  std::uint32_t next_serial_ = 0;
  std::uint32_t next_queue_token_ = 0;
  std::array<std::deque<std::uint64_t>, 2 * kPriorities> queues_;  // entries: ticket_payload(index, queue_token)
  std::size_t waiting_ = 0;

  std::vector<std::uint32_t> slot_ticket_;  // ticket index in service per agent slot
  std::vector<std::uint32_t> idle_;         // on-duty idle slots
  std::vector<std::uint32_t> off_duty_;     // slots of agents not on duty
  std::uint32_t on_duty_ = 0, target_ = 0, busy_ = 0;

  std::uint64_t raised_total_ = 0, resolved_total_ = 0, abandoned_total_ = 0, open_ = 0;
  // Tickets linked to a major incident that is still open (payloads), and the ones already resolved.
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> linked_;
  std::unordered_set<std::uint64_t> resolved_parents_;

  SignalTriple wait_, abandon_signal_, fcr_signal_, response_met_, resolution_met_, response_breach_, resolution_breach_;
  sim::SignalId queue_time_, delayed_, raised_, resolved_, abandoned_, reopened_, closed_;
  sim::SignalId queue_length_, busy_agents_, agents_on_duty_, open_tickets_;
};

}  // namespace desksim::models
