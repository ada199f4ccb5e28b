#include "bench/plain_loop.hpp"

#include <deque>
#include <queue>
#include <vector>

#include "sim/kernel/time.hpp"
#include "sim/random/distribution.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::bench {

PlainLoopResult plain_mmc_loop(double lambda_per_hour, double mu_per_hour, unsigned servers, std::uint64_t customers,
                               std::uint64_t seed) {
  struct Event {
    double time;
    std::uint64_t sequence;
    bool arrival;
    bool operator>(const Event& o) const { return time > o.time || (time == o.time && sequence > o.sequence); }
  };
  struct Waiting {
    double raised;
    double work;
  };
  sim::RandomStream gaps(seed, 0, sim::stream_id_for("demand.arrivals"));
  sim::RandomStream work(seed, 0, sim::stream_id_for("desk.handle_time"));
  const double mean_gap = sim::kSecondsPerHour / lambda_per_hour, mean_work = sim::kSecondsPerHour / mu_per_hour;
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> heap;
  std::deque<Waiting> queue;
  std::uint64_t sequence = 0, raised = 0, events = 0;
  unsigned busy = 0;
  double wait_sum = 0;
  std::uint64_t served = 0;
  heap.push(Event{sim::sample_exponential(gaps, mean_gap), sequence++, true});
  while (!heap.empty()) {
    const Event e = heap.top();
    heap.pop();
    ++events;
    if (e.arrival) {
      const Waiting w{e.time, sim::sample_exponential(work, mean_work)};
      if (++raised < customers) heap.push(Event{e.time + sim::sample_exponential(gaps, mean_gap), sequence++, true});
      if (busy < servers) {
        ++busy;
        ++served;
        heap.push(Event{e.time + w.work, sequence++, false});
      } else {
        queue.push_back(w);
      }
    } else if (!queue.empty()) {
      const Waiting w = queue.front();
      queue.pop_front();
      wait_sum += e.time - w.raised;
      ++served;
      heap.push(Event{e.time + w.work, sequence++, false});
    } else {
      --busy;
    }
  }
  return PlainLoopResult{raised, events, wait_sum / static_cast<double>(served) / sim::kSecondsPerHour};
}

}  // namespace desksim::bench
