#include "models/desk/agent_pool.hpp"

namespace desksim::models {

AgentPool::AgentPool(sim::EventKernel& kernel, sim::SignalBus& signals, unsigned agents)
    : kernel_(kernel),
      signals_(signals),
      completion_(kernel.add_handler(this, "desk.completion")),
      agents_(agents),
      in_service_(agents),
      wait_(signals.signal("desk.wait")),
      sojourn_(signals.signal("desk.sojourn")),
      queue_length_(signals.signal("desk.queue_length")),
      busy_agents_(signals.signal("desk.busy_agents")),
      resolved_(signals.signal("desk.resolved")) {
  // Highest slot first so that pop_back hands out slot 0 first: slot order is then deterministic.
  for (unsigned i = agents; i-- > 0;) free_slots_.push_back(i);
}

void AgentPool::accept(const Ticket& ticket) {
  const sim::Time now = kernel_.now();
  if (!free_slots_.empty()) {
    start_service(now, ticket);
    signals_.emit(busy_agents_, now, static_cast<double>(busy()));
  } else {
    queue_.push_back(ticket);
    signals_.emit(queue_length_, now, static_cast<double>(queue_.size()));
  }
}

void AgentPool::start_service(sim::Time now, const Ticket& ticket) {
  const std::uint32_t slot = free_slots_.back();
  free_slots_.pop_back();
  in_service_[slot] = ticket;
  signals_.emit(wait_, now, now - ticket.raised_at);
  kernel_.schedule_at(now + ticket.work, completion_, slot);
}

void AgentPool::on_event(sim::Time now, std::uint64_t payload) {
  const auto slot = static_cast<std::uint32_t>(payload);
  signals_.emit(sojourn_, now, now - in_service_[slot].raised_at);
  signals_.emit(resolved_, now, 1.0);
  free_slots_.push_back(slot);
  if (!queue_.empty()) {  // the agent takes the next ticket at once: busy count unchanged
    const Ticket next = queue_.front();
    queue_.pop_front();
    start_service(now, next);
    signals_.emit(queue_length_, now, static_cast<double>(queue_.size()));
  } else {
    signals_.emit(busy_agents_, now, static_cast<double>(busy()));
  }
}

}  // namespace desksim::models
