#pragma once
// The resolver network (issue 4): level-2/3 resolver groups of several suppliers as multi-server
// stations with their own queues, fed by the level-1 desk (ServiceDesk) through TicketResolver.
//
// Per visit of a ticket to a group: (hand-off delay if the supplier changes) -> queue (priority or
// FIFO; a chased ticket is served as if one priority higher) -> work drawn afresh from the group's stream -> one routing draw:
// escalation to level 3, reassignment (misroute) by the category's routing, a named transfer, or
// resolution (back to the desk, which resolves/closes/reopens the ticket). A ticket's path (groups
// visited, hours in each) is kept while it is open, in a per-ticket-record vector whose capacity is
// reused (no allocation per ticket once warm).
//
// Each supplier's SLA is measured on its own clock (models/desk/sla_clock.hpp): it runs while the
// supplier holds the ticket. The integrator supplier watches visits to groups with an OLA: one lazy
// chase event at chase_at_share of the target and one check at the target (escalation with its
// effect). End-to-end resolution breaches (the desk's clock) are attributed to where the ticket was.
//
// Emits (durations in seconds; "<s>" supplier name, "<g>" group name; ".P<k>" per priority):
//   group.<g>.visit (1 per arrival at the group), group.<g>.wait (queue time per visit),
//   group.<g>.sojourn (queue + work per visit), levels group.<g>.queue_length / .busy / .on_duty,
//   group.<g>.chase, group.<g>.ola_escalation (value 1 each);
//   supplier.<s>.{handoff_in, handoff_out, chase, ola_escalation, escalation_l3, reassignment}[.P<k>] (1 each),
//   at final resolution, for every supplier that held the ticket:
//   supplier.<s>.{response_met, resolution_met}[.P<k>] (1/0), supplier.<s>.resolution_time[.P<k>]
//   (own-clock working seconds), supplier.<s>.time_held[.P<k>] (wall seconds in its groups),
//   supplier.<s>.reassignments_{0,1,2,3plus}[.P<k>] (1 each);
//   tickets.reassignments_{0,1,2,3plus}[.P<k>], tickets.network_time (first entry -> resolution),
//   tickets.visits (groups visited), resolver.handoff_time (transit of one cross-supplier hand-off);
//   breach.caused_by.desk / .handoff / .<s>.queue / .<s>.work (1 per end-to-end resolution breach).
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

#include "desksim/results.pb.h"
#include "models/desk/member_handler.hpp"
#include "models/desk/service_desk.hpp"
#include "models/desk/ticket_resolver.hpp"
#include "models/infra/repair_crew_provider.hpp"
#include "models/resolver/resolver_config.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {

class ResolverNetwork final : public TicketResolver, public RepairCrewProvider {
 public:
  ResolverNetwork(sim::EventKernel& kernel, sim::SignalBus& signals, const ServiceDeskConfig& desk_config,
                  const ResolverNetworkConfig& config, ServiceDesk& desk, std::uint64_t seed, std::uint64_t replication);

  /// Puts the first servers on duty and starts the roster actor (if any roster changes) until `horizon`.
  void start(sim::Time horizon);

  // TicketResolver.
  void accept(std::uint32_t index, sim::Time now) override;
  bool bypasses_desk(std::uint16_t category) const override {
    return category < config_.routes.size() && config_.routes[category].bypass_desk;
  }
  void attribute_breach(std::uint32_t index, sim::Time now) override;
  void on_final_resolution(std::uint32_t index, sim::Time now) override;

  // RepairCrewProvider: the group's engineers also repair infrastructure components.
  int crew_group(const std::string& name) const override;
  void request_engineer(std::uint16_t group, std::function<void()> on_start) override;
  void release_engineer(std::uint16_t group) override;

  /// Whole-run counters (conservation), credits per supplier per month, group utilisation.
  void add_results(sim::Time end, results::ReplicationResult* out) const;

  // Whole-run totals for conservation checks.
  struct Totals {
    std::uint64_t accepted = 0;          ///< tickets (or reopened tickets) taken from the desk
    std::uint64_t group_arrivals = 0;    ///< arrivals at a group queue
    std::uint64_t group_departures = 0;  ///< visits ended
    std::uint64_t to_same_supplier = 0;  ///< departures to another group of the same supplier
    std::uint64_t to_other_supplier = 0; ///< departures handed off to another supplier's group
    std::uint64_t resolved = 0;          ///< departures resolved (back to the desk)
    std::uint64_t handoffs_sent = 0;     ///< hand-offs started (from the desk or a group)
    std::uint64_t handoffs_arrived = 0;  ///< hand-offs that reached their group
    std::uint64_t unrouted = 0;          ///< accepted tickets without a route (category unknown): resolved at once
    std::array<std::array<std::uint64_t, kMaxSuppliers>, kMaxSuppliers> handoffs{};  ///< [from][to]
    std::array<std::uint64_t, kMaxSuppliers> chases{}, ola_escalations{};
  };
  const Totals& totals() const { return totals_; }
  std::uint64_t in_groups() const;
  std::uint64_t in_handoff() const;

 private:
  enum class Where : std::uint8_t { kNone, kHandoff, kQueued, kInService };
  struct Visit {
    std::uint16_t group;
    float hours;
  };
  struct NetTicket {
    std::uint32_t serial = 0;
    bool known = false;  ///< state belongs to the ticket with `serial`
    Where where = Where::kNone;
    std::uint16_t group = 0;
    std::uint32_t visit_token = 0, queue_token = 0;
    std::uint32_t slot = 0;
    std::uint8_t queue_priority = 4;
    bool chased = false;
    std::uint8_t reassignments = 0;
    std::uint8_t held_mask = 0;  ///< suppliers that held the ticket
    std::uint8_t responded_mask = 0;
    sim::Time network_entry = 0.0, visit_start = 0.0, handoff_start = 0.0;
    std::array<SlaClock, kMaxSuppliers> response{}, resolution{};
    std::array<double, kMaxSuppliers> held_seconds{};
    std::vector<Visit> path;
  };
  struct Station {
    std::vector<std::deque<std::uint64_t>> queues;  ///< by rank; entries ticket_payload(index, queue_token)
    std::size_t waiting = 0;
    std::vector<std::uint32_t> idle, off_duty;  ///< global slot ids
    std::uint32_t on_duty = 0, target = 0, busy = 0, extra = 0;
    std::deque<std::function<void()>> repairs_waiting;  ///< served before any ticket
    std::vector<std::uint32_t> repairing;               ///< slots of engineers on a repair
    sim::SignalId visit, wait, sojourn, queue_length, busy_level, on_duty_level, chase, ola_escalation;
  };
  using PerPriority = std::array<sim::SignalId, 1 + kPriorities>;

  void on_handoff_end(sim::Time now, std::uint64_t payload);
  void on_completion(sim::Time now, std::uint64_t slot);
  void on_chase(sim::Time now, std::uint64_t payload);
  void on_ola_check(sim::Time now, std::uint64_t payload);
  void on_extra_end(sim::Time now, std::uint64_t payload);
  /// A supplier's own response or resolution deadline during a visit: recorded as a breach when it
  /// happens if the clock is still running (the visit is the one the payload names).
  void on_supplier_response_deadline(sim::Time now, std::uint64_t payload);
  void on_supplier_resolution_deadline(sim::Time now, std::uint64_t payload);

  void move_to(std::uint32_t index, std::uint16_t group, int from_supplier, sim::Time now);
  void enter_group(std::uint32_t index, std::uint16_t group, sim::Time now);
  void enqueue(std::uint32_t index, bool rerank);
  void start_service(std::uint32_t index, std::uint32_t slot, sim::Time now);
  void dispatch(std::uint16_t group, sim::Time now);
  bool pop_next(Station& station, std::uint16_t group, std::uint32_t* index);
  void set_target(std::uint16_t group, sim::Time now);
  std::uint32_t new_slot(std::uint16_t group);
  bool draw_misroute(std::uint32_t index, std::uint16_t from, std::uint16_t* to);
  std::uint16_t draw(const GroupChoice& choice, double u) const;
  const sim::WorkingCalendar& calendar(std::size_t index) const { return desk_config_.calendars[index]; }
  NetTicket& state(std::uint32_t index);
  void emit_levels(std::uint16_t group, sim::Time now) const;
  void emit_sp(const std::vector<PerPriority>& ids, std::size_t supplier, std::uint8_t priority, sim::Time now,
               double value) const;
  PerPriority per_priority(sim::SignalBus& signals, const std::string& base);

  sim::EventKernel& kernel_;
  const sim::SignalBus& signals_;
  const ServiceDeskConfig& desk_config_;
  const ResolverNetworkConfig& config_;
  ServiceDesk& desk_;

  MemberHandler<ResolverNetwork, &ResolverNetwork::on_handoff_end> handoff_handler_{this};
  MemberHandler<ResolverNetwork, &ResolverNetwork::on_completion> completion_handler_{this};
  MemberHandler<ResolverNetwork, &ResolverNetwork::on_chase> chase_handler_{this};
  MemberHandler<ResolverNetwork, &ResolverNetwork::on_ola_check> ola_handler_{this};
  MemberHandler<ResolverNetwork, &ResolverNetwork::on_extra_end> extra_handler_{this};
  MemberHandler<ResolverNetwork, &ResolverNetwork::on_supplier_response_deadline> response_deadline_handler_{this};
  MemberHandler<ResolverNetwork, &ResolverNetwork::on_supplier_resolution_deadline> resolution_deadline_handler_{this};
  sim::HandlerId handoff_end_, completion_, chase_, ola_check_, extra_end_, response_deadline_, resolution_deadline_;

  sim::RandomStream routing_, handoff_;
  std::vector<sim::RandomStream> work_, route_;  ///< per group

  std::vector<NetTicket> tickets_;   ///< by the desk's ticket index
  std::vector<Station> stations_;    ///< by group
  std::vector<std::uint32_t> slot_ticket_;
  std::vector<std::uint16_t> slot_group_;
  std::uint32_t next_visit_token_ = 1, next_queue_token_ = 1;
  Totals totals_;
  // Resolved / breached (own resolution clock) per supplier per month, for credits.
  std::array<std::vector<std::uint64_t>, kMaxSuppliers> month_resolved_, month_breached_;

  std::vector<PerPriority> handoff_in_, handoff_out_, chase_sig_, ola_escalation_sig_, escalation_l3_, reassignment_,
      response_met_, resolution_met_, resolution_time_, time_held_, response_breach_, resolution_breach_;
  std::vector<std::array<PerPriority, 4>> supplier_reassignments_;  ///< [supplier][0,1,2,3+]
  std::array<PerPriority, 4> reassignments_;
  sim::SignalId network_time_, visits_, handoff_time_, caused_desk_, caused_handoff_;
  std::vector<sim::SignalId> caused_queue_, caused_work_;
};

}  // namespace desksim::models
