#pragma once
// Incidents raised by the population: one non-homogeneous Poisson stream for the whole population
// (rate per hour of week = sum over segments of users x incidents per user per month x the
// segment's normalised profile weight, times the day factor), one kernel event per incident. At each
// arrival the raising user is picked: the segment in proportion to its rate in that hour, then a user
// uniformly within the segment; then the channel (segment's mix), the category, impact and urgency
// (-> priority through the matrix), and the level-1 work (the channel's handle time).
//
// Streams: "demand.arrivals", "demand.day_factor", "demand.who", "demand.channel", "demand.category",
// "demand.impact_urgency", "desk.handle_time.<channel>".
#include <array>
#include <cstdint>
#include <vector>

#include "models/demand/population.hpp"
#include "models/flow/service_flow.hpp"
#include "models/desk/service_desk_config.hpp"
#include "sim/arrivals/piecewise_poisson_arrivals.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {

class IncidentDemand final : public sim::EventHandler {
 public:
  IncidentDemand(sim::EventKernel& kernel, const ServiceDeskConfig& config, const Population& population,
                 ServiceFlow& desk, std::uint64_t seed, std::uint64_t replication);

  /// Schedules the first arrival; none is sought after `horizon`.
  void start(sim::Time horizon);
  /// From now on, demand as `config` says (a programme's dated change; same segments, categories and
  /// channels): the pending arrival is dropped and the next one sought afresh under the new rates.
  void reconfigure(const ServiceDeskConfig& config);
  void on_event(sim::Time now, std::uint64_t payload) override;
  /// The next event is an arrival: the flow loads the record the new ticket will take.
  void prefetch(std::uint64_t /*payload*/) const override { desk_.prefetch_raise(); }

  /// The generator's options (the rate per hour-of-week bin), e.g. for tests and reports.
  static sim::PiecewisePoissonOptions arrival_options(const ServiceDeskConfig& config);

 private:
  sim::EventKernel& kernel_;
  void build_segment_choice();

  const ServiceDeskConfig* config_;  ///< the configuration in force
  const Population& population_;
  ServiceFlow& desk_;
  sim::HandlerId arrival_;
  sim::EventQueue::LaneId arrival_lane_;  // one pending arrival at a time, in time order: no heap needed
  sim::PiecewisePoissonArrivals arrivals_;
  std::vector<std::vector<double>> segment_cumulative_by_hour_;  // [hour][segment]
  sim::RandomStream who_, channel_, category_, impact_urgency_;
  std::array<sim::RandomStream, kChannels> handle_time_;
  std::uint64_t generation_ = 0;  ///< payload of the pending arrival; a reconfiguration makes it stale
};

}  // namespace desksim::models
