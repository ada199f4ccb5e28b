#include "models/station/station.hpp"

#include "models/station/tickets_in_hand_pool.hpp"

namespace desksim::models {

Station::Station(sim::EventKernel& kernel, const sim::SignalBus& signals, TicketStore& tickets, Lifecycle& lifecycle,
                 StationListener& listener, std::uint16_t index, const std::string& name,
                 std::unique_ptr<Discipline> discipline, StationSignals ids, std::uint32_t initial_servers,
                 std::uint32_t tickets_per_server)
    : kernel_(kernel),
      signals_(signals),
      tickets_(tickets),
      lifecycle_(lifecycle),
      listener_(listener),
      index_(index),
      completion_(kernel.add_handler(this, name + ".completion")),
      discipline_(std::move(discipline)),
      ids_(ids) {
  if (tickets_per_server > 1) servers_ = std::make_unique<TicketsInHandPool>(tickets_per_server);
  else servers_ = std::make_unique<OneTicketServers>(initial_servers);
  slot_ticket_.assign(servers_->places(), 0);
}

// Only the levels that changed: a level re-emitted unchanged costs a time-average update for nothing.
void Station::emit_levels(sim::Time now) {
  if (waiting_ != emitted_waiting_) {
    emitted_waiting_ = waiting_;
    signals_.emit(ids_.queue_length, now, static_cast<double>(waiting_));
  }
  const double busy = servers_->busy();
  if (busy != emitted_busy_) {
    emitted_busy_ = busy;
    signals_.emit(ids_.busy, now, busy);
  }
  const double on_duty = servers_->on_duty();
  if (on_duty != emitted_on_duty_) {
    emitted_on_duty_ = on_duty;
    signals_.emit(ids_.on_duty, now, on_duty);
  }
}

bool Station::arrive(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  t.station = index_;
  lifecycle_.enter(t, TicketState::kQueued, now);
  t.queue_token = next_token_++;
  const bool at_once = servers_->can_take() && repairs_waiting_.empty();  // a free server means the queue is empty
  if (at_once) {
    start_service(i, now);
  } else {
    discipline_->push(t, QueueEntry{i, t.queue_token});
    ++waiting_;
  }
  emit_levels(now);
  return at_once;
}

void Station::withdraw(std::uint32_t i, TicketState to, sim::Time now) {
  Ticket& t = tickets_[i];
  lifecycle_.enter(t, to, now);
  t.queue_token = 0;  // its entry is stale from now on
  --waiting_;
  emit_levels(now);
}

void Station::rerank(std::uint32_t i) {
  Ticket& t = tickets_[i];
  t.queue_token = next_token_++;  // the old entry is stale; waiting count unchanged
  discipline_->push(t, QueueEntry{i, t.queue_token});
}

void Station::start_service(std::uint32_t i, sim::Time now) {
  Ticket& t = tickets_[i];
  const std::uint32_t slot = servers_->take();
  if (slot >= slot_ticket_.size()) slot_ticket_.resize(servers_->places(), 0);
  slot_ticket_[slot] = i;
  signals_.emit(ids_.queue_time, now, now - t.state_since);
  lifecycle_.enter(t, TicketState::kInService, now);
  t.queue_token = 0;
  t.slot = slot;
  kernel_.schedule_at(now + t.work, completion_, slot);
  listener_.on_service_start(index_, i, now);
}

void Station::dispatch(sim::Time now) {
  while (!repairs_waiting_.empty() && servers_->can_repair()) {
    repairing_.push_back(servers_->start_repair());
    const auto on_start = std::move(repairs_waiting_.front());
    repairs_waiting_.pop_front();
    on_start();
  }
  QueueEntry e;
  while (servers_->can_take() && waiting_ > 0 && discipline_->pop(&e)) {
    const Ticket& t = tickets_[e.ticket];
    if (t.state != TicketState::kQueued || t.station != index_ || t.queue_token != e.token) continue;  // stale
    --waiting_;
    start_service(e.ticket, now);
  }
}

void Station::on_event(sim::Time now, std::uint64_t payload) {
  const auto slot = static_cast<std::uint32_t>(payload);
  const std::uint32_t i = slot_ticket_[slot];
  servers_->release(slot);
  listener_.on_service_done(index_, i, now);
  dispatch(now);
  emit_levels(now);
}

void Station::set_servers(std::uint32_t servers, sim::Time now) {
  if (servers != rostered_ || !rostered_emitted_) signals_.emit(ids_.rostered, now, static_cast<double>(servers));
  rostered_emitted_ = true;
  rostered_ = servers;
  servers_->set_on_duty(servers);
  dispatch(now);
  emit_levels(now);
}

void Station::request_repair(std::function<void()> on_start, sim::Time now) {
  repairs_waiting_.push_back(std::move(on_start));
  dispatch(now);
  emit_levels(now);
}

void Station::release_repair(sim::Time now) {
  servers_->end_repair(repairing_.back());
  repairing_.pop_back();
  dispatch(now);
  emit_levels(now);
}

}  // namespace desksim::models
