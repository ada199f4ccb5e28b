// ServiceFlow, the resolver network: routing into and between resolver groups, hand-offs between
// suppliers, each visit's work and waiting state, the integrator's OLA chases and escalations, and
// engineers lent to infrastructure repairs.
#include <algorithm>

#include "models/flow/service_flow.hpp"

namespace desksim::models {

std::uint16_t ServiceFlow::draw(const GroupChoice& choice, double u) const {
  for (std::size_t k = 0; k < choice.cumulative.size(); ++k)
    if (u < choice.cumulative[k]) return choice.groups[k];
  return choice.groups.back();
}

bool ServiceFlow::in_visit(const Ticket& t, std::uint32_t visit_token) const {
  if (!t.in_network || t.visit_token != visit_token) return false;
  const bool at_group = (t.state == TicketState::kQueued || t.state == TicketState::kInService) && t.station != 0;
  return at_group || is_waiting(t.state);
}

void ServiceFlow::route_into_network(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  ++totals_.accepted;
  const std::size_t desk = network_->desk_supplier;
  const CategoryRouteConfig* route = t.category < network_->routes.size() ? &network_->routes[t.category] : nullptr;
  if (!t.in_network) {
    t.in_network = true;
    const std::size_t first = std::size_t{i} * suppliers_;
    if (clocks_.size() < first + suppliers_) clocks_.resize(std::size_t{tickets_.capacity()} * suppliers_);
    std::fill_n(clocks_.begin() + static_cast<std::ptrdiff_t>(first), suppliers_, SupplierClock{});
    t.held_mask = static_cast<std::uint8_t>(1u << desk);
    t.responded_mask = t.held_mask;
    t.network_entry = now;
    // The desk supplier's own clock so far is the desk's end-to-end clock (same SLA, same calendar).
    const auto& sla = network_->suppliers[desk].sla[t.priority - 1u];
    clock(i, desk).resolution.consumed = sla_elapsed(t.resolution, calendar(sla.calendar), now);
    if (route != nullptr && !route->misroute_count_cumulative.empty()) {
      const double u = misroute_count_.uniform();
      std::size_t k = 0;
      while (k + 1 < route->misroute_count_cumulative.size() && u >= route->misroute_count_cumulative[k]) ++k;
      t.misroutes_left = static_cast<std::uint8_t>(std::min<std::size_t>(k, 255));
    }
  }
  if (route == nullptr || route->first.groups.empty()) {
    // No route (a ticket raised outside the demand categories, e.g. by another model): the network
    // cannot place it, so it is resolved at once and counted, rather than lost.
    ++totals_.unrouted;
    resolve(i, now);
    return;
  }
  // A reopened ticket comes back through the desk: routed again by its category.
  move_to(i, draw(route->first, routing_.uniform()), static_cast<int>(desk), now);
}

void ServiceFlow::move_to(std::uint32_t i, std::uint16_t g, int from, sim::Time now) {
  Ticket& t = tickets_[i];
  const int to = network_->groups[g].supplier;
  t.group = g;
  if (from != to) {
    ++totals_.handoffs_sent;
    ++totals_.handoffs[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
    const auto& out = sig_.suppliers[static_cast<std::size_t>(from)].handoff_out;
    const auto& in = sig_.suppliers[static_cast<std::size_t>(to)].handoff_in;
    signals_.emit({out[0], out[t.priority]}, now, 1.0);
    signals_.emit({in[0], in[t.priority]}, now, 1.0);
    if (network_->has_handoff_delay) {
      lifecycle_.enter(t, TicketState::kInHandoff, now);
      t.handoff_start = now;
      t.visit_token = next_visit_token_++;
      kernel_.schedule_in(network_->handoff_delay.sample(handoff_delay_), handoff_end_, ticket_payload(i, t.visit_token));
      return;
    }
    ++totals_.handoffs_arrived;
  }
  enter_group(i, g, now);
}

void ServiceFlow::on_handoff_end(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  Ticket& t = tickets_[i];
  if (t.state != TicketState::kInHandoff || t.visit_token != payload_token(payload)) return;
  ++totals_.handoffs_arrived;
  signals_.emit(sig_.handoff_time, now, now - t.handoff_start);
  enter_group(i, t.group, now);
  emit_open(now);
}

void ServiceFlow::start_supplier_resolution(std::uint32_t i, std::size_t s, sim::Time now) {
  Ticket& t = tickets_[i];
  const SlaTargetConfig& sla = network_->suppliers[s].sla[t.priority - 1u];
  const sim::Time due = sla_start(clock(i, s).resolution, calendar(sla.calendar), sla.resolution_seconds, now);
  if (due >= 0)
    kernel_.schedule_at(std::max(now, due), supplier_resolution_deadline_, ticket_payload(i, t.visit_token),
                        supplier_resolution_lanes_[s][t.priority - 1u]);
}

void ServiceFlow::enter_group(std::uint32_t i, std::uint16_t g, sim::Time now) {
  Ticket& t = tickets_[i];
  const ResolverGroupConfig& gc = network_->groups[g];
  const std::size_t s = gc.supplier;
  bool visited_before = false;
  for (const StationVisit& v : t.visits) visited_before |= v.station == 1 + g;
  t.group = g;
  t.visit_start = now;
  t.visit_token = next_visit_token_++;
  t.chased = false;
  t.queue_priority = t.priority;
  t.resume_work = false;
  t.wait_after_work = -1;
  t.visits.push_back(StationVisit{static_cast<std::uint16_t>(1 + g), static_cast<float>(sim::to_hours(now)), 0.0f});
  ++totals_.group_arrivals;
  const auto bit = static_cast<std::uint8_t>(1u << s);
  t.held_mask |= bit;
  // Each supplier's own clocks run during its visits; a deadline reached during this visit is a
  // breach recorded at that instant (the check is stale if the visit has ended by then).
  start_supplier_resolution(i, s, now);
  if (!(t.responded_mask & bit)) {
    const SlaTargetConfig& sla = network_->suppliers[s].sla[t.priority - 1u];
    const sim::Time due = sla_start(clock(i, s).response, calendar(sla.calendar), sla.response_seconds, now);
    if (due >= 0) kernel_.schedule_at(std::max(now, due), supplier_response_deadline_, ticket_payload(i, t.visit_token));
  }
  signals_.emit(sig_.groups[g].visit, now, 1.0);
  if (gc.has_ola && network_->integrator >= 0) {
    const sim::WorkingCalendar& cal = calendar(gc.ola_calendar);
    const double target = gc.ola_target_seconds[t.priority - 1u];
    const std::uint64_t payload = ticket_payload(i, t.visit_token);
    if (gc.chase_share > 0) kernel_.schedule_at(cal.add_working_time(now, gc.chase_share * target), chase_, payload);
    kernel_.schedule_at(cal.add_working_time(now, target), ola_check_, payload);
  }
  // A visit that will end in a hand-on (the drawn misroute count says so) has its own work time.
  const bool hands_on = gc.has_handover_work && t.misroutes_left > 0 &&
                        !network_->routes[t.category].misroute_count_cumulative.empty();
  const sim::Distribution& work = hands_on                              ? gc.handover_work
                                  : visited_before && gc.has_later_work ? gc.later_work
                                                                        : gc.work[gc.work_index[t.category * kPriorities + t.priority - 1u]];
  t.work = work.sample(work_[g]);
  stations_[1 + g]->arrive(i, now);
}

void ServiceFlow::group_done(std::uint16_t g, std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  const ResolverGroupConfig& gc = network_->groups[g];
  if (t.cancel_requested) {
    end_visit(i, now);
    cancel(i, now);
    return;
  }
  if (!t.resume_work) {
    // After the work, at most one waiting state: the most specific rule of each state for this
    // ticket's category and priority, chosen by one draw.
    const std::size_t cp = t.category * kPriorities + t.priority - 1u;
    const auto& rules = gc.waiting_for[cp];
    if (!rules.empty()) {
      const double u = wait_[g].uniform();
      for (std::size_t k = 0; k < rules.size(); ++k) {
        if (u < gc.waiting_cumulative[cp][k]) {
          const std::uint16_t r = rules[k];
          const WaitingRuleConfig& rule = gc.waiting[r];
          t.wait_after_work = static_cast<std::int8_t>(r);
          lifecycle_.enter(t, rule.state, now);
          t.waits.push_back(WaitSpell{rule.state, static_cast<float>(sim::to_hours(now)), 0.0f});
          signals_.emit(sig_.groups[g].waiting, now, 1.0);
          pause_clocks(i, rule.state, now);
          kernel_.schedule_in(rule.duration.sample(wait_[g]), wait_end_, ticket_payload(i, t.visit_token));
          return;
        }
      }
    }
  }
  end_visit(i, now);
  route_after_visit(i, g, now);
}

void ServiceFlow::on_wait_end(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  Ticket& t = tickets_[i];
  if (!is_waiting(t.state) || !in_visit(t, payload_token(payload)) || t.wait_after_work < 0) return;
  const std::uint16_t g = t.group;
  const WaitingRuleConfig& rule = network_->groups[g].waiting[static_cast<std::size_t>(t.wait_after_work)];
  if (!t.waits.empty()) t.waits.back().end_hours = static_cast<float>(sim::to_hours(now));
  resume_clocks(i, t.state, now);
  if (rule.has_resume_work) {
    t.resume_work = true;
    t.work = rule.resume_work.sample(wait_[g]);
    stations_[1 + g]->arrive(i, now);
  } else {
    end_visit(i, now);
    route_after_visit(i, g, now);
  }
  emit_open(now);
}

void ServiceFlow::end_visit(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  const std::uint16_t g = t.group;
  const std::size_t s = network_->groups[g].supplier;
  const double held = now - t.visit_start;
  if (!t.visits.empty()) t.visits.back().left_hours = static_cast<float>(sim::to_hours(now));
  clock(i, s).held_seconds += held;
  sla_stop(clock(i, s).resolution, calendar(network_->suppliers[s].sla[t.priority - 1u].calendar), now);
  signals_.emit(sig_.groups[g].sojourn, now, held);
  ++totals_.group_departures;
  t.visit_token = next_visit_token_++;  // timers of the visit are stale from now on
}

bool ServiceFlow::draw_misroute(std::uint32_t i, std::uint16_t from, std::uint16_t* to) {
  const GroupChoice& route = network_->routes[tickets_[i].category].first;
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

void ServiceFlow::route_after_visit(std::uint32_t i, std::uint16_t g, sim::Time now) {
  Ticket& t = tickets_[i];
  const ResolverGroupConfig& gc = network_->groups[g];
  const std::size_t s = gc.supplier;
  const SupplierSignals& ss = sig_.suppliers[s];
  const bool counted = !network_->routes[t.category].misroute_count_cumulative.empty();
  bool moves = false, misroute = false;
  std::uint16_t next = 0;
  if (counted && t.misroutes_left > 0) {
    // The drawn number of misroutes comes first; then the group's own decisions, without misroutes.
    moves = misroute = draw_misroute(i, g, &next);
    --t.misroutes_left;
  } else {
    const double u = route_[g].uniform();
    const auto& b = gc.decision_bounds;
    if (u < b[0]) {
      next = draw(gc.escalation_targets, route_[g].uniform());
      moves = true;
      signals_.emit({ss.escalation_l3[0], ss.escalation_l3[t.priority]}, now, 1.0);
    } else if (u < b[1]) {
      if (!counted) moves = misroute = draw_misroute(i, g, &next);
    } else {
      for (std::size_t k = 0; k < gc.transfer_groups.size(); ++k)
        if (u < b[2 + k]) {
          next = gc.transfer_groups[k];
          moves = true;
          break;
        }
    }
  }
  if (!moves) {
    ++totals_.network_resolved;
    resolve(i, now);
    return;
  }
  if (t.reassignments < 255) ++t.reassignments;
  signals_.emit({ss.reassignment[0], ss.reassignment[t.priority]}, now, 1.0);
  if (misroute) signals_.emit({ss.misroute[0], ss.misroute[t.priority]}, now, 1.0);
  if (misroute && t.misroutes < 255) ++t.misroutes;
  if (network_->groups[next].supplier == s) ++totals_.to_same_supplier;
  else ++totals_.to_other_supplier;
  move_to(i, next, static_cast<int>(s), now);
}

// --- The integrator watching the OLA ----------------------------------------------------------

void ServiceFlow::on_chase(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  Ticket& t = tickets_[i];
  if (!in_visit(t, payload_token(payload))) return;
  const std::size_t s = network_->groups[t.group].supplier;
  ++totals_.chases[s];
  signals_.emit({sig_.suppliers[s].chase[0], sig_.suppliers[s].chase[t.priority]}, now, 1.0);
  signals_.emit(sig_.groups[t.group].chase, now, 1.0);
  t.chased = true;
  if (t.state == TicketState::kQueued) stations_[1 + t.group]->rerank(i);  // moves ahead of the unchased tickets
}

void ServiceFlow::on_ola_check(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  Ticket& t = tickets_[i];
  if (!in_visit(t, payload_token(payload))) return;
  const std::uint16_t g = t.group;
  const ResolverGroupConfig& gc = network_->groups[g];
  const std::size_t s = gc.supplier;
  ++totals_.ola_escalations[s];
  signals_.emit({sig_.suppliers[s].ola_escalation[0], sig_.suppliers[s].ola_escalation[t.priority]}, now, 1.0);
  signals_.emit(sig_.groups[g].ola_escalation, now, 1.0);
  if (gc.effect == OlaEffect::kExtraCapacity) {
    group_extra_[g] += gc.extra_servers;
    kernel_.schedule_in(gc.extra_seconds, extra_end_, (static_cast<std::uint64_t>(g) << 32) | gc.extra_servers);
    set_group_servers(g, now);
  } else if (gc.effect == OlaEffect::kPriorityRaise) {
    t.queue_priority = static_cast<std::uint8_t>(std::max<int>(1, t.queue_priority - static_cast<int>(gc.raise_levels)));
    if (t.state == TicketState::kQueued) stations_[1 + g]->rerank(i);
  }
}

void ServiceFlow::on_extra_end(sim::Time now, std::uint64_t payload) {
  const auto g = static_cast<std::uint16_t>(payload >> 32);
  group_extra_[g] -= static_cast<std::uint32_t>(payload);
  set_group_servers(g, now);
}

// --- Engineers lent to repairs -----------------------------------------------------------------

int ServiceFlow::crew_group(const std::string& name) const {
  if (network_ == nullptr) return -1;
  for (std::size_t g = 0; g < network_->groups.size(); ++g)
    if (network_->groups[g].name == name) return static_cast<int>(g);
  return -1;
}

void ServiceFlow::request_engineer(std::uint16_t g, std::function<void()> on_start) {
  stations_[1 + g]->request_repair(std::move(on_start), kernel_.now());
}

void ServiceFlow::release_engineer(std::uint16_t g) { stations_[1 + g]->release_repair(kernel_.now()); }

}  // namespace desksim::models
