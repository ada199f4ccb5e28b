#include "models/desk/service_desk.hpp"

#include <string>

#include "sim/random/distribution.hpp"

namespace desksim::models {

namespace {
sim::RandomStream stream(std::uint64_t seed, std::uint64_t replication, const char* name) {
  return sim::RandomStream(seed, replication, sim::stream_id_for(name));
}
}  // namespace

ServiceDesk::ServiceDesk(sim::EventKernel& kernel, sim::SignalBus& signals, const ServiceDeskConfig& config,
                         std::uint64_t seed, std::uint64_t replication)
    : kernel_(kernel),
      signals_(signals),
      config_(config),
      completion_(kernel.add_handler(&completion_handler_, "desk.completion")),
      abandon_(kernel.add_handler(&abandon_handler_, "desk.abandon")),
      redial_(kernel.add_handler(&redial_handler_, "desk.redial")),
      response_check_(kernel.add_handler(&response_check_handler_, "sla.response_check")),
      resolution_check_(kernel.add_handler(&resolution_check_handler_, "sla.resolution_check")),
      pending_end_(kernel.add_handler(&pending_end_handler_, "ticket.pending_end")),
      resolver_done_(kernel.add_handler(&resolver_done_handler_, "resolver.done")),
      reopen_(kernel.add_handler(&reopen_handler_, "ticket.reopen")),
      close_(kernel.add_handler(&close_handler_, "ticket.close")),
      patience_(stream(seed, replication, "desk.patience")),
      redial_draw_(stream(seed, replication, "desk.redial")),
      callback_(stream(seed, replication, "desk.callback")),
      fcr_(stream(seed, replication, "desk.first_contact_resolution")),
      resolver_delay_(stream(seed, replication, "resolver.delay")),
      pending_(stream(seed, replication, "resolver.pending_user")),
      reopen_draw_(stream(seed, replication, "ticket.reopen")),
      wait_(triple(signals, "desk.wait")),
      abandon_signal_(triple(signals, "desk.abandon")),
      fcr_signal_(triple(signals, "desk.fcr")),
      response_met_(triple(signals, "sla.response_met")),
      resolution_met_(triple(signals, "sla.resolution_met")),
      response_breach_(triple(signals, "sla.response_breach")),
      resolution_breach_(triple(signals, "sla.resolution_breach")),
      queue_time_(signals.signal("desk.queue_time")),
      delayed_(signals.signal("desk.delayed")),
      raised_(signals.signal("tickets.raised")),
      resolved_(signals.signal("tickets.resolved")),
      abandoned_(signals.signal("tickets.abandoned")),
      reopened_(signals.signal("tickets.reopened")),
      closed_(signals.signal("tickets.closed")),
      queue_length_(signals.signal("desk.queue_length")),
      busy_agents_(signals.signal("desk.busy_agents")),
      agents_on_duty_(signals.signal("desk.agents_on_duty")),
      open_tickets_(signals.signal("tickets.open")) {
  const std::uint32_t slots = config.max_agents();
  slot_ticket_.assign(slots, 0);
  idle_.reserve(slots);
  off_duty_.reserve(slots);
  for (std::uint32_t i = slots; i-- > 0;) off_duty_.push_back(i);  // slot 0 comes on duty first
}

ServiceDesk::SignalTriple ServiceDesk::triple(sim::SignalBus& signals, const char* name) {
  SignalTriple s;
  const std::string base(name);
  s.ids[0] = signals.signal(base);
  for (std::size_t p = 0; p < kPriorities; ++p) s.ids[1 + p] = signals.signal(base + ".P" + std::to_string(p + 1));
  for (std::size_t c = 0; c < kChannels; ++c) s.ids[1 + kPriorities + c] = signals.signal(base + "." + kChannelNames[c]);
  return s;
}

void ServiceDesk::emit3(const SignalTriple& s, const ServiceTicket& t, sim::Time now, double value) const {
  signals_.emit(s.ids[0], now, value);
  signals_.emit(s.ids[t.priority], now, value);
  signals_.emit(s.ids[1 + kPriorities + t.channel], now, value);
}

void ServiceDesk::emit_levels(sim::Time now) const {
  signals_.emit(queue_length_, now, static_cast<double>(waiting_));
  signals_.emit(busy_agents_, now, static_cast<double>(busy_));
  signals_.emit(agents_on_duty_, now, static_cast<double>(on_duty_));
  signals_.emit(open_tickets_, now, static_cast<double>(open_));
}

std::size_t ServiceDesk::rank_of(const ServiceTicket& t) const {
  const std::size_t p = t.priority - 1u;
  if (!config_.live_contacts_first) return p;
  return 2 * p + (config_.channels[t.channel].live ? 0 : 1);
}

bool ServiceDesk::live_event(std::uint32_t index, std::uint32_t serial) const {
  const ServiceTicket& t = tickets_[index];
  return t.state != TicketState::kFree && t.serial == serial;
}

// --- SLA clocks ----------------------------------------------------------------------------------

const sim::WorkingCalendar& ServiceDesk::calendar(std::uint8_t priority) const {
  return config_.calendars[config_.sla[priority - 1u].calendar];
}

sim::Time ServiceDesk::elapsed(const SlaClock& clock, std::uint8_t priority, sim::Time now) const {
  return sla_elapsed(clock, calendar(priority), now);
}

void ServiceDesk::start_clock(SlaClock& clock, std::uint32_t index, double target, sim::HandlerId check, sim::Time now) {
  const ServiceTicket& t = tickets_[index];
  const sim::Time deadline = sla_start(clock, calendar(t.priority), target, now);
  if (deadline >= 0) kernel_.schedule_at(deadline, check, ticket_payload(index, t.serial));
}

void ServiceDesk::stop_clock(SlaClock& clock, std::uint8_t priority, sim::Time now) {
  sla_stop(clock, calendar(priority), now);
}

void ServiceDesk::on_response_check(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live_event(i, payload_token(payload))) return;
  ServiceTicket& t = tickets_[i];
  if (!t.response.running || t.response.breached) return;  // answered, or a stale check
  t.response.breached = true;
  emit3(response_breach_, t, now, 1.0);
}

void ServiceDesk::on_resolution_check(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live_event(i, payload_token(payload))) return;
  ServiceTicket& t = tickets_[i];
  if (!t.resolution.running || t.resolution.breached) return;
  // A check scheduled before a pause is stale once the clock resumed later: compare with the target.
  const double target = config_.sla[t.priority - 1u].resolution_seconds;
  if (elapsed(t.resolution, t.priority, now) < target * (1 - 1e-12)) return;
  t.resolution.breached = true;
  emit3(resolution_breach_, t, now, 1.0);
  if (resolver_) resolver_->attribute_breach(i, now);
}

// --- Arrival and the queue ---------------------------------------------------------------------

void ServiceDesk::raise(std::uint32_t user, std::uint16_t category, std::uint8_t priority, std::uint8_t channel,
                        sim::Time work, std::uint64_t parent) {
  const sim::Time now = kernel_.now();
  const std::uint32_t i = tickets_.acquire();
  ServiceTicket& t = tickets_[i];
  t = ServiceTicket{};
  t.serial = next_serial_++;
  t.user = user;
  t.category = category;
  t.priority = priority;
  t.channel = channel;
  t.raised_at = now;
  t.work = work;
  t.parent = parent;
  ++raised_total_;
  ++open_;
  signals_.emit(raised_, now, 1.0);
  const SlaTargetConfig& sla = config_.sla[priority - 1u];
  start_clock(t.response, i, sla.response_seconds, response_check_, now);
  start_clock(t.resolution, i, sla.resolution_seconds, resolution_check_, now);
  if (resolver_ && resolver_->bypasses_desk(category)) {
    // Raised directly in a resolver group: no level-1 contact, so no desk response to measure.
    t.answered = true;
    stop_clock(t.response, priority, now);
    send_to_resolver(i, now);
  } else {
    enter_queue(i, now);
  }
  emit_levels(now);
}

void ServiceDesk::enter_queue(std::uint32_t i, sim::Time now) {
  ServiceTicket& t = tickets_[i];
  t.state = TicketState::kQueued;
  t.attempt_started = now;
  t.queue_token = next_queue_token_++;
  if (!idle_.empty()) {  // an idle agent means the queue is empty
    signals_.emit(delayed_, now, 0.0);
    start_service(i, now);
    return;
  }
  signals_.emit(delayed_, now, 1.0);
  const ChannelConfig& ch = config_.channels[t.channel];
  if (ch.callback_offer_queue_length > 0 && !t.callback && waiting_ >= ch.callback_offer_queue_length)
    t.callback = callback_.uniform() < ch.callback_acceptance_probability;
  queues_[rank_of(t)].push_back(ticket_payload(i, t.queue_token));
  ++waiting_;
  if (ch.has_patience && !t.callback)
    kernel_.schedule_in(ch.patience.sample(patience_), abandon_, ticket_payload(i, t.queue_token));
}

bool ServiceDesk::pop_next(std::uint32_t* index) {
  for (auto& queue : queues_) {
    while (!queue.empty()) {
      const std::uint64_t entry = queue.front();
      queue.pop_front();
      const ServiceTicket& t = tickets_[payload_index(entry)];
      if (t.state == TicketState::kQueued && t.queue_token == payload_token(entry)) {
        --waiting_;
        *index = payload_index(entry);
        return true;
      }
    }
  }
  return false;
}

void ServiceDesk::dispatch(sim::Time now) {
  std::uint32_t i = 0;
  while (!idle_.empty() && waiting_ > 0 && pop_next(&i)) start_service(i, now);
}

void ServiceDesk::start_service(std::uint32_t i, sim::Time now) {
  ServiceTicket& t = tickets_[i];
  const std::uint32_t slot = idle_.back();
  idle_.pop_back();
  slot_ticket_[slot] = i;
  ++busy_;
  t.state = TicketState::kInProgress;
  signals_.emit(queue_time_, now, now - t.attempt_started);
  if (config_.channels[t.channel].has_patience && !t.callback) emit3(abandon_signal_, t, now, 0.0);
  if (!t.answered) {
    t.answered = true;
    emit3(wait_, t, now, now - t.raised_at);
    stop_clock(t.response, t.priority, now);
    const bool met = !t.response.breached && t.response.consumed <= config_.sla[t.priority - 1u].response_seconds;
    emit3(response_met_, t, now, met ? 1.0 : 0.0);
  }
  kernel_.schedule_at(now + t.work, completion_, slot);
}

void ServiceDesk::on_abandon(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  ServiceTicket& t = tickets_[i];
  if (t.state != TicketState::kQueued || t.queue_token != payload_token(payload)) return;  // answered meanwhile
  --waiting_;
  signals_.emit(queue_time_, now, now - t.attempt_started);
  emit3(abandon_signal_, t, now, 1.0);
  const ChannelConfig& ch = config_.channels[t.channel];
  if (ch.redial_probability > 0 && redial_draw_.uniform() < ch.redial_probability) {
    t.state = TicketState::kAway;
    kernel_.schedule_in(ch.redial_delay.sample(redial_draw_), redial_, ticket_payload(i, t.serial));
  } else {
    // Lost for good: no ticket reaches the desk, so no SLA figure either.
    ++abandoned_total_;
    --open_;
    signals_.emit(abandoned_, now, 1.0);
    tickets_.release(i);
  }
  emit_levels(now);
}

void ServiceDesk::on_redial(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live_event(i, payload_token(payload)) || tickets_[i].state != TicketState::kAway) return;
  enter_queue(i, now);
  emit_levels(now);
}

// --- Agents and the roster ---------------------------------------------------------------------

void ServiceDesk::on_completion(sim::Time now, std::uint64_t payload) {
  const auto slot = static_cast<std::uint32_t>(payload);
  const std::uint32_t i = slot_ticket_[slot];
  ServiceTicket& t = tickets_[i];
  --busy_;
  if (t.parent != 0) {  // a duplicate of a major incident: linked, not resolved or routed
    if (resolved_parents_.count(t.parent) != 0) {
      resolve(i, now, false);
    } else {
      t.state = TicketState::kLinked;
      linked_[t.parent].push_back(ticket_payload(i, t.serial));
    }
  } else {
    const bool first_contact = fcr_.uniform() < config_.categories[t.category].fcr_probability;
    emit3(fcr_signal_, t, now, first_contact ? 1.0 : 0.0);
    if (first_contact) resolve(i, now);
    else hand_off(i, now);
  }
  if (on_duty_ > target_) {  // the roster has fewer agents now: this one goes off duty
    --on_duty_;
    off_duty_.push_back(slot);
  } else {
    idle_.push_back(slot);
    dispatch(now);
  }
  emit_levels(now);
}

void ServiceDesk::set_agents(std::uint32_t agents) {
  const sim::Time now = kernel_.now();
  target_ = agents;
  while (on_duty_ < target_ && !off_duty_.empty()) {
    idle_.push_back(off_duty_.back());
    off_duty_.pop_back();
    ++on_duty_;
  }
  while (on_duty_ > target_ && !idle_.empty()) {
    off_duty_.push_back(idle_.back());
    idle_.pop_back();
    --on_duty_;
  }
  dispatch(now);
  emit_levels(now);
}

// --- After the desk ----------------------------------------------------------------------------

void ServiceDesk::hand_off(std::uint32_t i, sim::Time now) {
  ServiceTicket& t = tickets_[i];
  if (config_.pending_user_probability > 0 && pending_.uniform() < config_.pending_user_probability) {
    t.state = TicketState::kPendingUser;
    stop_clock(t.resolution, t.priority, now);
    kernel_.schedule_in(config_.pending_user.sample(pending_), pending_end_, ticket_payload(i, t.serial));
  } else {
    send_to_resolver(i, now);
  }
}

void ServiceDesk::send_to_resolver(std::uint32_t i, sim::Time now) {
  ServiceTicket& t = tickets_[i];
  t.state = TicketState::kWithResolver;
  if (resolver_) {
    resolver_->accept(i, now);
    return;
  }
  kernel_.schedule_in(config_.resolved_elsewhere.sample(resolver_delay_), resolver_done_, ticket_payload(i, t.serial));
}

void ServiceDesk::resolved_by_resolver(std::uint32_t i, sim::Time now) {
  resolve(i, now);
  emit_levels(now);
}

void ServiceDesk::on_pending_end(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live_event(i, payload_token(payload)) || tickets_[i].state != TicketState::kPendingUser) return;
  ServiceTicket& t = tickets_[i];
  start_clock(t.resolution, i, config_.sla[t.priority - 1u].resolution_seconds, resolution_check_, now);
  send_to_resolver(i, now);
}

void ServiceDesk::on_resolver_done(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live_event(i, payload_token(payload)) || tickets_[i].state != TicketState::kWithResolver) return;
  resolve(i, now);
  emit_levels(now);
}

void ServiceDesk::resolve_linked(std::uint64_t parent) {
  const sim::Time now = kernel_.now();
  resolved_parents_.insert(parent);
  const auto it = linked_.find(parent);
  if (it == linked_.end()) return;
  for (std::uint64_t payload : it->second) {
    const std::uint32_t i = payload_index(payload);
    if (live_event(i, payload_token(payload)) && tickets_[i].state == TicketState::kLinked) resolve(i, now, false);
  }
  linked_.erase(it);
  emit_levels(now);
}

void ServiceDesk::resolve(std::uint32_t i, sim::Time now, bool may_reopen) {
  ServiceTicket& t = tickets_[i];
  stop_clock(t.resolution, t.priority, now);
  // A ticket is reopened at most once; the decision is drawn at resolution so that the final
  // resolution is known when it happens. Duplicates closed with their major incident are not.
  if (may_reopen && !t.reopened && config_.reopen_probability > 0 &&
      reopen_draw_.uniform() < config_.reopen_probability) {
    t.state = TicketState::kResolved;
    kernel_.schedule_in(config_.reopen_after.sample(reopen_draw_), reopen_, ticket_payload(i, t.serial));
    return;
  }
  t.state = TicketState::kClosed;
  ++resolved_total_;
  --open_;
  signals_.emit(resolved_, now, 1.0);
  const bool met = !t.resolution.breached && t.resolution.consumed <= config_.sla[t.priority - 1u].resolution_seconds;
  emit3(resolution_met_, t, now, met ? 1.0 : 0.0);
  if (resolver_) resolver_->on_final_resolution(i, now);
  kernel_.schedule_in(config_.auto_close_seconds, close_, ticket_payload(i, t.serial));
}

void ServiceDesk::on_reopen(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live_event(i, payload_token(payload)) || tickets_[i].state != TicketState::kResolved) return;
  ServiceTicket& t = tickets_[i];
  t.reopened = true;
  signals_.emit(reopened_, now, 1.0);
  start_clock(t.resolution, i, config_.sla[t.priority - 1u].resolution_seconds, resolution_check_, now);
  send_to_resolver(i, now);
}

void ServiceDesk::on_close(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live_event(i, payload_token(payload)) || tickets_[i].state != TicketState::kClosed) return;
  signals_.emit(closed_, now, 1.0);
  tickets_.release(i);
}

std::uint64_t ServiceDesk::count_open_records() const {
  std::uint64_t n = 0;
  for (std::uint32_t i = 0; i < tickets_.capacity(); ++i) {
    const TicketState s = tickets_[i].state;
    if (s != TicketState::kFree && s != TicketState::kClosed) ++n;
  }
  return n;
}

}  // namespace desksim::models
