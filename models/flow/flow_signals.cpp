#include "models/flow/flow_signals.hpp"

namespace desksim::models {

namespace {

const char* const kBuckets[4] = {"0", "1", "2", "3plus"};

PriorityFamily priority_family(sim::SignalBus& bus, const std::string& base, const char* unit, const std::string& meaning) {
  PriorityFamily ids;
  ids[0] = bus.declare(base, unit, meaning);
  for (std::size_t p = 1; p <= kPriorities; ++p)
    ids[p] = bus.declare(base + ".P" + std::to_string(p), unit, meaning + " (priority " + std::to_string(p) + ")");
  return ids;
}

DeskFamily desk_family(sim::SignalBus& bus, const std::string& base, const char* unit, const std::string& meaning) {
  DeskFamily f;
  const PriorityFamily p = priority_family(bus, base, unit, meaning);
  std::copy(p.begin(), p.end(), f.ids.begin());
  for (std::size_t c = 0; c < kChannels; ++c)
    f.ids[1 + kPriorities + c] =
        bus.declare(base + "." + kChannelNames[c], unit, meaning + " (channel " + kChannelNames[c] + ")");
  return f;
}

}  // namespace

FlowSignals::FlowSignals(sim::SignalBus& bus, const ServiceDeskConfig& desk, const ResolverNetworkConfig* network) {
  wait = desk_family(bus, "desk.wait", "s", "raised to first answered by an agent, including redial gaps");
  abandon = desk_family(bus, "desk.abandon", "0/1", "per queue attempt on a channel with patience: 1 abandoned");
  fcr = desk_family(bus, "desk.fcr", "0/1", "per contact handled: 1 resolved at first contact");
  response_met = desk_family(bus, "sla.response_met", "0/1", "at the answer: 1 within the response target");
  resolution_met = desk_family(bus, "sla.resolution_met", "0/1", "at the final resolution: 1 within the target");
  response_breach = desk_family(bus, "sla.response_breach", "1", "the instant a response target is missed");
  resolution_breach = desk_family(bus, "sla.resolution_breach", "1", "the instant a resolution target is missed");
  desk_queue_time = bus.declare("desk.queue_time", "s", "per desk queue attempt, answered or abandoned");
  desk_sojourn = bus.declare("desk.sojourn", "s", "raised to leaving the level-1 desk (answered and handled)");
  delayed = bus.declare("desk.delayed", "0/1", "per desk queue attempt: 1 had to wait");
  queue_length = bus.declare("desk.queue_length", "tickets", "level: contacts waiting for an agent");
  busy_agents = bus.declare("desk.busy_agents", "agents", "level: agents handling a contact");
  agents_on_duty = bus.declare("desk.agents_on_duty", "agents", "level: agents on duty");
  agents_rostered = bus.declare("desk.agents_rostered", "agents", "level: agents on the roster (paid for)");

  raised = bus.declare("tickets.raised", "1", "a ticket raised (a contact made)");
  resolved = bus.declare("tickets.resolved", "1", "a ticket resolved for good (no reopening follows)");
  abandoned = bus.declare("tickets.abandoned", "1", "a caller lost for good before an answer");
  reopened = bus.declare("tickets.reopened", "1", "a resolved ticket reopened by its user");
  closed = bus.declare("tickets.closed", "1", "a resolved ticket closed");
  cancelled = bus.declare("tickets.cancelled", "1", "a ticket closed without resolution");
  open = bus.declare("tickets.open", "tickets", "level: raised and not yet resolved, cancelled or abandoned");
  resolve_time = priority_family(bus, "tickets.resolve_time", "s", "wall-clock raised to final resolution");
  close_time = priority_family(bus, "tickets.close_time", "s", "wall-clock raised to closed");
  for (const auto& c : desk.categories) {
    resolve_time_by_category.push_back(bus.declare("tickets.resolve_time.category." + c.name, "s",
                                                   "wall-clock raised to final resolution, category " + c.name));
    close_time_by_category.push_back(
        bus.declare("tickets.close_time.category." + c.name, "s", "wall-clock raised to closed, category " + c.name));
  }

  for (int b = 0; b < 4; ++b)
    reassignment_buckets[b] = priority_family(bus, std::string("tickets.reassignments_") + kBuckets[b], "1",
                                              std::string("a ticket resolved after ") + kBuckets[b] +
                                                  " changes of resolver group");
  network_time = bus.declare("tickets.network_time", "s", "first entry into the resolver network to final resolution");
  visits = bus.declare("tickets.visits", "visits", "resolver-group visits of a ticket, at its final resolution");
  handoff_time = bus.declare("resolver.handoff_time", "s", "transit of one hand-off between suppliers");
  caused_desk = bus.declare("breach.caused_by.desk", "1", "an end-to-end resolution breach while at the desk");
  caused_handoff = bus.declare("breach.caused_by.handoff", "1", "an end-to-end resolution breach in a hand-off");
  if (network == nullptr) return;
  for (const auto& s : network->suppliers) {
    const std::string base = "supplier." + s.name + ".";
    SupplierSignals x;
    x.handoff_in = priority_family(bus, base + "handoff_in", "1", "a ticket handed to " + s.name);
    x.handoff_out = priority_family(bus, base + "handoff_out", "1", "a ticket handed by " + s.name + " to another supplier");
    x.chase = priority_family(bus, base + "chase", "1", "the integrator chased a visit to a group of " + s.name);
    x.ola_escalation = priority_family(bus, base + "ola_escalation", "1", "a visit to a group of " + s.name + " breached its OLA");
    x.escalation_l3 = priority_family(bus, base + "escalation_l3", "1", "escalation to level 3 from a group of " + s.name);
    x.reassignment = priority_family(bus, base + "reassignment", "1", "a change of group from a group of " + s.name);
    x.misroute = priority_family(bus, base + "misroute", "1",
                                 "a reassignment from a group of " + s.name + " because it was the wrong group");
    x.response_met = priority_family(bus, base + "response_met", "0/1", "at final resolution: own response target met");
    x.resolution_met = priority_family(bus, base + "resolution_met", "0/1", "at final resolution: own resolution target met");
    x.response_breach = priority_family(bus, base + "response_breach", "1", "the instant its response target is missed");
    x.resolution_breach = priority_family(bus, base + "resolution_breach", "1", "the instant its resolution target is missed");
    x.resolution_time = priority_family(bus, base + "resolution_time", "s", "working seconds on its own SLA clock");
    x.time_held = priority_family(bus, base + "time_held", "s", "wall-clock seconds in its groups");
    x.resolve_time = priority_family(bus, base + "resolve_time", "s",
                                     "wall-clock raised to final resolution, tickets " + s.name + " held");
    for (int b = 0; b < 4; ++b)
      x.reassignment_buckets[b] = priority_family(bus, base + "reassignments_" + kBuckets[b], "1",
                                                  std::string("a ticket it held resolved after ") + kBuckets[b] +
                                                      " changes of group");
    x.caused_queue = bus.declare("breach.caused_by." + s.name + ".queue", "1", "an end-to-end breach while queued at " + s.name);
    x.caused_work = bus.declare("breach.caused_by." + s.name + ".work", "1", "an end-to-end breach while worked by " + s.name);
    x.caused_waiting = bus.declare("breach.caused_by." + s.name + ".waiting", "1",
                                   "an end-to-end breach while " + s.name + " waited on someone");
    suppliers.push_back(x);
  }
  for (const auto& g : network->groups) {
    const std::string base = "group." + g.name + ".";
    GroupSignals x;
    x.visit = bus.declare(base + "visit", "1", "a visit begins");
    x.queue_time = bus.declare(base + "wait", "s", "queue time of a service");
    x.sojourn = bus.declare(base + "sojourn", "s", "a visit: queue, work and waiting states");
    x.queue_length = bus.declare(base + "queue_length", "tickets", "level: tickets waiting for a resolver");
    x.busy = bus.declare(base + "busy", "resolvers", "level: resolvers working (tickets or repairs)");
    x.on_duty = bus.declare(base + "on_duty", "resolvers", "level: resolvers on duty");
    x.rostered = bus.declare(base + "rostered", "resolvers", "level: resolvers on the roster or escalation capacity (paid for)");
    x.chase = bus.declare(base + "chase", "1", "the integrator chased a visit");
    x.ola_escalation = bus.declare(base + "ola_escalation", "1", "a visit breached the OLA");
    x.waiting = bus.declare(base + "waiting", "1", "a visit entered a waiting state");
    groups.push_back(x);
  }
}

}  // namespace desksim::models
