#pragma once
// Where tickets go: the one model that moves a ticket between the desk, the resolver groups, the
// waiting states and the hand-offs between suppliers, and that keeps its SLA clocks. Stations (the
// desk and every resolver group) queue and serve; the flow decides, after each service, what comes
// next; `Lifecycle::enter` records every change of state.
//
//   raise -> desk (queue; phone callers may abandon and redial) -> resolved at first contact
//         -> or linked to a major incident (closed with it)
//         -> or [waiting on the user] -> resolver network (or the "resolved elsewhere" stand-in)
//   group visit: (hand-off if the supplier changes) -> queue -> work -> [waiting state -> [work]]
//         -> escalated / misrouted / transferred to another group, or resolved
//   resolved -> reopened (routed again) or closed after the auto-close delay; cancelled from anywhere
//
// Each supplier's SLA is measured on its own clock (models/desk/sla_clock.hpp), running while it
// holds the ticket; waiting states pause a supplier's clocks or not as its contract says. The
// integrator supplier chases and escalates visits to groups with an OLA. End-to-end resolution
// breaches (the desk supplier's clock) are attributed to where the ticket was.
//
// The signals it emits are declared in flow_signals.cpp with their units and meanings.
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "desksim/results.pb.h"
#include "models/desk/member_handler.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/flow/flow_signals.hpp"
#include "models/flow/ticket_record_writer.hpp"
#include "models/infra/repair_crew_provider.hpp"
#include "models/resolver/resolver_config.hpp"
#include "models/station/station.hpp"
#include "models/ticket/lifecycle.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"
#include "sim/calendar/reporting_months.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {

class ServiceFlow final : public StationListener, public RepairCrewProvider {
 public:
  /// `network` null: tickets not resolved at the desk go to the "resolved elsewhere" stand-in.
  ServiceFlow(sim::EventKernel& kernel, sim::SignalBus& signals, const ServiceDeskConfig& desk,
              const ResolverNetworkConfig* network, std::uint64_t seed, std::uint64_t replication);

  /// Puts the first servers on duty and starts the roster actors (when rosters change) until `horizon`.
  void start(sim::Time horizon);
  /// From now on, the desk and the network as `desk` and `network` say (a programme's dated change:
  /// the same channels, categories, groups and suppliers, other numbers): rosters are applied at once
  /// and followed from now; tickets already in a state keep what was drawn for them. Both must
  /// outlive the flow.
  void reconfigure(const ServiceDeskConfig& desk, const ResolverNetworkConfig* network);

  /// A user raises a ticket now through `channel`; `work` is the level-1 agent time it needs.
  /// `parent` != 0: the ticket reports a known outage, major incident `parent` (an id unique in the
  /// run): the agent links it instead of resolving or routing it, and it is resolved with the parent
  /// (resolve_linked), or at once when answered after the parent was resolved.
  void raise(std::uint32_t user, std::uint16_t category, std::uint8_t priority, std::uint8_t channel, sim::Time work,
             std::uint64_t parent = 0);
  /// The next raise() is imminent (its arrival is the kernel's next event): start loading the record
  /// it will fill, which is cold with many tickets open.
  void prefetch_raise() const { tickets_.prefetch_next_acquire(); }
  /// The major incident `parent` is resolved now: every ticket linked to it is resolved.
  void resolve_linked(std::uint64_t parent);
  /// Desk roster change: `agents` on duty from now.
  void set_agents(std::uint32_t agents);
  /// Per-ticket records are written here as tickets close (null = none). Set before the run starts:
  /// the hours in each state that records report are kept only when there are records.
  void set_record_writer(TicketRecordWriter* writer) {
    records_ = writer;
    lifecycle_.keep_time_in_state(writer != nullptr);
  }
  /// Writes the records of the tickets still open (or resolved and not yet closed) at the end.
  void write_open_records() const;

  // StationListener.
  void on_service_start(std::uint16_t station, std::uint32_t ticket, sim::Time now) override;
  void on_service_done(std::uint16_t station, std::uint32_t ticket, sim::Time now) override;

  // RepairCrewProvider: a resolver group's engineers also repair infrastructure components.
  int crew_group(const std::string& name) const override;
  void request_engineer(std::uint16_t group, std::function<void()> on_start) override;
  void release_engineer(std::uint16_t group) override;

  // Whole-run totals (not only the measured window), for conservation checks.
  struct Totals {
    std::uint64_t raised = 0, resolved = 0, abandoned = 0, cancelled = 0;
    std::uint64_t accepted = 0;          ///< tickets (or reopened tickets) routed into the network
    std::uint64_t group_arrivals = 0;    ///< visits begun
    std::uint64_t group_departures = 0;  ///< visits ended (including by cancellation)
    std::uint64_t to_same_supplier = 0;  ///< departures to another group of the same supplier
    std::uint64_t to_other_supplier = 0; ///< departures handed off to another supplier's group
    std::uint64_t network_resolved = 0;  ///< departures resolved
    std::uint64_t handoffs_sent = 0, handoffs_arrived = 0;
    std::uint64_t unrouted = 0;          ///< routed tickets without a route (unknown category): resolved at once
    std::array<std::array<std::uint64_t, kMaxSuppliers>, kMaxSuppliers> handoffs{};  ///< [from][to]
    std::array<std::uint64_t, kMaxSuppliers> chases{}, ola_escalations{};
  };
  const Totals& totals() const { return totals_; }
  std::uint64_t open() const { return open_; }
  const Lifecycle& lifecycle() const { return lifecycle_; }
  /// Tickets in each state now, counted from the records.
  std::array<std::uint64_t, kTicketStates> count_by_state() const;
  std::uint64_t count_open_records() const;
  const Ticket& ticket(std::uint32_t index) const { return tickets_[index]; }
  const Station& desk_station() const { return *stations_[0]; }

  /// Conservation counters, per-state counts, credits per supplier per month, group utilisation.
  void add_results(sim::Time end, results::ReplicationResult* out) const;

 private:
  // Desk.
  void desk_arrive(std::uint32_t i, sim::Time now);
  void on_abandon(sim::Time now, std::uint64_t payload);
  void on_redial(sim::Time now, std::uint64_t payload);
  void desk_done(std::uint32_t i, sim::Time now);
  void hand_off(std::uint32_t i, sim::Time now);
  void on_pending_end(sim::Time now, std::uint64_t payload);
  void send_on(std::uint32_t i, sim::Time now);
  void on_elsewhere_done(sim::Time now, std::uint64_t payload);

  // Resolver network (network_flow.cpp).
  void route_into_network(std::uint32_t i, sim::Time now);
  void move_to(std::uint32_t i, std::uint16_t group, int from_supplier, sim::Time now);
  void on_handoff_end(sim::Time now, std::uint64_t payload);
  void enter_group(std::uint32_t i, std::uint16_t group, sim::Time now);
  void group_done(std::uint16_t group, std::uint32_t i, sim::Time now);
  void on_wait_end(sim::Time now, std::uint64_t payload);
  void end_visit(std::uint32_t i, sim::Time now);
  void route_after_visit(std::uint32_t i, std::uint16_t group, sim::Time now);
  bool draw_misroute(std::uint32_t i, std::uint16_t from, std::uint16_t* to);
  std::uint16_t draw(const GroupChoice& choice, double u) const;
  void on_chase(sim::Time now, std::uint64_t payload);
  void on_ola_check(sim::Time now, std::uint64_t payload);
  void on_extra_end(sim::Time now, std::uint64_t payload);
  void set_group_servers(std::uint16_t group, sim::Time now);
  void start_rosters();
  /// The network configuration in force at `t` (contracts are billed by the one in force at the
  /// start of each month).
  const ResolverNetworkConfig* network_at(sim::Time t) const;
  bool in_visit(const Ticket& t, std::uint32_t visit_token) const;

  // Clocks, resolution and closure (resolution_flow.cpp).
  const sim::WorkingCalendar& calendar(std::size_t index) const { return desk_->calendars[index]; }
  void start_desk_clock(SlaClock& clock, std::uint32_t i, double target, sim::HandlerId check, sim::Time now);
  void stop_desk_clock(SlaClock& clock, std::uint8_t priority, sim::Time now);
  void on_response_check(sim::Time now, std::uint64_t payload);
  void on_resolution_check(sim::Time now, std::uint64_t payload);
  void on_supplier_response_deadline(sim::Time now, std::uint64_t payload);
  void on_supplier_resolution_deadline(sim::Time now, std::uint64_t payload);
  void start_supplier_resolution(std::uint32_t i, std::size_t supplier, sim::Time now);
  bool pauses(std::size_t supplier, TicketState waiting) const;
  void pause_clocks(std::uint32_t i, TicketState waiting, sim::Time now);
  void resume_clocks(std::uint32_t i, TicketState waiting, sim::Time now);
  void attribute_breach(std::uint32_t i, sim::Time now);
  void resolve(std::uint32_t i, sim::Time now, bool may_reopen = true);
  void final_resolution(std::uint32_t i, sim::Time now);
  void on_reopen(sim::Time now, std::uint64_t payload);
  void on_close(sim::Time now, std::uint64_t payload);
  void close(std::uint32_t i, sim::Time now);
  void on_cancel(sim::Time now, std::uint64_t payload);
  void cancel(std::uint32_t i, sim::Time now);
  void release(std::uint32_t i, sim::Time now);
  /// The flow's events carry ticket_payload(index, token): load the record's first lines.
  void prefetch_ticket(std::uint64_t payload) const { tickets_.prefetch(payload_index(payload)); }
  bool live(std::uint32_t i, std::uint32_t serial) const {
    return tickets_[i].state != TicketState::kFree && tickets_[i].serial == serial;
  }
  void emit_open(sim::Time now);

  sim::EventKernel& kernel_;
  const sim::SignalBus& signals_;
  const ServiceDeskConfig* desk_;  ///< the configuration in force (a programme switches it)
  const ResolverNetworkConfig* network_;
  std::vector<std::pair<sim::Time, const ResolverNetworkConfig*>> network_since_;  ///< each configuration from its start
  sim::Time horizon_ = 0;
  std::uint64_t roster_generation_ = 0;  ///< roster actors of an earlier configuration stop
  FlowSignals sig_;
  Lifecycle lifecycle_;
  TicketStore tickets_;
  /// Supplier s's clock of ticket i; valid while the ticket is in the network.
  SupplierClock& clock(std::uint32_t i, std::size_t s) { return clocks_[std::size_t{i} * suppliers_ + s]; }
  const SupplierClock& clock(std::uint32_t i, std::size_t s) const { return clocks_[std::size_t{i} * suppliers_ + s]; }
  std::size_t suppliers_ = 0;  ///< of the run (a programme keeps the same suppliers)
  std::vector<SupplierClock, sim::LargeArrayAllocator<SupplierClock>> clocks_;  ///< suppliers_ per ticket index
  std::vector<std::unique_ptr<Station>> stations_;  ///< [0] the desk, [1 + g] resolver group g
  TicketRecordWriter* records_ = nullptr;

  /// The flow's events are about a ticket, and the kernel's hint loads its record (the end of extra
  /// capacity, rare, carries a group instead: its hint loads a record for nothing, harmlessly).
  template <void (ServiceFlow::*Method)(sim::Time, std::uint64_t)>
  using Handler = MemberHandler<ServiceFlow, Method, &ServiceFlow::prefetch_ticket>;
  Handler<&ServiceFlow::on_abandon> abandon_handler_{this};
  Handler<&ServiceFlow::on_redial> redial_handler_{this};
  Handler<&ServiceFlow::on_pending_end> pending_end_handler_{this};
  Handler<&ServiceFlow::on_elsewhere_done> elsewhere_handler_{this};
  Handler<&ServiceFlow::on_handoff_end> handoff_handler_{this};
  Handler<&ServiceFlow::on_wait_end> wait_end_handler_{this};
  Handler<&ServiceFlow::on_chase> chase_handler_{this};
  Handler<&ServiceFlow::on_ola_check> ola_handler_{this};
  Handler<&ServiceFlow::on_extra_end> extra_handler_{this};
  Handler<&ServiceFlow::on_response_check> response_check_handler_{this};
  Handler<&ServiceFlow::on_resolution_check> resolution_check_handler_{this};
  Handler<&ServiceFlow::on_supplier_response_deadline> supplier_response_handler_{this};
  Handler<&ServiceFlow::on_supplier_resolution_deadline> supplier_resolution_handler_{this};
  Handler<&ServiceFlow::on_reopen> reopen_handler_{this};
  Handler<&ServiceFlow::on_close> close_handler_{this};
  Handler<&ServiceFlow::on_cancel> cancel_handler_{this};
  sim::HandlerId abandon_, redial_, pending_end_, elsewhere_done_, handoff_end_, wait_end_, chase_, ola_check_,
      extra_end_, response_check_, resolution_check_, supplier_response_deadline_, supplier_resolution_deadline_,
      reopen_, close_, cancel_;
  // Lanes (sim/kernel/event_queue.hpp) for deadline streams in time order: each is a fixed working
  // time from "now" for one priority, and closing is a fixed delay after resolution.
  std::array<sim::EventQueue::LaneId, kPriorities> response_lanes_{}, resolution_lanes_{};
  std::vector<std::array<sim::EventQueue::LaneId, kPriorities>> supplier_resolution_lanes_;  ///< per supplier
  sim::EventQueue::LaneId close_lane_ = 0;

  // One stream per stochastic source.
  sim::RandomStream patience_, redial_draw_, callback_, fcr_, elsewhere_delay_, pending_, reopen_draw_, cancel_draw_;
  sim::RandomStream routing_, handoff_delay_, misroute_count_;
  std::vector<sim::RandomStream> work_, route_, wait_;  ///< per group

  std::uint32_t next_serial_ = 0, next_visit_token_ = 1;
  std::uint64_t open_ = 0;
  std::uint64_t emitted_open_ = ~std::uint64_t{0};  // the level last emitted (none yet)
  Totals totals_;
  std::vector<std::uint32_t> group_extra_;  ///< OLA escalation capacity per group
  // Tickets linked to a major incident that is still open (payloads), and the ones already resolved.
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> linked_;
  std::unordered_set<std::uint64_t> resolved_parents_;
  sim::ReportingMonths months_;  ///< calendar months from the start date: credits are billed by them
  // Resolved / breached (own resolution clock) per supplier per calendar month, for credits.
  std::array<std::vector<std::uint64_t>, kMaxSuppliers> month_resolved_, month_breached_;
};

}  // namespace desksim::models
