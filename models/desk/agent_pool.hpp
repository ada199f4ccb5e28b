#pragma once
// A pool of identical service-desk agents serving one FIFO queue (the M/M/c or M/G/c station).
//
// Emits (never records): "desk.wait" (seconds from raised to answered, once per answered ticket),
// "desk.sojourn" (seconds from raised to resolved), "desk.queue_length" and "desk.busy_agents" (new
// level whenever it changes; the number in the system is their sum), "desk.resolved" (value 1 per
// resolved ticket).
#include <cstdint>
#include <deque>
#include <vector>

#include "models/desk/ticket.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"

namespace desksim::models {

class AgentPool final : public sim::EventHandler {
 public:
  AgentPool(sim::EventKernel& kernel, sim::SignalBus& signals, unsigned agents);

  /// A ticket arrives at the desk now: answered at once if an agent is free, else queued.
  void accept(const Ticket& ticket);

  /// Completion of the ticket in service slot `payload`.
  void on_event(sim::Time now, std::uint64_t payload) override;

  unsigned agents() const { return agents_; }
  unsigned busy() const { return agents_ - static_cast<unsigned>(free_slots_.size()); }
  std::size_t queue_length() const { return queue_.size(); }
  std::size_t in_system() const { return queue_.size() + busy(); }

 private:
  void start_service(sim::Time now, const Ticket& ticket);

  sim::EventKernel& kernel_;
  const sim::SignalBus& signals_;
  sim::HandlerId completion_;
  unsigned agents_;
  std::deque<Ticket> queue_;
  std::vector<Ticket> in_service_;       // by slot (one slot per agent)
  std::vector<std::uint32_t> free_slots_;
  sim::SignalId wait_, sojourn_, queue_length_, busy_agents_, resolved_;
};

}  // namespace desksim::models
