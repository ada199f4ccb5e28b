#pragma once
// Connects outage storms to the population-mode service desk: while a service is down, the users
// who depend on it (its segments at its sites) ring the desk. Each storm incident becomes a ticket
// of a user drawn uniformly among the dependent users, through the storm's channel, at its priority
// and category, linked to the outage's major incident; the desk answers it like any other contact
// (so the storm shows in waits, abandonment and SLA attainment) and resolves it when the service is
// restored. Random stream: "storm.<service>.user" (which dependent user rings). Emits "storm.raised"
// (value 1 per ticket that reached the desk), as the simple-form desk's sink does.
#include <cstdint>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/demand/population.hpp"
#include "models/flow/service_flow.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/infra/incident_sink.hpp"
#include "sim/kernel/signal_bus.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {

class ServiceDeskIncidentSink final : public IncidentSink {
 public:
  /// The scenario must have passed validation (names resolve).
  ServiceDeskIncidentSink(const scenario::Infrastructure& infrastructure, const ServiceDeskConfig& config,
                          const Population& population, ServiceFlow& desk, sim::SignalBus& signals,
                          std::uint64_t seed, std::uint64_t replication);

  /// Users who depend on each service, in scenario order (for InfrastructureOptions).
  std::vector<std::uint32_t> dependent_user_counts() const;

  void raise_incident(const StormIncident& incident) override;
  void major_incident_resolved(std::uint32_t service, std::uint64_t major_incident, sim::Time now) override;

 private:
  struct Route {
    std::vector<std::uint32_t> users;  // dependent users (population indices)
    std::uint8_t channel = 0;
    std::uint8_t priority = 3;
    std::uint16_t category = 0;
    sim::RandomStream pick;
  };
  /// A run-wide id for the major incident: the service in the high bits, its outage number below.
  static std::uint64_t parent_id(std::uint32_t service, std::uint64_t major_incident) {
    return (std::uint64_t{service + 1} << 40) | major_incident;
  }

  ServiceFlow& desk_;
  const sim::SignalBus& signals_;
  sim::SignalId raised_;
  std::vector<Route> routes_;
};

}  // namespace desksim::models
