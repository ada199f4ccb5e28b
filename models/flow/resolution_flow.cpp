// ServiceFlow: SLA clocks and their deadlines, waiting states pausing them, breach attribution,
// resolution (final or followed by a reopening), closure and cancellation.
#include <algorithm>

#include "models/flow/service_flow.hpp"

namespace desksim::models {

// --- The desk supplier's end-to-end clocks ------------------------------------------------------

void ServiceFlow::start_desk_clock(SlaClock& clock, std::uint32_t i, double target, sim::HandlerId check,
                                   sim::Time now) {
  Ticket& t = tickets_[i];
  if (!desk_->sla_clocks) return;
  const sim::Time deadline = sla_start(clock, calendar(desk_->sla[t.priority - 1u].calendar), target, now);
  if (&clock == &t.resolution) t.deadline = deadline >= 0 ? deadline : now;
  const auto& lanes = check == response_check_ ? response_lanes_ : resolution_lanes_;
  if (deadline >= 0) kernel_.schedule_at(deadline, check, ticket_payload(i, t.serial), lanes[t.priority - 1u]);
}

void ServiceFlow::stop_desk_clock(SlaClock& clock, std::uint8_t priority, sim::Time now) {
  sla_stop(clock, calendar(desk_->sla[priority - 1u].calendar), now);
}

void ServiceFlow::on_response_check(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live(i, payload_token(payload))) return;
  Ticket& t = tickets_[i];
  if (!t.response.running || t.response.breached) return;  // answered, or a stale check
  t.response.breached = true;
  sig_.response_breach.emit(signals_, t.priority, t.channel, now, 1.0);
}

void ServiceFlow::on_resolution_check(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live(i, payload_token(payload))) return;
  Ticket& t = tickets_[i];
  if (!t.resolution.running || t.resolution.breached) return;
  // A check scheduled before a pause is stale once the clock has resumed, so compare with the target.
  const double target = desk_->sla[t.priority - 1u].resolution_seconds;
  if (sla_elapsed(t.resolution, calendar(desk_->sla[t.priority - 1u].calendar), now) < target * (1 - 1e-12)) return;
  t.resolution.breached = true;
  sig_.resolution_breach.emit(signals_, t.priority, t.channel, now, 1.0);
  attribute_breach(i, now);
}

void ServiceFlow::attribute_breach(std::uint32_t i, sim::Time now) {
  const Ticket& t = tickets_[i];
  if (network_ == nullptr || !t.in_network) {
    signals_.emit(sig_.caused_desk, now, 1.0);
    return;
  }
  const std::size_t s = network_->groups[t.group].supplier;
  if (t.state == TicketState::kInHandoff) signals_.emit(sig_.caused_handoff, now, 1.0);
  else if (t.state == TicketState::kQueued && t.station != 0) signals_.emit(sig_.suppliers[s].caused_queue, now, 1.0);
  else if (t.state == TicketState::kInService && t.station != 0) signals_.emit(sig_.suppliers[s].caused_work, now, 1.0);
  else if (is_waiting(t.state) && t.station != 0) signals_.emit(sig_.suppliers[s].caused_waiting, now, 1.0);
  else signals_.emit(sig_.caused_desk, now, 1.0);
}

// --- Suppliers' own clocks ----------------------------------------------------------------------

void ServiceFlow::on_supplier_response_deadline(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  Ticket& t = tickets_[i];
  if (t.state != TicketState::kQueued || !in_visit(t, payload_token(payload))) return;  // answered meanwhile
  const std::size_t s = network_->groups[t.group].supplier;
  if (clock(i, s).response.breached || !clock(i, s).response.running) return;
  clock(i, s).response.breached = true;
  signals_.emit({sig_.suppliers[s].response_breach[0], sig_.suppliers[s].response_breach[t.priority]}, now, 1.0);
}

void ServiceFlow::on_supplier_resolution_deadline(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  Ticket& t = tickets_[i];
  if (!in_visit(t, payload_token(payload))) return;  // the visit is over: the clock stopped before its deadline
  const std::size_t s = network_->groups[t.group].supplier;
  SlaClock& own = clock(i, s).resolution;
  if (own.breached || !own.running) return;
  const SlaTargetConfig& sla = network_->suppliers[s].sla[t.priority - 1u];
  if (sla_elapsed(own, calendar(sla.calendar), now) < sla.resolution_seconds * (1 - 1e-12)) return;  // paused since
  own.breached = true;
  signals_.emit({sig_.suppliers[s].resolution_breach[0], sig_.suppliers[s].resolution_breach[t.priority]}, now, 1.0);
}

bool ServiceFlow::pauses(std::size_t supplier, TicketState waiting) const {
  if (network_ == nullptr) return waiting == TicketState::kWaitingOnUser;
  const auto& p = network_->suppliers[supplier].pauses;
  switch (waiting) {
    case TicketState::kWaitingOnUser: return p[0];
    case TicketState::kWaitingOnVendor: return p[1];
    case TicketState::kWaitingOnChange: return p[2];
    default: return false;
  }
}

// A visit waiting in a state pauses the clocks of the suppliers whose contract says so: the group's
// supplier's own resolution clock, and the desk supplier's end-to-end clock.
void ServiceFlow::pause_clocks(std::uint32_t i, TicketState waiting, sim::Time now) {
  Ticket& t = tickets_[i];
  const std::size_t s = network_->groups[t.group].supplier;
  if (pauses(s, waiting))
    sla_stop(clock(i, s).resolution, calendar(network_->suppliers[s].sla[t.priority - 1u].calendar), now);
  if (pauses(network_->desk_supplier, waiting) && t.resolution.running) stop_desk_clock(t.resolution, t.priority, now);
}

void ServiceFlow::resume_clocks(std::uint32_t i, TicketState waiting, sim::Time now) {
  Ticket& t = tickets_[i];
  const std::size_t s = network_->groups[t.group].supplier;
  if (pauses(s, waiting)) start_supplier_resolution(i, s, now);
  if (pauses(network_->desk_supplier, waiting) && !t.resolution.running)
    start_desk_clock(t.resolution, i, desk_->sla[t.priority - 1u].resolution_seconds, resolution_check_, now);
}

// --- Resolution, reopening, closure -----------------------------------------------------------

void ServiceFlow::resolve(std::uint32_t i, sim::Time now, bool may_reopen) {
  Ticket& t = tickets_[i];
  stop_desk_clock(t.resolution, t.priority, now);
  lifecycle_.enter(t, TicketState::kResolved, now);
  t.resolved_at = now;
  // A ticket is reopened at most once; the decision is drawn at resolution so that the final
  // resolution is known when it happens. Duplicates closed with their major incident are not.
  if (may_reopen && !t.reopened && desk_->reopen_probability > 0 && reopen_draw_.uniform() < desk_->reopen_probability) {
    kernel_.schedule_in(desk_->reopen_after.sample(reopen_draw_), reopen_, ticket_payload(i, t.serial));
    return;
  }
  final_resolution(i, now);
  if (desk_->auto_close_seconds > 0) kernel_.schedule_at(now + desk_->auto_close_seconds, close_, ticket_payload(i, t.serial), close_lane_);
  else close(i, now);
}

void ServiceFlow::final_resolution(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  t.final_resolution = true;
  ++totals_.resolved;
  --open_;
  signals_.emit(sig_.resolved, now, 1.0);
  const std::uint8_t p = t.priority;
  if (desk_->sla_clocks) {
    const bool met = !t.resolution.breached && t.resolution.consumed <= desk_->sla[p - 1u].resolution_seconds;
    sig_.resolution_met.emit(signals_, p, t.channel, now, met ? 1.0 : 0.0);
  }
  const double resolve_time = now - t.raised_at;
  signals_.emit({sig_.resolve_time[0], sig_.resolve_time[p]}, now, resolve_time);
  if (t.category < sig_.resolve_time_by_category.size())
    signals_.emit(sig_.resolve_time_by_category[t.category], now, resolve_time);
  if (network_ == nullptr) return;

  const std::size_t desk = network_->desk_supplier;
  const std::uint8_t mask = t.in_network ? t.held_mask : static_cast<std::uint8_t>(1u << desk);
  const std::size_t bucket = t.in_network ? std::min<std::size_t>(t.reassignments, 3) : 0;
  signals_.emit({sig_.reassignment_buckets[bucket][0], sig_.reassignment_buckets[bucket][p]}, now, 1.0);
  if (t.in_network) {
    signals_.emit(sig_.network_time, now, now - t.network_entry);
    signals_.emit(sig_.visits, now, static_cast<double>(t.visits.size()));
  }
  const std::size_t month = months_.month_at(now);
  for (std::size_t s = 0; s < network_->suppliers.size(); ++s) {
    if (!(mask & (1u << s))) continue;
    const SlaTargetConfig& sla = network_->suppliers[s].sla[p - 1u];
    const sim::WorkingCalendar& cal = calendar(sla.calendar);
    const SlaClock& response = (s == desk || !t.in_network) ? t.response : clock(i, s).response;
    const SlaClock& resolution = t.in_network ? clock(i, s).resolution : t.resolution;
    const double consumed = sla_elapsed(resolution, cal, now);
    const bool response_met = !response.breached && sla_elapsed(response, cal, now) <= sla.response_seconds;
    const bool resolution_met = consumed <= sla.resolution_seconds;
    const SupplierSignals& ss = sig_.suppliers[s];
    signals_.emit({ss.response_met[0], ss.response_met[p]}, now, response_met ? 1.0 : 0.0);
    signals_.emit({ss.resolution_met[0], ss.resolution_met[p]}, now, resolution_met ? 1.0 : 0.0);
    signals_.emit({ss.resolution_time[0], ss.resolution_time[p]}, now, consumed);
    const double held = t.in_network ? clock(i, s).held_seconds : 0.0;
    signals_.emit({ss.time_held[0], ss.time_held[p]}, now, held);
    signals_.emit({ss.resolve_time[0], ss.resolve_time[p]}, now, resolve_time);
    signals_.emit({ss.reassignment_buckets[bucket][0], ss.reassignment_buckets[bucket][p]}, now, 1.0);
    if (month_resolved_[s].size() <= month) {
      month_resolved_[s].resize(month + 1, 0);
      month_breached_[s].resize(month + 1, 0);
    }
    ++month_resolved_[s][month];
    if (!resolution_met) ++month_breached_[s][month];
  }
}

void ServiceFlow::on_reopen(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live(i, payload_token(payload)) || tickets_[i].state != TicketState::kResolved || tickets_[i].final_resolution)
    return;
  Ticket& t = tickets_[i];
  t.reopened = true;
  lifecycle_.enter(t, TicketState::kReopened, now);
  signals_.emit(sig_.reopened, now, 1.0);
  start_desk_clock(t.resolution, i, desk_->sla[t.priority - 1u].resolution_seconds, resolution_check_, now);
  send_on(i, now);  // to the resolver again, not to the desk
  emit_open(now);
}

void ServiceFlow::on_close(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live(i, payload_token(payload)) || tickets_[i].state != TicketState::kResolved) return;
  close(i, now);
}

void ServiceFlow::close(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  lifecycle_.enter(t, TicketState::kClosed, now);
  signals_.emit(sig_.closed, now, 1.0);
  const double close_time = now - t.raised_at;
  signals_.emit({sig_.close_time[0], sig_.close_time[t.priority]}, now, close_time);
  if (t.category < sig_.close_time_by_category.size())
    signals_.emit(sig_.close_time_by_category[t.category], now, close_time);
  release(i, now);
}

// --- Cancellation -------------------------------------------------------------------------------

void ServiceFlow::on_cancel(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live(i, payload_token(payload))) return;
  Ticket& t = tickets_[i];
  switch (t.state) {
    case TicketState::kInService: t.cancel_requested = true; return;  // when the current work ends
    case TicketState::kQueued:
      if (t.station != 0) end_visit(i, now);
      stations_[t.station]->withdraw(i, TicketState::kCancelled, now);
      break;
    case TicketState::kWaitingOnUser:
    case TicketState::kWaitingOnVendor:
    case TicketState::kWaitingOnChange:
      if (t.in_network && t.station != 0) end_visit(i, now);
      lifecycle_.enter(t, TicketState::kCancelled, now);
      break;
    case TicketState::kAway:
    case TicketState::kInHandoff:
    case TicketState::kElsewhere: lifecycle_.enter(t, TicketState::kCancelled, now); break;
    default: return;  // resolved, linked to a major incident (closed with it), or gone
  }
  cancel(i, now);
  emit_open(now);
}

void ServiceFlow::cancel(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  if (t.state != TicketState::kCancelled) lifecycle_.enter(t, TicketState::kCancelled, now);
  stop_desk_clock(t.resolution, t.priority, now);
  stop_desk_clock(t.response, t.priority, now);
  ++totals_.cancelled;
  --open_;
  signals_.emit(sig_.cancelled, now, 1.0);
  release(i, now);
}

void ServiceFlow::release(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  if (records_ != nullptr) {
    const int response = t.answered ? (sla_met(t.response, desk_->sla[t.priority - 1u].response_seconds) ? 1 : 0) : -1;
    const int resolution =
        t.final_resolution ? (sla_met(t.resolution, desk_->sla[t.priority - 1u].resolution_seconds) ? 1 : 0) : -1;
    records_->write(t, response, resolution);
  }
  lifecycle_.enter(t, TicketState::kFree, now);
  tickets_.release(i);
}

void ServiceFlow::write_open_records() const {
  if (records_ == nullptr) return;
  for (std::uint32_t i = 0; i < tickets_.capacity(); ++i) {
    const Ticket& t = tickets_[i];
    if (t.state == TicketState::kFree) continue;
    const int response = t.answered ? (sla_met(t.response, desk_->sla[t.priority - 1u].response_seconds) ? 1 : 0) : -1;
    const int resolution =
        t.final_resolution ? (sla_met(t.resolution, desk_->sla[t.priority - 1u].resolution_seconds) ? 1 : 0) : -1;
    records_->write(t, response, resolution);
  }
}

// --- Counting -------------------------------------------------------------------------------------

std::array<std::uint64_t, kTicketStates> ServiceFlow::count_by_state() const {
  std::array<std::uint64_t, kTicketStates> n{};
  for (std::uint32_t i = 0; i < tickets_.capacity(); ++i) ++n[static_cast<std::size_t>(tickets_[i].state)];
  return n;
}

std::uint64_t ServiceFlow::count_open_records() const {
  std::uint64_t n = 0;
  for (std::uint32_t i = 0; i < tickets_.capacity(); ++i) {
    const Ticket& t = tickets_[i];
    if (is_terminal(t.state)) continue;
    if (t.state == TicketState::kResolved && t.final_resolution) continue;
    ++n;
  }
  return n;
}

}  // namespace desksim::models
