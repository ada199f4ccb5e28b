#pragma once
// The flow's table of signals: every signal it emits, declared once with its unit and meaning
// (flow_signals.cpp). Per-ticket signals come in families: overall "<name>", per priority
// "<name>.P<k>", per channel "<name>.<channel>" (desk), per supplier "supplier.<s>.<name>[.P<k>]",
// per group "group.<g>.<name>", per category "<name>.category.<c>".
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/desk/service_desk_config.hpp"
#include "models/resolver/resolver_config.hpp"
#include "sim/kernel/signal_bus.hpp"

namespace desksim::models {

/// Overall, P1..P4, then one per channel.
struct DeskFamily {
  std::array<sim::SignalId, 1 + kPriorities + kChannels> ids{};
  /// Emits a ticket's value overall, for its priority (1..4) and for its channel, in one call.
  void emit(const sim::SignalBus& bus, std::uint8_t priority, std::uint8_t channel, sim::Time now,
            double value) const {
    bus.emit({ids[0], ids[priority], ids[1 + kPriorities + channel]}, now, value);
  }
};
/// Overall, then P1..P4.
using PriorityFamily = std::array<sim::SignalId, 1 + kPriorities>;

struct SupplierSignals {
  PriorityFamily handoff_in, handoff_out, chase, ola_escalation, escalation_l3, reassignment, misroute, response_met,
      resolution_met, response_breach, resolution_breach, resolution_time, time_held, resolve_time;
  std::array<PriorityFamily, 4> reassignment_buckets;  ///< 0, 1, 2, 3+
  sim::SignalId caused_queue, caused_work, caused_waiting;
};

struct GroupSignals {
  sim::SignalId visit, queue_time, sojourn, queue_length, busy, on_duty, rostered, chase, ola_escalation, waiting;
};

struct FlowSignals {
  FlowSignals(sim::SignalBus& bus, const ServiceDeskConfig& desk, const ResolverNetworkConfig* network);

  // Desk.
  DeskFamily wait, abandon, fcr, response_met, resolution_met, response_breach, resolution_breach;
  sim::SignalId desk_queue_time, desk_sojourn, delayed, queue_length, busy_agents, agents_on_duty, agents_rostered;
  // Tickets.
  sim::SignalId raised, resolved, abandoned, reopened, closed, cancelled, open;
  PriorityFamily resolve_time, close_time;
  std::vector<sim::SignalId> resolve_time_by_category, close_time_by_category;
  // Resolver network.
  std::array<PriorityFamily, 4> reassignment_buckets;
  sim::SignalId network_time, visits, handoff_time, caused_desk, caused_handoff;
  std::vector<SupplierSignals> suppliers;
  std::vector<GroupSignals> groups;
};

}  // namespace desksim::models
