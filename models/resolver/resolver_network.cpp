#include "models/resolver/resolver_network.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/kernel/time.hpp"

namespace desksim::models {

namespace {
sim::RandomStream stream(std::uint64_t seed, std::uint64_t replication, const std::string& name) {
  return sim::RandomStream(seed, replication, sim::stream_id_for(name));
}
constexpr double kHalfHour = 1800.0;
}  // namespace

ResolverNetwork::PerPriority ResolverNetwork::per_priority(sim::SignalBus& signals, const std::string& base) {
  PerPriority ids;
  ids[0] = signals.signal(base);
  for (std::size_t p = 0; p < kPriorities; ++p) ids[1 + p] = signals.signal(base + ".P" + std::to_string(p + 1));
  return ids;
}

ResolverNetwork::ResolverNetwork(sim::EventKernel& kernel, sim::SignalBus& signals, const ServiceDeskConfig& desk_config,
                                 const ResolverNetworkConfig& config, ServiceDesk& desk, std::uint64_t seed,
                                 std::uint64_t replication)
    : kernel_(kernel),
      signals_(signals),
      desk_config_(desk_config),
      config_(config),
      desk_(desk),
      handoff_end_(kernel.add_handler(&handoff_handler_, "resolver.handoff_end")),
      completion_(kernel.add_handler(&completion_handler_, "resolver.completion")),
      chase_(kernel.add_handler(&chase_handler_, "resolver.ola_chase")),
      ola_check_(kernel.add_handler(&ola_handler_, "resolver.ola_check")),
      extra_end_(kernel.add_handler(&extra_handler_, "resolver.extra_capacity_end")),
      response_deadline_(kernel.add_handler(&response_deadline_handler_, "resolver.supplier_response_deadline")),
      resolution_deadline_(kernel.add_handler(&resolution_deadline_handler_, "resolver.supplier_resolution_deadline")),
      routing_(stream(seed, replication, "resolver.routing")),
      handoff_(stream(seed, replication, "resolver.handoff_delay")) {
  const std::string r = "tickets.reassignments_";
  const char* buckets[4] = {"0", "1", "2", "3plus"};
  for (int b = 0; b < 4; ++b) reassignments_[b] = per_priority(signals, r + buckets[b]);
  for (const auto& s : config.suppliers) {
    const std::string base = "supplier." + s.name + ".";
    handoff_in_.push_back(per_priority(signals, base + "handoff_in"));
    handoff_out_.push_back(per_priority(signals, base + "handoff_out"));
    chase_sig_.push_back(per_priority(signals, base + "chase"));
    ola_escalation_sig_.push_back(per_priority(signals, base + "ola_escalation"));
    escalation_l3_.push_back(per_priority(signals, base + "escalation_l3"));
    reassignment_.push_back(per_priority(signals, base + "reassignment"));
    response_met_.push_back(per_priority(signals, base + "response_met"));
    resolution_met_.push_back(per_priority(signals, base + "resolution_met"));
    response_breach_.push_back(per_priority(signals, base + "response_breach"));
    resolution_breach_.push_back(per_priority(signals, base + "resolution_breach"));
    resolution_time_.push_back(per_priority(signals, base + "resolution_time"));
    time_held_.push_back(per_priority(signals, base + "time_held"));
    std::array<PerPriority, 4> sr;
    for (int b = 0; b < 4; ++b) sr[b] = per_priority(signals, base + "reassignments_" + buckets[b]);
    supplier_reassignments_.push_back(sr);
    caused_queue_.push_back(signals.signal("breach.caused_by." + s.name + ".queue"));
    caused_work_.push_back(signals.signal("breach.caused_by." + s.name + ".work"));
  }
  network_time_ = signals.signal("tickets.network_time");
  visits_ = signals.signal("tickets.visits");
  handoff_time_ = signals.signal("resolver.handoff_time");
  caused_desk_ = signals.signal("breach.caused_by.desk");
  caused_handoff_ = signals.signal("breach.caused_by.handoff");

  stations_.resize(config.groups.size());
  for (std::size_t g = 0; g < config.groups.size(); ++g) {
    const auto& gc = config.groups[g];
    Station& st = stations_[g];
    st.queues.resize(gc.fifo ? 2 : 2 * kPriorities);
    const std::string base = "group." + gc.name + ".";
    st.visit = signals.signal(base + "visit");
    st.wait = signals.signal(base + "wait");
    st.sojourn = signals.signal(base + "sojourn");
    st.queue_length = signals.signal(base + "queue_length");
    st.busy_level = signals.signal(base + "busy");
    st.on_duty_level = signals.signal(base + "on_duty");
    st.chase = signals.signal(base + "chase");
    st.ola_escalation = signals.signal(base + "ola_escalation");
    for (std::uint32_t k = 0; k < gc.max_servers(); ++k) st.off_duty.push_back(new_slot(static_cast<std::uint16_t>(g)));
    std::reverse(st.off_duty.begin(), st.off_duty.end());
    work_.push_back(stream(seed, replication, "resolver." + gc.name + ".work"));
    route_.push_back(stream(seed, replication, "resolver." + gc.name + ".route"));
  }
}

std::uint32_t ResolverNetwork::new_slot(std::uint16_t group) {
  slot_ticket_.push_back(0);
  slot_group_.push_back(group);
  return static_cast<std::uint32_t>(slot_ticket_.size() - 1);
}

void ResolverNetwork::emit_sp(const std::vector<PerPriority>& ids, std::size_t supplier, std::uint8_t priority,
                              sim::Time now, double value) const {
  signals_.emit(ids[supplier][0], now, value);
  signals_.emit(ids[supplier][priority], now, value);
}

void ResolverNetwork::emit_levels(std::uint16_t g, sim::Time now) const {
  const Station& st = stations_[g];
  signals_.emit(st.queue_length, now, static_cast<double>(st.waiting));
  signals_.emit(st.busy_level, now, static_cast<double>(st.busy));
  signals_.emit(st.on_duty_level, now, static_cast<double>(st.on_duty));
}

// --- Capacity ------------------------------------------------------------------------------------

void ResolverNetwork::set_target(std::uint16_t g, sim::Time now) {
  Station& st = stations_[g];
  st.target = config_.groups[g].servers_at(now, desk_config_.hour_of_week_offset_seconds()) + st.extra;
  while (st.on_duty < st.target) {
    std::uint32_t slot;
    if (st.off_duty.empty()) {
      slot = new_slot(g);  // escalation capacity beyond the roster's peak: rare, grows once
    } else {
      slot = st.off_duty.back();
      st.off_duty.pop_back();
    }
    st.idle.push_back(slot);
    ++st.on_duty;
  }
  while (st.on_duty > st.target && !st.idle.empty()) {
    st.off_duty.push_back(st.idle.back());
    st.idle.pop_back();
    --st.on_duty;
  }
  dispatch(g, now);
  emit_levels(g, now);
}

void ResolverNetwork::start(sim::Time horizon) {
  for (std::size_t g = 0; g < stations_.size(); ++g) set_target(static_cast<std::uint16_t>(g), kernel_.now());
  if (config_.roster_changes.empty()) return;
  kernel_.spawn_actor("resolver-roster", [this, horizon] {
    std::vector<bool> change(kHalfHoursPerWeek, false);
    for (std::size_t h : config_.roster_changes) change[h] = true;
    const double offset = desk_config_.hour_of_week_offset_seconds();
    sim::Time t = kernel_.now();
    for (;;) {
      auto hh = static_cast<long long>(std::floor((t + offset) / kHalfHour)) + 1;
      while (!change[static_cast<std::size_t>(hh % static_cast<long long>(kHalfHoursPerWeek))]) ++hh;
      const sim::Time next = static_cast<double>(hh) * kHalfHour - offset;
      if (next > horizon) return;
      kernel_.sleep_until(next);
      for (std::size_t g = 0; g < stations_.size(); ++g)
        if (!config_.groups[g].roster.empty()) set_target(static_cast<std::uint16_t>(g), next);
      t = next;
    }
  });
}

void ResolverNetwork::on_extra_end(sim::Time now, std::uint64_t payload) {
  const auto g = static_cast<std::uint16_t>(payload >> 32);
  stations_[g].extra -= static_cast<std::uint32_t>(payload);
  set_target(g, now);
}

// --- Tickets through the network ---------------------------------------------------------------

ResolverNetwork::NetTicket& ResolverNetwork::state(std::uint32_t index) {
  if (tickets_.size() <= index) tickets_.resize(index + 1);
  return tickets_[index];
}

std::uint16_t ResolverNetwork::draw(const GroupChoice& choice, double u) const {
  for (std::size_t k = 0; k < choice.cumulative.size(); ++k)
    if (u < choice.cumulative[k]) return choice.groups[k];
  return choice.groups.back();
}

void ResolverNetwork::accept(std::uint32_t i, sim::Time now) {
  const ServiceTicket& t = desk_.ticket(i);
  NetTicket& n = state(i);
  ++totals_.accepted;
  const std::size_t desk = config_.desk_supplier;
  if (!n.known || n.serial != t.serial) {
    n.known = true;
    n.serial = t.serial;
    n.reassignments = 0;
    n.held_mask = static_cast<std::uint8_t>(1u << desk);
    n.responded_mask = n.held_mask;
    n.path.clear();
    n.network_entry = now;
    n.response.fill(SlaClock{});
    n.resolution.fill(SlaClock{});
    n.held_seconds.fill(0.0);
    // The desk supplier's own clock so far is the desk's end-to-end clock (same SLA, same calendar).
    const auto& sla = config_.suppliers[desk].sla[t.priority - 1u];
    n.resolution[desk].consumed = sla_elapsed(t.resolution, calendar(sla.calendar), now);
  }
  n.where = Where::kNone;
  if (t.category >= config_.routes.size() || config_.routes[t.category].first.groups.empty()) {
    // No route (a ticket raised outside the demand categories, e.g. by another model): the network
    // cannot place it, so it is resolved at once and counted, rather than lost.
    ++totals_.unrouted;
    desk_.resolved_by_resolver(i, now);
    return;
  }
  // A reopened ticket comes back through the desk: routed again by its category.
  move_to(i, draw(config_.routes[t.category].first, routing_.uniform()), static_cast<int>(desk), now);
}

void ResolverNetwork::move_to(std::uint32_t i, std::uint16_t g, int from, sim::Time now) {
  NetTicket& n = tickets_[i];
  const int to = config_.groups[g].supplier;
  n.group = g;
  if (from != to) {
    const std::uint8_t p = desk_.ticket(i).priority;
    ++totals_.handoffs_sent;
    ++totals_.handoffs[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
    emit_sp(handoff_out_, static_cast<std::size_t>(from), p, now, 1.0);
    emit_sp(handoff_in_, static_cast<std::size_t>(to), p, now, 1.0);
    if (config_.has_handoff_delay) {
      n.where = Where::kHandoff;
      n.handoff_start = now;
      n.visit_token = next_visit_token_++;
      kernel_.schedule_in(config_.handoff_delay.sample(handoff_), handoff_end_, ticket_payload(i, n.visit_token));
      return;
    }
    ++totals_.handoffs_arrived;
  }
  enter_group(i, g, now);
}

void ResolverNetwork::on_handoff_end(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  NetTicket& n = tickets_[i];
  if (n.where != Where::kHandoff || n.visit_token != payload_token(payload)) return;
  ++totals_.handoffs_arrived;
  signals_.emit(handoff_time_, now, now - n.handoff_start);
  enter_group(i, n.group, now);
}

void ResolverNetwork::enter_group(std::uint32_t i, std::uint16_t g, sim::Time now) {
  NetTicket& n = tickets_[i];
  const ServiceTicket& t = desk_.ticket(i);
  const ResolverGroupConfig& gc = config_.groups[g];
  const std::size_t s = gc.supplier;
  n.where = Where::kQueued;
  n.group = g;
  n.visit_start = now;
  n.visit_token = next_visit_token_++;
  n.chased = false;
  n.queue_priority = t.priority;
  ++totals_.group_arrivals;
  const auto bit = static_cast<std::uint8_t>(1u << s);
  n.held_mask |= bit;
  const SlaTargetConfig& sla = config_.suppliers[s].sla[t.priority - 1u];
  // Each supplier's own clocks run during its visits; a deadline reached during this visit is a
  // breach recorded at that instant (the check is stale if the visit has ended by then).
  const std::uint64_t visit = ticket_payload(i, n.visit_token);
  const sim::Time resolution_due = sla_start(n.resolution[s], calendar(sla.calendar), sla.resolution_seconds, now);
  if (resolution_due >= 0) kernel_.schedule_at(std::max(now, resolution_due), resolution_deadline_, visit);
  if (!(n.responded_mask & bit)) {
    const sim::Time response_due = sla_start(n.response[s], calendar(sla.calendar), sla.response_seconds, now);
    if (response_due >= 0) kernel_.schedule_at(std::max(now, response_due), response_deadline_, visit);
  }
  signals_.emit(stations_[g].visit, now, 1.0);
  if (gc.has_ola && config_.integrator >= 0) {
    const sim::WorkingCalendar& cal = calendar(gc.ola_calendar);
    const double target = gc.ola_target_seconds[t.priority - 1u];
    const std::uint64_t payload = ticket_payload(i, n.visit_token);
    if (gc.chase_share > 0) kernel_.schedule_at(cal.add_working_time(now, gc.chase_share * target), chase_, payload);
    kernel_.schedule_at(cal.add_working_time(now, target), ola_check_, payload);
  }
  Station& st = stations_[g];
  if (!st.idle.empty()) {  // an idle server means the queue is empty
    const std::uint32_t slot = st.idle.back();
    st.idle.pop_back();
    start_service(i, slot, now);
  } else {
    enqueue(i, false);
  }
  emit_levels(g, now);
}

void ResolverNetwork::enqueue(std::uint32_t i, bool rerank) {
  NetTicket& n = tickets_[i];
  Station& st = stations_[n.group];
  const bool fifo = config_.groups[n.group].fifo;
  // Lanes: per priority k, [chased tickets promoted from k + 1 and chased k = 1, unchased k]. A chased
  // ticket is served as if one priority higher, ahead of that priority's unchased tickets. (Ahead of
  // its own priority only would change nothing: the chase comes a fixed time after the visit began,
  // so within a FIFO priority lane the chased tickets are already the oldest.)
  const std::size_t lane = n.chased ? 0 : 1;
  const std::size_t level = n.chased ? std::max(1, n.queue_priority - 1) : n.queue_priority;
  const std::size_t rank = fifo ? lane : 2 * (level - 1u) + lane;
  if (!rerank) ++st.waiting;  // a re-rank leaves a stale entry behind and adds a fresh one
  n.where = Where::kQueued;
  n.queue_token = next_queue_token_++;
  st.queues[rank].push_back(ticket_payload(i, n.queue_token));
}

bool ResolverNetwork::pop_next(Station& st, std::uint16_t g, std::uint32_t* index) {
  for (auto& queue : st.queues) {
    while (!queue.empty()) {
      const std::uint64_t entry = queue.front();
      queue.pop_front();
      const NetTicket& n = tickets_[payload_index(entry)];
      if (n.where == Where::kQueued && n.group == g && n.queue_token == payload_token(entry)) {
        --st.waiting;
        *index = payload_index(entry);
        return true;
      }
    }
  }
  return false;
}

int ResolverNetwork::crew_group(const std::string& name) const {
  for (std::size_t g = 0; g < config_.groups.size(); ++g)
    if (config_.groups[g].name == name) return static_cast<int>(g);
  return -1;
}

void ResolverNetwork::request_engineer(std::uint16_t g, std::function<void()> on_start) {
  stations_[g].repairs_waiting.push_back(std::move(on_start));
  const sim::Time now = kernel_.now();
  dispatch(g, now);
  emit_levels(g, now);
}

void ResolverNetwork::release_engineer(std::uint16_t g) {
  Station& st = stations_[g];
  const sim::Time now = kernel_.now();
  const std::uint32_t slot = st.repairing.back();
  st.repairing.pop_back();
  --st.busy;
  if (st.on_duty > st.target) {  // fewer engineers rostered now: this one goes off duty
    --st.on_duty;
    st.off_duty.push_back(slot);
  } else {
    st.idle.push_back(slot);
  }
  dispatch(g, now);
  emit_levels(g, now);
}

void ResolverNetwork::dispatch(std::uint16_t g, sim::Time now) {
  Station& st = stations_[g];
  while (!st.idle.empty() && !st.repairs_waiting.empty()) {  // repairs first: a failed component is a P1
    st.repairing.push_back(st.idle.back());
    st.idle.pop_back();
    ++st.busy;
    const auto on_start = std::move(st.repairs_waiting.front());
    st.repairs_waiting.pop_front();
    on_start();
  }
  std::uint32_t i = 0;
  while (!st.idle.empty() && st.waiting > 0 && pop_next(st, g, &i)) {
    const std::uint32_t slot = st.idle.back();
    st.idle.pop_back();
    start_service(i, slot, now);
  }
}

void ResolverNetwork::start_service(std::uint32_t i, std::uint32_t slot, sim::Time now) {
  NetTicket& n = tickets_[i];
  const ServiceTicket& t = desk_.ticket(i);
  const std::uint16_t g = n.group;
  const ResolverGroupConfig& gc = config_.groups[g];
  Station& st = stations_[g];
  n.where = Where::kInService;
  n.queue_token = 0;
  n.slot = slot;
  slot_ticket_[slot] = i;
  ++st.busy;
  signals_.emit(st.wait, now, now - n.visit_start);
  const auto bit = static_cast<std::uint8_t>(1u << gc.supplier);
  if (!(n.responded_mask & bit)) {
    const SlaTargetConfig& sla = config_.suppliers[gc.supplier].sla[t.priority - 1u];
    sla_stop(n.response[gc.supplier], calendar(sla.calendar), now);
    n.responded_mask |= bit;
  }
  const std::size_t w = gc.work_index[t.category * kPriorities + t.priority - 1u];
  kernel_.schedule_at(now + gc.work[w].sample(work_[g]), completion_, slot);
}

bool ResolverNetwork::draw_misroute(std::uint32_t i, std::uint16_t from, std::uint16_t* to) {
  const GroupChoice& route = config_.routes[desk_.ticket(i).category].first;
  double total = 0.0;
  for (std::size_t k = 0; k < route.groups.size(); ++k)
    if (route.groups[k] != from) total += route.probability[k];
  if (!(total > 0)) return false;
  const double u = route_[from].uniform() * total;
  double running = 0.0;
  for (std::size_t k = 0; k < route.groups.size(); ++k) {
    if (route.groups[k] == from) continue;
    running += route.probability[k];
    *to = route.groups[k];
    if (u < running) return true;
  }
  return true;  // rounding: the last eligible group
}

void ResolverNetwork::on_completion(sim::Time now, std::uint64_t payload) {
  const auto slot = static_cast<std::uint32_t>(payload);
  const std::uint32_t i = slot_ticket_[slot];
  const std::uint16_t g = slot_group_[slot];
  const ResolverGroupConfig& gc = config_.groups[g];
  const std::size_t s = gc.supplier;
  Station& st = stations_[g];
  NetTicket& n = tickets_[i];
  const ServiceTicket& t = desk_.ticket(i);

  // The visit ends: path, time held, the supplier's clock stops.
  const double held = now - n.visit_start;
  n.path.push_back(Visit{g, static_cast<float>(held / sim::kSecondsPerHour)});
  n.held_seconds[s] += held;
  sla_stop(n.resolution[s], calendar(config_.suppliers[s].sla[t.priority - 1u].calendar), now);
  signals_.emit(st.sojourn, now, held);
  ++totals_.group_departures;
  n.where = Where::kNone;
  --st.busy;
  if (st.on_duty > st.target) {  // fewer servers rostered now: this one goes off duty
    --st.on_duty;
    st.off_duty.push_back(slot);
  } else {
    st.idle.push_back(slot);
  }

  // Where next: one draw against the decision table.
  const double u = route_[g].uniform();
  const auto& b = gc.decision_bounds;
  bool moves = false;
  std::uint16_t next = 0;
  if (u < b[0]) {
    next = draw(gc.escalation_targets, route_[g].uniform());
    moves = true;
    emit_sp(escalation_l3_, s, t.priority, now, 1.0);
  } else if (u < b[1]) {
    moves = draw_misroute(i, g, &next);
    if (moves) emit_sp(reassignment_, s, t.priority, now, 1.0);
  } else {
    for (std::size_t k = 0; k < gc.transfer_groups.size(); ++k)
      if (u < b[2 + k]) {
        next = gc.transfer_groups[k];
        moves = true;
        break;
      }
  }
  if (moves) {
    if (n.reassignments < 255) ++n.reassignments;
    if (config_.groups[next].supplier == s) ++totals_.to_same_supplier;
    else ++totals_.to_other_supplier;
    move_to(i, next, static_cast<int>(s), now);
  } else {
    ++totals_.resolved;
    desk_.resolved_by_resolver(i, now);
  }
  dispatch(g, now);
  emit_levels(g, now);
}

// --- The integrator watching the OLA ----------------------------------------------------------

void ResolverNetwork::on_chase(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  NetTicket& n = tickets_[i];
  if (n.visit_token != payload_token(payload) || (n.where != Where::kQueued && n.where != Where::kInService)) return;
  const std::size_t s = config_.groups[n.group].supplier;
  ++totals_.chases[s];
  emit_sp(chase_sig_, s, desk_.ticket(i).priority, now, 1.0);
  signals_.emit(stations_[n.group].chase, now, 1.0);
  n.chased = true;
  if (n.where == Where::kQueued) enqueue(i, true);  // moves ahead of the unchased tickets
}

void ResolverNetwork::on_ola_check(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  NetTicket& n = tickets_[i];
  if (n.visit_token != payload_token(payload) || (n.where != Where::kQueued && n.where != Where::kInService)) return;
  const std::uint16_t g = n.group;
  const ResolverGroupConfig& gc = config_.groups[g];
  const std::size_t s = gc.supplier;
  ++totals_.ola_escalations[s];
  emit_sp(ola_escalation_sig_, s, desk_.ticket(i).priority, now, 1.0);
  signals_.emit(stations_[g].ola_escalation, now, 1.0);
  if (gc.effect == OlaEffect::kExtraCapacity) {
    stations_[g].extra += gc.extra_servers;
    kernel_.schedule_in(gc.extra_seconds, extra_end_, (static_cast<std::uint64_t>(g) << 32) | gc.extra_servers);
    set_target(g, now);
  } else if (gc.effect == OlaEffect::kPriorityRaise) {
    n.queue_priority = static_cast<std::uint8_t>(std::max<int>(1, n.queue_priority - static_cast<int>(gc.raise_levels)));
    if (n.where == Where::kQueued) enqueue(i, true);
  }
}

// --- Breach attribution and resolution ----------------------------------------------------------

void ResolverNetwork::attribute_breach(std::uint32_t i, sim::Time now) {
  const bool in_network = i < tickets_.size() && tickets_[i].known && tickets_[i].serial == desk_.ticket(i).serial;
  const Where where = in_network ? tickets_[i].where : Where::kNone;
  switch (where) {
    case Where::kHandoff: signals_.emit(caused_handoff_, now, 1.0); break;
    case Where::kQueued: signals_.emit(caused_queue_[config_.groups[tickets_[i].group].supplier], now, 1.0); break;
    case Where::kInService: signals_.emit(caused_work_[config_.groups[tickets_[i].group].supplier], now, 1.0); break;
    case Where::kNone: signals_.emit(caused_desk_, now, 1.0); break;
  }
}

void ResolverNetwork::on_supplier_response_deadline(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  NetTicket& n = tickets_[i];
  if (!n.known || n.visit_token != payload_token(payload) || n.where != Where::kQueued) return;  // answered
  const std::size_t s = config_.groups[n.group].supplier;
  if (n.response[s].breached) return;
  n.response[s].breached = true;
  emit_sp(response_breach_, s, desk_.ticket(i).priority, now, 1.0);
}

void ResolverNetwork::on_supplier_resolution_deadline(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  NetTicket& n = tickets_[i];
  if (!n.known || n.visit_token != payload_token(payload) ||
      (n.where != Where::kQueued && n.where != Where::kInService))
    return;  // the visit is over: the clock stopped before its deadline
  const std::size_t s = config_.groups[n.group].supplier;
  if (n.resolution[s].breached) return;
  n.resolution[s].breached = true;
  emit_sp(resolution_breach_, s, desk_.ticket(i).priority, now, 1.0);
}

void ResolverNetwork::on_final_resolution(std::uint32_t i, sim::Time now) {
  const ServiceTicket& t = desk_.ticket(i);
  const bool in_network = i < tickets_.size() && tickets_[i].known && tickets_[i].serial == t.serial;
  const std::size_t desk = config_.desk_supplier;
  const std::uint8_t p = t.priority;
  const std::uint8_t mask = in_network ? tickets_[i].held_mask : static_cast<std::uint8_t>(1u << desk);
  const std::size_t bucket = in_network ? std::min<std::size_t>(tickets_[i].reassignments, 3) : 0;
  signals_.emit(reassignments_[bucket][0], now, 1.0);
  signals_.emit(reassignments_[bucket][p], now, 1.0);
  if (in_network) {
    signals_.emit(network_time_, now, now - tickets_[i].network_entry);
    signals_.emit(visits_, now, static_cast<double>(tickets_[i].path.size()));
  }
  const auto month = static_cast<std::size_t>(now / sim::kSecondsPerAverageMonth);
  for (std::size_t s = 0; s < config_.suppliers.size(); ++s) {
    if (!(mask & (1u << s))) continue;
    const SlaTargetConfig& sla = config_.suppliers[s].sla[p - 1u];
    const sim::WorkingCalendar& cal = calendar(sla.calendar);
    const SlaClock& response = (s == desk || !in_network) ? t.response : tickets_[i].response[s];
    const SlaClock& resolution = in_network ? tickets_[i].resolution[s] : t.resolution;
    const double consumed = sla_elapsed(resolution, cal, now);
    const bool response_met = !response.breached && sla_elapsed(response, cal, now) <= sla.response_seconds;
    const bool resolution_met = consumed <= sla.resolution_seconds;
    emit_sp(response_met_, s, p, now, response_met ? 1.0 : 0.0);
    emit_sp(resolution_met_, s, p, now, resolution_met ? 1.0 : 0.0);
    emit_sp(resolution_time_, s, p, now, consumed);
    emit_sp(time_held_, s, p, now, in_network ? tickets_[i].held_seconds[s] : 0.0);
    signals_.emit(supplier_reassignments_[s][bucket][0], now, 1.0);
    signals_.emit(supplier_reassignments_[s][bucket][p], now, 1.0);
    if (month_resolved_[s].size() <= month) {
      month_resolved_[s].resize(month + 1, 0);
      month_breached_[s].resize(month + 1, 0);
    }
    ++month_resolved_[s][month];
    if (!resolution_met) ++month_breached_[s][month];
  }
}

std::uint64_t ResolverNetwork::in_groups() const {
  std::uint64_t k = 0;
  for (const auto& n : tickets_) k += (n.where == Where::kQueued || n.where == Where::kInService) ? 1 : 0;
  return k;
}

std::uint64_t ResolverNetwork::in_handoff() const {
  std::uint64_t k = 0;
  for (const auto& n : tickets_) k += n.where == Where::kHandoff ? 1 : 0;
  return k;
}

}  // namespace desksim::models
