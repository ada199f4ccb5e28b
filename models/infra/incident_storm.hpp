#pragma once
// The incidents users raise while one service is down, linked to that outage's major incident.
//
// On outage start a major incident (P1) is opened; incidents then arrive as a non-homogeneous
// Poisson process of rate StormIntensity::rate(t - start), sampled exactly by thinning
// (Lewis & Shedler 1979) from the service's own stream "storm.<service>.arrivals": candidates come
// at a constant bound B and each is kept with probability rate/B. Before the peak B = peak; from a
// candidate at or after the peak on, B = rate(candidate), a valid bound for all later times because
// the rate is non-increasing there; so a long outage costs few rejected candidates. Each kept
// incident gets its agent work from "storm.<service>.handle_time" and goes to the IncidentSink.
// At restoration the storm stops and every linked incident is closed with its parent: emitted as
// "storm.<service>.closed_with_parent" with the time from raise to closure (seconds).
// Pending candidates are invalidated lazily by an outage generation number in the payload.
//
// Emits: "service.<name>.major_incident" (1 per outage), "storm.<name>.raised" (1 per incident),
// "storm.<name>.closed_with_parent" (seconds, per incident, at restoration).
#include <cstdint>
#include <string>
#include <vector>

#include "models/infra/incident_sink.hpp"
#include "models/infra/storm_intensity.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"
#include "sim/random/distribution.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {

struct IncidentStormOptions {
  std::string service_name;
  std::uint32_t service_index = 0;
  /// Rate law (per second, seconds); peak 0 = no incidents (major incidents are still opened).
  StormIntensity intensity{0.0, 1.0, 1.0};
  /// Agent time per incident, seconds.
  sim::Distribution work = sim::Distribution::exponential(420.0);
};

class IncidentStorm final : public sim::EventHandler {
 public:
  /// `sink` may be null (incidents are then counted but handled by nobody). `next_incident_id` is
  /// shared by all storms of a run so that ids are unique.
  IncidentStorm(sim::EventKernel& kernel, sim::SignalBus& signals, IncidentSink* sink, IncidentStormOptions options,
                std::uint64_t seed, std::uint64_t replication, std::uint64_t* next_incident_id);

  void outage_started(sim::Time now);
  void outage_ended(sim::Time now);
  void on_event(sim::Time now, std::uint64_t payload) override;

  std::uint64_t major_incidents() const { return major_incidents_; }
  /// Incidents raised in the current (or last) outage.
  std::uint64_t raised_in_outage() const { return raised_times_.size(); }
  std::uint64_t raised_total() const { return raised_total_; }
  std::uint64_t candidates() const { return candidates_; }

 private:
  void schedule_next(sim::Time from);

  sim::EventKernel& kernel_;
  const sim::SignalBus& signals_;
  IncidentSink* sink_;
  IncidentStormOptions options_;
  sim::HandlerId candidate_;
  sim::SignalId major_signal_, raised_signal_, closed_signal_;
  sim::RandomStream arrivals_;
  sim::RandomStream work_;
  std::uint64_t* next_incident_id_;
  std::uint64_t generation_ = 0;  // odd while an outage is on
  sim::Time outage_start_ = 0.0;
  double bound_ = 0.0;
  std::uint64_t major_incidents_ = 0;
  std::uint64_t raised_total_ = 0;
  std::uint64_t candidates_ = 0;
  std::vector<sim::Time> raised_times_;  // of the current outage's incidents, for closure
};

}  // namespace desksim::models
