#pragma once
// Poisson ticket arrivals at a constant rate, raising each ticket at the desk (the simple scenario
// form: one category, one channel, priority 4).
//
// Two random streams, one per stochastic source: "demand.arrivals" (inter-arrival gaps) and
// "desk.handle_time" (each ticket's work, drawn when it is raised).
#include <cstdint>
#include <functional>
#include <limits>

#include "models/flow/service_flow.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"
#include "sim/random/distribution.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {

struct PoissonDemandOptions {
  /// Arrival rate, tickets per second (> 0).
  double rate_per_second = 0.0;
  /// Agent time one ticket needs, seconds.
  sim::Distribution work = sim::Distribution::exponential(1.0);
  /// Stop raising tickets after this many (0 = no limit).
  std::uint64_t max_tickets = 0;
  /// Called once, when ticket number `warmup_tickets` (0-based) is raised: the end of a count-based
  /// warm-up. 0 = no count-based warm-up.
  std::uint64_t warmup_tickets = 0;
  std::function<void(sim::Time)> on_warmup_end;
};

class PoissonDemand final : public sim::EventHandler {
 public:
  PoissonDemand(sim::EventKernel& kernel, ServiceFlow& desk, PoissonDemandOptions options,
                std::uint64_t seed, std::uint64_t replication);

  /// Schedules the first arrival.
  void start();
  void on_event(sim::Time now, std::uint64_t payload) override;
  std::uint64_t raised() const { return raised_; }

 private:
  sim::EventKernel& kernel_;
  ServiceFlow& desk_;
  PoissonDemandOptions options_;
  sim::HandlerId arrival_;
  sim::RandomStream gaps_;
  sim::RandomStream work_;
  double mean_gap_;
  std::uint64_t raised_ = 0;
};

}  // namespace desksim::models
