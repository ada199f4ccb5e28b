#pragma once
// Feeds storm incidents into the issue-2 desk: each becomes a Ticket for AgentPool::accept, so it
// waits for the same agents as normal demand. Emits "desk.raised" (the desk's intake, as
// PoissonDemand does) and "storm.raised" (value 1 each).
#include "models/desk/agent_pool.hpp"
#include "models/infra/incident_sink.hpp"
#include "sim/kernel/signal_bus.hpp"

namespace desksim::models {

class DeskIncidentSink final : public IncidentSink {
 public:
  DeskIncidentSink(AgentPool& desk, sim::SignalBus& signals)
      : desk_(desk), signals_(signals), desk_raised_(signals.signal("desk.raised")),
        storm_raised_(signals.signal("storm.raised")) {}

  void raise_incident(const StormIncident& incident) override {
    // Storm tickets are numbered apart from demand tickets (top bit set).
    desk_.accept(Ticket{(std::uint64_t{1} << 63) | incident.id, incident.raised_at, incident.work});
    signals_.emit(desk_raised_, incident.raised_at, 1.0);
    signals_.emit(storm_raised_, incident.raised_at, 1.0);
  }

 private:
  AgentPool& desk_;
  const sim::SignalBus& signals_;
  sim::SignalId desk_raised_, storm_raised_;
};

}  // namespace desksim::models
