#include "models/desk/poisson_demand.hpp"

namespace desksim::models {

PoissonDemand::PoissonDemand(sim::EventKernel& kernel, sim::SignalBus& signals, AgentPool& desk,
                             PoissonDemandOptions options, std::uint64_t seed, std::uint64_t replication)
    : kernel_(kernel),
      signals_(signals),
      desk_(desk),
      options_(std::move(options)),
      arrival_(kernel.add_handler(this, "demand.arrival")),
      raised_signal_(signals.signal("desk.raised")),
      gaps_(seed, replication, sim::stream_id_for("demand.arrivals")),
      work_(seed, replication, sim::stream_id_for("desk.handle_time")),
      mean_gap_(1.0 / options_.rate_per_second) {}

void PoissonDemand::start() { kernel_.schedule_in(sim::sample_exponential(gaps_, mean_gap_), arrival_, 0); }

void PoissonDemand::on_event(sim::Time now, std::uint64_t) {
  if (options_.warmup_tickets > 0 && raised_ == options_.warmup_tickets && options_.on_warmup_end)
    options_.on_warmup_end(now);
  const Ticket ticket{raised_, now, options_.work.sample(work_)};
  ++raised_;
  signals_.emit(raised_signal_, now, 1.0);
  desk_.accept(ticket);
  const bool more = options_.max_tickets == 0 || raised_ < options_.warmup_tickets + options_.max_tickets;
  if (more) kernel_.schedule_in(sim::sample_exponential(gaps_, mean_gap_), arrival_, 0);
}

}  // namespace desksim::models
