// desksim_bench: prints how fast the engine runs, next to a plain event loop on the same model.
//
//   build/bench/desksim_bench [--customers N] [--repeats R] [--baseline SCENARIO]
//
// For each size it runs M/M/10 at rho = 0.9 (the shipped validation scenario's model) through the
// full desksim path (SimGrid runtime, event kernel, signals, statistics recorder; in a child process,
// timed inside the child so that fork and result transfer are excluded), and the plain
// std::priority_queue loop in bench/plain_loop.cpp; it prints customers per second for both, their
// ratio (plain / desksim), and nanoseconds per event. A middle column runs the same model on the same
// kernel with no statistics recorded, to separate the kernel's cost from the recorders'. The best of R repeats is reported (least disturbed by other load).
// Then it shows how a population-mode run's cost grows with users and horizon
// (bench/population_scaling.hpp).
#include <chrono>
#include <limits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "bench/plain_loop.hpp"
#include "bench/population_scaling.hpp"
#include "desksim/scenario.pb.h"
#include "models/desk/service_desk_config.hpp"
#include "models/flow/service_flow.hpp"
#include "models/desk/poisson_demand.hpp"
#include "models/run/desk_replication.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/simgrid_runtime.hpp"
#include "sim/replication/replication_runner.hpp"

namespace {

using Clock = std::chrono::steady_clock;

desksim::scenario::Scenario mm10(std::uint64_t customers) {
  desksim::scenario::Scenario s;
  s.set_name("bench-mm10");
  s.mutable_run()->set_max_tickets(customers);
  s.mutable_demand()->set_arrivals_per_hour(9);
  s.mutable_desk()->set_agents(10);
  s.mutable_desk()->mutable_handle_time_minutes()->mutable_exponential()->set_mean(60);
  return s;
}

struct Timing {
  double seconds;
  std::uint64_t events;
};

/// Runs `body` in a child process (a SimGrid engine of its own) and returns the seconds and event
/// count it measured there, so that fork and result transfer are not timed.
Timing time_in_child(const std::function<Timing()>& body) {
  desksim::sim::ReplicationRunnerOptions options;
  std::string error;
  const auto out = desksim::sim::run_replications(
      options,
      [&](unsigned) {
        const Timing t = body();
        return std::to_string(t.seconds) + " " + std::to_string(t.events);
      },
      &error);
  if (out.empty()) {
    std::fprintf(stderr, "desksim_bench: %s\n", error.c_str());
    std::exit(1);
  }
  Timing t{};
  std::sscanf(out[0].c_str(), "%lf %lu", &t.seconds, &t.events);
  return t;
}

/// The whole engine, as `desksim run` uses it.
Timing time_desksim(std::uint64_t customers) {
  const auto scenario = mm10(customers);
  return time_in_child([&] {
    const auto start = Clock::now();
    const auto result = desksim::models::run_replication(scenario, 1, 0);
    return Timing{std::chrono::duration<double>(Clock::now() - start).count(), result.events()};
  });
}

/// The same model on the same kernel with nothing subscribed to its signals: what the kernel and
/// the model cost without the statistics (the plain loop records only a mean wait).
Timing time_kernel_only(std::uint64_t customers) {
  return time_in_child([customers] {
    const auto start = Clock::now();
    desksim::sim::SimGridRuntime runtime;
    desksim::sim::EventKernel kernel(runtime);
    desksim::sim::SignalBus signals;
    desksim::scenario::Scenario simple;
    simple.mutable_desk()->set_agents(10);
    const auto config = desksim::models::make_simple_desk_config(simple);
    desksim::models::ServiceFlow desk(kernel, signals, config, nullptr, 1, 0);
    desksim::models::PoissonDemandOptions demand_options;
    demand_options.rate_per_second = 9.0 / 3600.0;
    demand_options.work = desksim::sim::Distribution::exponential(3600.0);
    demand_options.max_tickets = customers;
    desksim::models::PoissonDemand demand(kernel, desk, demand_options, 1, 0);
    desk.start(std::numeric_limits<double>::infinity());
    demand.start();
    kernel.run();
    return Timing{std::chrono::duration<double>(Clock::now() - start).count(), kernel.events_processed()};
  });
}

Timing time_plain(std::uint64_t customers) {
  const auto start = Clock::now();
  const auto r = desksim::bench::plain_mmc_loop(9, 1, 10, customers, 1);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (r.mean_wait_hours <= 0) std::fprintf(stderr, "unexpected mean wait\n");  // keeps the loop observable
  return Timing{seconds, r.events};
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::uint64_t> sizes = {100000, 1000000, 4000000};
  int repeats = 3;
  std::string baseline = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/met/run-and-maintain.textproto";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--customers") == 0) sizes = {std::strtoull(argv[i + 1], nullptr, 10)};
    if (std::strcmp(argv[i], "--repeats") == 0) repeats = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--baseline") == 0) baseline = argv[i + 1];
  }
  std::printf("M/M/10, rho = 0.9; best of %d; customers per second (millions) and ns per event\n", repeats);
  std::printf("%10s %12s %10s %12s %10s %12s %10s %8s\n", "customers", "desksim M/s", "ns/event", "no-stats M/s",
              "ns/event", "plain M/s", "ns/event", "ratio");
  for (std::uint64_t n : sizes) {
    Timing best_d{1e300, 0}, best_k{1e300, 0}, best_p{1e300, 0};
    for (int r = 0; r < repeats; ++r) {
      const Timing d = time_desksim(n), k = time_kernel_only(n), p = time_plain(n);
      if (d.seconds < best_d.seconds) best_d = d;
      if (k.seconds < best_k.seconds) best_k = k;
      if (p.seconds < best_p.seconds) best_p = p;
    }
    const double d_rate = static_cast<double>(n) / best_d.seconds / 1e6;
    const double k_rate = static_cast<double>(n) / best_k.seconds / 1e6;
    const double p_rate = static_cast<double>(n) / best_p.seconds / 1e6;
    std::printf("%10lu %12.2f %10.1f %12.2f %10.1f %12.2f %10.1f %8.2f\n", static_cast<unsigned long>(n), d_rate,
                best_d.seconds / static_cast<double>(best_d.events) * 1e9, k_rate,
                best_k.seconds / static_cast<double>(best_k.events) * 1e9, p_rate,
                best_p.seconds / static_cast<double>(best_p.events) * 1e9, p_rate / d_rate);
  }
  desksim::bench::population_scaling(baseline);
  return 0;
}
