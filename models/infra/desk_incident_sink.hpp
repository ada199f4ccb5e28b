#pragma once
// Feeds storm incidents into the desk of the simple scenario form: each becomes a ticket of the one
// category, waiting for the same agents as normal demand. Emits "storm.raised" (value 1 each).
#include "models/flow/service_flow.hpp"
#include "models/infra/incident_sink.hpp"
#include "sim/kernel/signal_bus.hpp"

namespace desksim::models {

class DeskIncidentSink final : public IncidentSink {
 public:
  DeskIncidentSink(ServiceFlow& desk, sim::SignalBus& signals)
      : desk_(desk),
        signals_(signals),
        storm_raised_(signals.declare("storm.raised", "1", "a storm incident reached the desk")) {}

  void raise_incident(const StormIncident& incident) override {
    desk_.raise(0, 0, 4, kPhone, incident.work);
    signals_.emit(storm_raised_, incident.raised_at, 1.0);
  }

 private:
  ServiceFlow& desk_;
  const sim::SignalBus& signals_;
  sim::SignalId storm_raised_;
};

}  // namespace desksim::models
