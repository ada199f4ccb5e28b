#include "models/desk/poisson_demand.hpp"

namespace desksim::models {

PoissonDemand::PoissonDemand(sim::EventKernel& kernel, ServiceFlow& desk, PoissonDemandOptions options,
                             std::uint64_t seed, std::uint64_t replication)
    : kernel_(kernel),
      desk_(desk),
      options_(std::move(options)),
      arrival_(kernel.add_handler(this, "demand.arrival")),
      gaps_(seed, replication, sim::stream_id_for("demand.arrivals")),
      work_(seed, replication, sim::stream_id_for("desk.handle_time")),
      mean_gap_(1.0 / options_.rate_per_second) {}

void PoissonDemand::start() { kernel_.schedule_in(sim::sample_exponential(gaps_, mean_gap_), arrival_, 0); }

void PoissonDemand::on_event(sim::Time now, std::uint64_t) {
  if (options_.warmup_tickets > 0 && raised_ == options_.warmup_tickets && options_.on_warmup_end)
    options_.on_warmup_end(now);
  const sim::Time work = options_.work.sample(work_);
  ++raised_;
  desk_.raise(0, 0, 4, kPhone, work);
  const bool more = options_.max_tickets == 0 || raised_ < options_.warmup_tickets + options_.max_tickets;
  if (more) kernel_.schedule_in(sim::sample_exponential(gaps_, mean_gap_), arrival_, 0);
}

}  // namespace desksim::models
