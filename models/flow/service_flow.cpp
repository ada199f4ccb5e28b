// ServiceFlow: construction, rosters, and the level-1 desk (arrival, abandonment and redial,
// first-contact resolution, the hand-off onward). The resolver network is in network_flow.cpp;
// SLA clocks, resolution, reopening, closure and cancellation in resolution_flow.cpp.
#include "models/flow/service_flow.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/random/distribution.hpp"

namespace desksim::models {

namespace {

sim::RandomStream stream(std::uint64_t seed, std::uint64_t replication, const std::string& name) {
  return sim::RandomStream(seed, replication, sim::stream_id_for(name));
}

constexpr double kHalfHour = 1800.0;

DisciplineKind group_discipline(const ResolverGroupConfig& g) {
  return g.discipline;
}

}  // namespace

ServiceFlow::ServiceFlow(sim::EventKernel& kernel, sim::SignalBus& signals, const ServiceDeskConfig& desk,
                         const ResolverNetworkConfig* network, std::uint64_t seed, std::uint64_t replication)
    : kernel_(kernel),
      signals_(signals),
      desk_(&desk),
      network_(network),
      sig_(signals, desk, network),
      lifecycle_(signals),
      abandon_(kernel.add_handler(&abandon_handler_, "desk.abandon")),
      redial_(kernel.add_handler(&redial_handler_, "desk.redial")),
      pending_end_(kernel.add_handler(&pending_end_handler_, "ticket.pending_end")),
      elsewhere_done_(kernel.add_handler(&elsewhere_handler_, "ticket.resolved_elsewhere")),
      handoff_end_(kernel.add_handler(&handoff_handler_, "resolver.handoff_end")),
      wait_end_(kernel.add_handler(&wait_end_handler_, "resolver.wait_end")),
      chase_(kernel.add_handler(&chase_handler_, "resolver.ola_chase")),
      ola_check_(kernel.add_handler(&ola_handler_, "resolver.ola_check")),
      extra_end_(kernel.add_handler(&extra_handler_, "resolver.extra_capacity_end")),
      response_check_(kernel.add_handler(&response_check_handler_, "sla.response_check")),
      resolution_check_(kernel.add_handler(&resolution_check_handler_, "sla.resolution_check")),
      supplier_response_deadline_(kernel.add_handler(&supplier_response_handler_, "resolver.supplier_response_deadline")),
      supplier_resolution_deadline_(
          kernel.add_handler(&supplier_resolution_handler_, "resolver.supplier_resolution_deadline")),
      reopen_(kernel.add_handler(&reopen_handler_, "ticket.reopen")),
      close_(kernel.add_handler(&close_handler_, "ticket.close")),
      cancel_(kernel.add_handler(&cancel_handler_, "ticket.cancel")),
      patience_(stream(seed, replication, "desk.patience")),
      redial_draw_(stream(seed, replication, "desk.redial")),
      callback_(stream(seed, replication, "desk.callback")),
      fcr_(stream(seed, replication, "desk.first_contact_resolution")),
      elsewhere_delay_(stream(seed, replication, "resolver.delay")),
      pending_(stream(seed, replication, "resolver.pending_user")),
      reopen_draw_(stream(seed, replication, "ticket.reopen")),
      cancel_draw_(stream(seed, replication, "ticket.cancel")),
      routing_(stream(seed, replication, "resolver.routing")),
      handoff_delay_(stream(seed, replication, "resolver.handoff_delay")),
      misroute_count_(stream(seed, replication, "resolver.misroute_count")),
      months_(desk.start_day) {
  lifecycle_.keep_time_in_state(false);  // until a record writer is set
  if (network != nullptr) suppliers_ = network->suppliers.size();
  for (std::size_t p = 0; p < kPriorities; ++p) {
    response_lanes_[p] = kernel.add_lane();
    resolution_lanes_[p] = kernel.add_lane();
  }
  close_lane_ = kernel.add_lane();
  if (network_ != nullptr) {
    supplier_resolution_lanes_.resize(network_->suppliers.size());
    for (auto& lanes : supplier_resolution_lanes_)
      for (auto& lane : lanes) lane = kernel.add_lane();
  }
  std::vector<bool> live(kChannels);
  for (std::size_t c = 0; c < kChannels; ++c) live[c] = desk.channels[c].live;
  stations_.push_back(std::make_unique<Station>(
      kernel, signals, tickets_, lifecycle_, *this, 0, "desk",
      make_discipline(desk.live_contacts_first ? DisciplineKind::kLiveFirst : DisciplineKind::kPriority, live),
      StationSignals{sig_.desk_queue_time, sig_.queue_length, sig_.busy_agents, sig_.agents_on_duty, sig_.agents_rostered}, desk.max_agents()));
  if (network_ == nullptr) return;
  for (std::size_t g = 0; g < network_->groups.size(); ++g) {
    const ResolverGroupConfig& gc = network_->groups[g];
    const GroupSignals& gs = sig_.groups[g];
    stations_.push_back(std::make_unique<Station>(
        kernel, signals, tickets_, lifecycle_, *this, static_cast<std::uint16_t>(1 + g), "group." + gc.name,
        make_discipline(group_discipline(gc)), StationSignals{gs.queue_time, gs.queue_length, gs.busy, gs.on_duty, gs.rostered},
        gc.max_servers(), gc.tickets_in_hand));
    work_.push_back(stream(seed, replication, "resolver.work." + gc.name));
    route_.push_back(stream(seed, replication, "resolver.route." + gc.name));
    wait_.push_back(stream(seed, replication, "resolver.waiting." + gc.name));
  }
  group_extra_.assign(network_->groups.size(), 0);
}

void ServiceFlow::emit_open(sim::Time now) {
  // A level is recorded when it changes: many moves (a service done, a hand-off) leave it as it was.
  if (open_ == emitted_open_) return;
  emitted_open_ = open_;
  signals_.emit(sig_.open, now, static_cast<double>(open_));
}

// --- Rosters -------------------------------------------------------------------------------------

void ServiceFlow::set_agents(std::uint32_t agents) { stations_[0]->set_servers(agents, kernel_.now()); }

void ServiceFlow::start(sim::Time horizon) {
  horizon_ = horizon;
  network_since_.assign(1, {kernel_.now(), network_});
  start_rosters();
}

void ServiceFlow::reconfigure(const ServiceDeskConfig& desk, const ResolverNetworkConfig* network) {
  desk_ = &desk;
  network_ = network;
  network_since_.emplace_back(kernel_.now(), network);
  start_rosters();
}

const ResolverNetworkConfig* ServiceFlow::network_at(sim::Time t) const {
  const ResolverNetworkConfig* in_force = network_since_.empty() ? network_ : network_since_.front().second;
  for (const auto& [since, config] : network_since_)
    if (since <= t) in_force = config;
  return in_force;
}

// Servers on duty now, then one low-frequency actor per kind of roster that changes them at the
// half-hour boundaries where the roster changes, until the horizon. Actors of an earlier
// configuration see the generation move on and stop.
void ServiceFlow::start_rosters() {
  const sim::Time now = kernel_.now();
  const std::uint64_t generation = ++roster_generation_;
  const sim::Time horizon = horizon_;
  set_agents(desk_->agents_at(now));
  if (!desk_->roster.empty()) {
    kernel_.spawn_actor("roster", [this, horizon, generation] {
      const double offset = desk_->hour_of_week_offset_seconds();
      sim::Time t = kernel_.now();
      for (;;) {
        const std::uint32_t current = desk_->agents_at(t);
        sim::Time next = (std::floor((t + offset) / kHalfHour) + 1) * kHalfHour - offset;
        std::size_t steps = 0;
        while (desk_->agents_at(next) == current && steps++ < kHalfHoursPerWeek) next += kHalfHour;
        if (steps > kHalfHoursPerWeek || next > horizon) return;  // constant roster, or past the end
        kernel_.sleep_until(next);
        if (generation != roster_generation_) return;
        set_agents(desk_->agents_at(next));
        t = next;
      }
    });
  }
  if (network_ == nullptr) return;
  for (std::size_t g = 0; g < network_->groups.size(); ++g) set_group_servers(static_cast<std::uint16_t>(g), now);
  if (network_->roster_changes.empty()) return;
  kernel_.spawn_actor("resolver-roster", [this, horizon, generation] {
    std::vector<bool> change(kHalfHoursPerWeek, false);
    for (std::size_t h : network_->roster_changes) change[h] = true;
    const double offset = desk_->hour_of_week_offset_seconds();
    sim::Time t = kernel_.now();
    for (;;) {
      auto hh = static_cast<long long>(std::floor((t + offset) / kHalfHour)) + 1;
      while (!change[static_cast<std::size_t>(hh % static_cast<long long>(kHalfHoursPerWeek))]) ++hh;
      const sim::Time next = static_cast<double>(hh) * kHalfHour - offset;
      if (next > horizon) return;
      kernel_.sleep_until(next);
      if (generation != roster_generation_) return;
      for (std::size_t g = 0; g < network_->groups.size(); ++g)
        if (!network_->groups[g].roster.empty()) set_group_servers(static_cast<std::uint16_t>(g), kernel_.now());
      t = next;
    }
  });
}

void ServiceFlow::set_group_servers(std::uint16_t g, sim::Time now) {
  const std::uint32_t servers = network_->groups[g].servers_at(now, desk_->hour_of_week_offset_seconds()) + group_extra_[g];
  stations_[1 + g]->set_servers(servers, now);
}

// --- Arrival and the desk queue --------------------------------------------------------------------

void ServiceFlow::raise(std::uint32_t user, std::uint16_t category, std::uint8_t priority, std::uint8_t channel,
                        sim::Time work, std::uint64_t parent) {
  const sim::Time now = kernel_.now();
  const std::uint32_t i = tickets_.acquire();
  tickets_.reset(i);
  Ticket& t = tickets_[i];
  t.serial = next_serial_++;
  t.user = user;
  t.category = category;
  t.priority = priority;
  t.queue_priority = priority;
  t.channel = channel;
  t.raised_at = now;
  t.desk_work = work;
  t.parent = parent;
  t.state_since = now;
  lifecycle_.enter(t, TicketState::kRaised, now);
  ++totals_.raised;
  if (++open_ > desk_->max_open_tickets) {
    // The desk cannot keep up: stop with a clear message rather than exhaust the memory.
    throw std::runtime_error("more than " + std::to_string(desk_->max_open_tickets) + " tickets open at " +
                             std::to_string(sim::to_hours(now)) +
                             " h: demand exceeds what the desk and resolver groups can work (see the overload "
                             "warnings of `desksim validate`; run.max_open_tickets sets this limit)");
  }
  signals_.emit(sig_.raised, now, 1.0);
  const SlaTargetConfig& sla = desk_->sla[priority - 1u];
  start_desk_clock(t.response, i, sla.response_seconds, response_check_, now);
  start_desk_clock(t.resolution, i, sla.resolution_seconds, resolution_check_, now);
  if (category < desk_->categories.size()) {
    const CategoryConfig& c = desk_->categories[category];
    if (c.cancel_probability > 0 && parent == 0 && cancel_draw_.uniform() < c.cancel_probability)
      kernel_.schedule_in(c.cancel_after.sample(cancel_draw_), cancel_, ticket_payload(i, t.serial));
  }
  const bool bypass = network_ != nullptr && category < network_->routes.size() && network_->routes[category].bypass_desk;
  if (bypass) {
    // Raised directly in a resolver group: no level-1 contact, so no desk response to measure.
    t.answered = true;
    stop_desk_clock(t.response, priority, now);
    route_into_network(i, now);
  } else {
    desk_arrive(i, now);
  }
  emit_open(now);
}

void ServiceFlow::desk_arrive(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  t.attempt_started = now;
  t.work = t.desk_work;
  Station& desk = *stations_[0];
  const bool at_once = desk.arrive(i, now);
  signals_.emit(sig_.delayed, now, at_once ? 0.0 : 1.0);
  if (at_once) return;
  const ChannelConfig& ch = desk_->channels[t.channel];
  if (ch.callback_offer_queue_length > 0 && !t.callback && desk.waiting() - 1 >= ch.callback_offer_queue_length)
    t.callback = callback_.uniform() < ch.callback_acceptance_probability;
  if (ch.has_patience && !t.callback)
    kernel_.schedule_in(ch.patience.sample(patience_), abandon_, ticket_payload(i, t.queue_token));
}

void ServiceFlow::on_abandon(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  Ticket& t = tickets_[i];
  if (t.state != TicketState::kQueued || t.station != 0 || t.queue_token != payload_token(payload)) return;  // answered
  signals_.emit(sig_.desk_queue_time, now, now - t.attempt_started);
  sig_.abandon.emit(signals_, t.priority, t.channel, now, 1.0);
  const ChannelConfig& ch = desk_->channels[t.channel];
  if (ch.redial_probability > 0 && redial_draw_.uniform() < ch.redial_probability) {
    stations_[0]->withdraw(i, TicketState::kAway, now);
    kernel_.schedule_in(ch.redial_delay.sample(redial_draw_), redial_, ticket_payload(i, t.serial));
  } else {
    // Lost for good: no ticket reaches the desk, so no SLA figure either.
    stations_[0]->withdraw(i, TicketState::kAbandoned, now);
    ++totals_.abandoned;
    --open_;
    signals_.emit(sig_.abandoned, now, 1.0);
    lifecycle_.enter(t, TicketState::kFree, now);
    tickets_.release(i);
  }
  emit_open(now);
}

void ServiceFlow::on_redial(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live(i, payload_token(payload)) || tickets_[i].state != TicketState::kAway) return;
  desk_arrive(i, now);
}

void ServiceFlow::on_service_start(std::uint16_t station, std::uint32_t i, sim::Time now) {
  if (station != 0) {
    // A resolver group starts on it: the supplier has responded.
    Ticket& t = tickets_[i];
    const std::size_t s = network_->groups[station - 1u].supplier;
    const auto bit = static_cast<std::uint8_t>(1u << s);
    if (!(t.responded_mask & bit)) {
      sla_stop(clock(i, s).response, calendar(network_->suppliers[s].sla[t.priority - 1u].calendar), now);
      t.responded_mask |= bit;
    }
    return;
  }
  Ticket& t = tickets_[i];
  if (desk_->channels[t.channel].has_patience && !t.callback) sig_.abandon.emit(signals_, t.priority, t.channel, now, 0.0);
  if (!t.answered) {
    t.answered = true;
    stop_desk_clock(t.response, t.priority, now);
    const bool met = !t.response.breached && t.response.consumed <= desk_->sla[t.priority - 1u].response_seconds;
    sig_.wait.emit(signals_, t.priority, t.channel, now, now - t.raised_at);
    if (desk_->sla_clocks) sig_.response_met.emit(signals_, t.priority, t.channel, now, met ? 1.0 : 0.0);
  }
}

void ServiceFlow::on_service_done(std::uint16_t station, std::uint32_t i, sim::Time now) {
  if (station == 0) desk_done(i, now);
  else group_done(static_cast<std::uint16_t>(station - 1u), i, now);
  emit_open(now);
}

void ServiceFlow::desk_done(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  signals_.emit(sig_.desk_sojourn, now, now - t.raised_at);
  if (t.cancel_requested) {
    cancel(i, now);
    return;
  }
  if (t.parent != 0) {  // a duplicate of a major incident: linked, not resolved or routed
    if (resolved_parents_.count(t.parent) != 0) {
      resolve(i, now, false);
    } else {
      lifecycle_.enter(t, TicketState::kLinked, now);
      linked_[t.parent].push_back(ticket_payload(i, t.serial));
    }
    return;
  }
  const double fcr = desk_->categories[t.category].fcr_probability;
  const bool first_contact = fcr >= 1.0 || (fcr > 0.0 && fcr_.uniform() < fcr);  // no draw when certain
  sig_.fcr.emit(signals_, t.priority, t.channel, now, first_contact ? 1.0 : 0.0);
  if (first_contact) resolve(i, now);
  else hand_off(i, now);
}

// --- After the desk ----------------------------------------------------------------------------

void ServiceFlow::hand_off(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  if (desk_->pending_user_probability > 0 && pending_.uniform() < desk_->pending_user_probability) {
    lifecycle_.enter(t, TicketState::kWaitingOnUser, now);
    t.waits.push_back(WaitSpell{TicketState::kWaitingOnUser, static_cast<float>(sim::to_hours(now)), 0.0f});
    stop_desk_clock(t.resolution, t.priority, now);
    kernel_.schedule_in(desk_->pending_user.sample(pending_), pending_end_, ticket_payload(i, t.serial));
  } else {
    send_on(i, now);
  }
}

void ServiceFlow::on_pending_end(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live(i, payload_token(payload)) || tickets_[i].state != TicketState::kWaitingOnUser || tickets_[i].in_network)
    return;
  Ticket& t = tickets_[i];
  if (!t.waits.empty()) t.waits.back().end_hours = static_cast<float>(sim::to_hours(now));
  start_desk_clock(t.resolution, i, desk_->sla[t.priority - 1u].resolution_seconds, resolution_check_, now);
  send_on(i, now);
  emit_open(now);
}

void ServiceFlow::send_on(std::uint32_t i, sim::Time now) {
  if (network_ != nullptr) {
    route_into_network(i, now);
    return;
  }
  Ticket& t = tickets_[i];
  lifecycle_.enter(t, TicketState::kElsewhere, now);
  kernel_.schedule_in(desk_->resolved_elsewhere.sample(elsewhere_delay_), elsewhere_done_, ticket_payload(i, t.serial));
}

void ServiceFlow::on_elsewhere_done(sim::Time now, std::uint64_t payload) {
  const std::uint32_t i = payload_index(payload);
  if (!live(i, payload_token(payload)) || tickets_[i].state != TicketState::kElsewhere) return;
  resolve(i, now);
  emit_open(now);
}

void ServiceFlow::resolve_linked(std::uint64_t parent) {
  const sim::Time now = kernel_.now();
  resolved_parents_.insert(parent);
  const auto it = linked_.find(parent);
  if (it == linked_.end()) return;
  for (std::uint64_t payload : it->second) {
    const std::uint32_t i = payload_index(payload);
    if (live(i, payload_token(payload)) && tickets_[i].state == TicketState::kLinked) resolve(i, now, false);
  }
  linked_.erase(it);
  emit_open(now);
}

}  // namespace desksim::models
