#pragma once
// The infrastructure tower of one replication: the SimGrid platform built from the scenario, the
// components' failure and repair processes, planned maintenance, failed changes, the services'
// availability accounts, and the incident storms their outages cause.
//
// Design (why actors and turn_off/turn_on rather than Host::set_state_profile):
//   A state profile is a list of (delay, value) fixed in advance by its callback. A repair here
//   cannot be dated in advance: it starts when a crew of the component's pool is free, and crews are
//   shared. So each component is one S4U actor that sleeps (kernel.sleep_until) until its next
//   failure, turns its host or link off, acquires a crew (an s4u::Semaphore of the pool's crew count:
//   FIFO, so failed components are repaired in failure order), sleeps the repair work, releases the
//   crew and turns the resource on. Each planned-maintenance window is one more actor. Cost: O(1)
//   SimGrid advances per failure, so long horizons (10^6-10^7 hours) are cheap.
//   The services learn about changes through SimGrid's own Host/Link::on_state_change signals
//   (sim::ResourceStates), and also directly when a component's failed/maintenance flags change
//   without its resource changing (e.g. failing while in maintenance), so that "down" and "planned
//   down" are told apart.
//
// Random streams (one per component and purpose; names are part of the reproducibility contract):
//   "infra.<component>.time_to_failure", "infra.<component>.time_to_repair",
//   "infra.<component>.failed_changes", "infra.<component>.change_recovery",
//   and per service "storm.<service>.arrivals", "storm.<service>.handle_time".
//
// Emits: "component.<c>.up" (level 0/1), "component.<c>.failure", "component.<c>.change_failure",
// "component.<c>.maintenance" (1 each), "component.<c>.repair_wait" (seconds), "service.<s>.up"
// (level 0/1, unplanned down = 0), "service.<s>.outage" (1 at start), "service.<s>.outage_duration"
// (seconds, at end), plus the storms' signals (incident_storm.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/infra/availability_ledger.hpp"
#include "models/infra/dependency_rule.hpp"
#include "models/infra/incident_sink.hpp"
#include "models/infra/repair_crew_provider.hpp"
#include "models/infra/incident_storm.hpp"
#include "models/scenario/calendar_date.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"
#include "sim/platform/resource_states.hpp"
#include "sim/random/distribution.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

struct InfrastructureOptions {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  /// End of the run (seconds, finite): processes do not schedule beyond it.
  sim::Time horizon = 0.0;
  /// End of the warm-up (seconds): availability is measured from here.
  sim::Time measure_from = 0.0;
  /// Where storm incidents go (may be null: counted, handled by nobody).
  IncidentSink* sink = nullptr;
  /// Users who depend on each service (scenario order), when the population decides it (population
  /// mode); empty = each service's `dependent_users`.
  std::vector<std::uint32_t> dependent_users;
  /// Engineers of resolver groups, for crew pools that name a `resolver_group` (may be null otherwise).
  RepairCrewProvider* crew_provider = nullptr;
  /// Agent time of a storm incident when the service's storm does not give one (seconds).
  sim::Distribution default_storm_work = sim::Distribution::exponential(420.0);
  /// Date of simulated time 0 (days since 1970-01-01): monthly availability and credits follow its
  /// calendar months. The replication set-up passes run.start_date; unset, the schema's default.
  std::int64_t start_day = kDefaultStartDay;
};

class InfrastructureModel {
 public:
  /// Builds the platform (zones, hosts, links) under the runtime's root zone: construct before the
  /// kernel first runs. The scenario section must have passed validation. Throws
  /// std::invalid_argument on an inconsistency validation should have caught.
  InfrastructureModel(const scenario::Infrastructure& infrastructure, sim::EventKernel& kernel,
                      sim::SignalBus& signals, InfrastructureOptions options);
  ~InfrastructureModel();

  /// Which statistics to record from this model's signals (names as in the results).
  static std::vector<sim::StatisticSpec> statistics(const scenario::Infrastructure& infrastructure);

  /// Starts the component and maintenance actors (at now()).
  void start();
  /// A programme's dated change of the components' reliability: each component (same names and
  /// order) draws its next up time, repair and change recovery from `infrastructure`'s laws; a period
  /// already drawn runs its course.
  void reconfigure(const scenario::Infrastructure& infrastructure);
  /// Closes the accounts at `end` and writes the infrastructure section, scalars and the
  /// structured copies of the recorded tallies/counters into `out` (call after the recorder's
  /// statistics were added to `out`).
  void finish(sim::Time end, results::ReplicationResult* out);

  std::size_t components() const;
  std::size_t services() const;
  const AvailabilityLedger& ledger(std::size_t service) const;

 private:
  struct Component;
  struct Service;
  struct CrewPool;

  static void set_reliability(Component& component, const scenario::Infrastructure::Component& spec);
  void component_process(Component& c);
  void acquire_crew(Component& c);
  void release_crew(Component& c);
  void maintenance_process(std::size_t window);
  void apply_state(Component& c);
  void resource_changed(std::size_t component);

  const scenario::Infrastructure& spec_;
  sim::EventKernel& kernel_;
  sim::SignalBus& signals_;
  InfrastructureOptions options_;
  std::vector<std::unique_ptr<CrewPool>> pools_;
  std::vector<std::unique_ptr<Component>> components_;
  std::vector<std::unique_ptr<Service>> services_;
  std::vector<std::vector<std::uint32_t>> services_of_component_;
  std::vector<bool> up_;          // resource on (SimGrid state)
  std::vector<bool> not_failed_;  // up or only in maintenance
  std::unique_ptr<sim::ResourceStates> states_;
  std::uint64_t next_incident_id_ = 0;
  bool finished_ = false;
};

}  // namespace desksim::models
