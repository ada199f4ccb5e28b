#include "bench/mmc_component.hpp"

#include <deque>

#include "sim/kernel/time.hpp"
#include "sim/random/distribution.hpp"
#include "sim/random/random_stream.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::bench {

namespace {

class MmcQueue {
 public:
  MmcQueue(sim::EventKernel& kernel, sim::SignalBus& bus, double lambda_per_hour, double mu_per_hour, unsigned servers,
           std::uint64_t customers, std::uint64_t seed)
      : kernel_(kernel),
        bus_(bus),
        wait_(bus.declare("mmc.wait", "s", "time from arrival to the start of service")),
        arrival_(kernel.add_handler(&on_arrival_, "mmc.arrival")),
        departure_(kernel.add_handler(&on_departure_, "mmc.departure")),
        gaps_(seed, 0, sim::stream_id_for("demand.arrivals")),
        work_(seed, 0, sim::stream_id_for("desk.handle_time")),
        mean_gap_(sim::kSecondsPerHour / lambda_per_hour),
        mean_work_(sim::kSecondsPerHour / mu_per_hour),
        servers_(servers),
        customers_(customers) {}

  void start() { kernel_.schedule_at(sim::sample_exponential(gaps_, mean_gap_), arrival_, 0); }
  std::uint64_t arrived() const { return arrived_; }

 private:
  struct Waiting {
    double arrived;
    double work;
  };
  // A handler is a small object with one job; the payload is unused (FIFO needs no ticket id).
  struct Arrival final : sim::EventHandler {
    MmcQueue* queue;
    explicit Arrival(MmcQueue* q) : queue(q) {}
    void on_event(sim::Time now, std::uint64_t) override { queue->arrive(now); }
  };
  struct Departure final : sim::EventHandler {
    MmcQueue* queue;
    explicit Departure(MmcQueue* q) : queue(q) {}
    void on_event(sim::Time now, std::uint64_t) override { queue->depart(now); }
  };

  void arrive(sim::Time now) {
    const Waiting w{now, sim::sample_exponential(work_, mean_work_)};
    if (++arrived_ < customers_) kernel_.schedule_at(now + sim::sample_exponential(gaps_, mean_gap_), arrival_, 0);
    if (busy_ < servers_) {
      ++busy_;
      serve(w, now);
    } else {
      queue_.push_back(w);
    }
  }
  void depart(sim::Time now) {
    if (queue_.empty()) {
      --busy_;
      return;
    }
    const Waiting w = queue_.front();
    queue_.pop_front();
    serve(w, now);
  }
  void serve(const Waiting& w, sim::Time now) {
    bus_.emit(wait_, now, now - w.arrived);
    kernel_.schedule_at(now + w.work, departure_, 0);
  }

  sim::EventKernel& kernel_;
  const sim::SignalBus& bus_;
  sim::SignalId wait_;
  Arrival on_arrival_{this};
  Departure on_departure_{this};
  sim::HandlerId arrival_, departure_;
  sim::RandomStream gaps_, work_;
  double mean_gap_, mean_work_;
  unsigned servers_, busy_ = 0;
  std::uint64_t customers_, arrived_ = 0;
  std::deque<Waiting> queue_;
};

}  // namespace

MmcComponentResult run_mmc_component(sim::EventKernel& kernel, sim::SignalBus& bus, double lambda_per_hour,
                                     double mu_per_hour, unsigned servers, std::uint64_t customers,
                                     std::uint64_t seed) {
  MmcQueue queue(kernel, bus, lambda_per_hour, mu_per_hour, servers, customers, seed);
  // The plain loop keeps only the mean wait: so does this tally (no quantiles).
  sim::StatisticSpec wait{"mmc.wait", sim::StatisticSpec::Kind::kTally, "mmc.wait", 1.0, {}};
  wait.quantiles = false;
  sim::StatisticsRecorder recorder(bus, {wait});
  queue.start();
  kernel.run();
  const sim::Tally& tally = *recorder.recorded().front().tally;
  MmcComponentResult r;
  r.customers = queue.arrived();
  r.events = kernel.events_processed();
  r.served = tally.count();
  r.wait_sum_seconds = tally.sum();
  r.mean_wait_hours = tally.mean() / sim::kSecondsPerHour;
  return r;
}

}  // namespace desksim::bench
