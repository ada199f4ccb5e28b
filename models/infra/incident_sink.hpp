#pragma once
// Where the incidents of an outage storm go. The storm generator (incident_storm.hpp) raises them;
// the sink decides who handles them: DeskIncidentSink raises them at the simple-form desk, so they
// compete with normal demand for the same agents; ServiceDeskIncidentSink raises them from the users
// who depend on the service (`service` says which), linked to the major incident `major_incident`.
#include <cstdint>

#include "sim/kernel/time.hpp"

namespace desksim::models {

struct StormIncident {
  std::uint64_t id;              // unique among storm incidents of the run
  sim::Time raised_at;           // seconds
  sim::Time work;                // agent time to log and link it, seconds
  std::uint32_t service;         // index of the service that is down (scenario order)
  std::uint64_t major_incident;  // id of the P1 it is linked to (one per outage, 1-based)
};

class IncidentSink {
 public:
  virtual ~IncidentSink() = default;
  /// Called at the incident's raise time (kernel time == raised_at), from a ticket event.
  virtual void raise_incident(const StormIncident& incident) = 0;
  /// Called when the service is restored: the major incident `major_incident` of `service` is
  /// resolved, and its linked incidents are closed with it.
  virtual void major_incident_resolved(std::uint32_t service, std::uint64_t major_incident, sim::Time now) {
    (void)service, (void)major_incident, (void)now;
  }
};

}  // namespace desksim::models
