// The M/M/10 benchmark of the kernel: the shipped validation model (rho = 0.9) through the whole
// engine in process, through the engine with no statistics recorded, as a component written on the
// kernel (bench/mmc_component.hpp: what the kernel costs without the service-desk model), and as a
// plain std::priority_queue loop (bench/plain_loop.hpp); then the same model as a whole
// `desksim run` process against the plain loop in a process of its own.
#include "bench/kernel_bench.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <string>

#include <google/protobuf/text_format.h>

#include "bench/json_lines.hpp"
#include "bench/mmc_component.hpp"
#include "bench/plain_loop.hpp"
#include "bench/process_timing.hpp"
#include "desksim/scenario.pb.h"
#include "models/desk/poisson_demand.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/flow/service_flow.hpp"
#include "models/run/desk_replication.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/simgrid_runtime.hpp"

namespace desksim::bench {

namespace {

using Clock = std::chrono::steady_clock;

scenario::Scenario mm10(std::uint64_t customers) {
  scenario::Scenario s;
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
  const std::string out = run_in_child([&] {
    const Timing t = body();
    return std::to_string(t.seconds) + " " + std::to_string(t.events);
  });
  Timing t{};
  std::sscanf(out.c_str(), "%lf %lu", &t.seconds, &t.events);
  return t;
}

/// The whole engine, as `desksim run` uses it.
Timing time_desksim(std::uint64_t customers) {
  const auto scenario = mm10(customers);
  return time_in_child([&] {
    const auto start = Clock::now();
    const auto result = models::run_replication(scenario, 1, 0);
    return Timing{std::chrono::duration<double>(Clock::now() - start).count(), result.events()};
  });
}

/// Times, in a child process, a fresh SimGrid engine and kernel running `body(kernel, signals)`,
/// which returns the events it processed.
Timing time_on_fresh_kernel(const std::function<std::uint64_t(sim::EventKernel&, sim::SignalBus&)>& body) {
  return time_in_child([&body] {
    const auto start = Clock::now();
    sim::SimGridRuntime runtime;
    sim::EventKernel kernel(runtime);
    sim::SignalBus signals;
    const std::uint64_t events = body(kernel, signals);
    return Timing{std::chrono::duration<double>(Clock::now() - start).count(), events};
  });
}

/// The same model on the same kernel with nothing subscribed to its signals: what the kernel and
/// the model cost without the statistics (the plain loop records only a mean wait).
Timing time_kernel_only(std::uint64_t customers) {
  return time_on_fresh_kernel([customers](sim::EventKernel& kernel, sim::SignalBus& signals) {
    scenario::Scenario simple;
    simple.mutable_desk()->set_agents(10);
    const auto config = models::make_simple_desk_config(simple);
    models::ServiceFlow desk(kernel, signals, config, nullptr, 1, 0);
    models::PoissonDemandOptions demand_options;
    demand_options.rate_per_second = 9.0 / 3600.0;
    demand_options.work = sim::Distribution::exponential(3600.0);
    demand_options.max_tickets = customers;
    models::PoissonDemand demand(kernel, desk, demand_options, 1, 0);
    desk.start(std::numeric_limits<double>::infinity());
    demand.start();
    kernel.run();
    return kernel.events_processed();
  });
}

/// The same arrivals and work through a component on the kernel: event queue, handlers, signal bus
/// and statistics recorder, without the service-desk model.
Timing time_kernel_component(std::uint64_t customers) {
  return time_on_fresh_kernel([customers](sim::EventKernel& kernel, sim::SignalBus& signals) {
    return run_mmc_component(kernel, signals, 9, 1, 10, customers, 1).events;
  });
}

Timing time_plain(std::uint64_t customers) {
  const auto start = Clock::now();
  const auto r = plain_mmc_loop(9, 1, 10, customers, 1);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (r.mean_wait_hours <= 0) std::fprintf(stderr, "unexpected mean wait\n");  // keeps the loop observable
  return Timing{seconds, r.events};
}

}  // namespace

void kernel_bench(const std::vector<std::uint64_t>& sizes, int repeats) {
  for (std::uint64_t n : sizes) {
    Timing best_d{1e300, 0}, best_k{1e300, 0}, best_c{1e300, 0}, best_p{1e300, 0};
    for (int r = 0; r < repeats; ++r) {
      const Timing d = time_desksim(n), k = time_kernel_only(n), c = time_kernel_component(n), p = time_plain(n);
      if (d.seconds < best_d.seconds) best_d = d;
      if (k.seconds < best_k.seconds) best_k = k;
      if (c.seconds < best_c.seconds) best_c = c;
      if (p.seconds < best_p.seconds) best_p = p;
    }
    emit_line({{"bench", "kernel_mm10"},
               {"customers", n},
               {"repeats", repeats},
               {"desksim_seconds", best_d.seconds},
               {"desksim_events", best_d.events},
               {"no_statistics_seconds", best_k.seconds},
               {"kernel_component_seconds", best_c.seconds},
               {"kernel_component_events", best_c.events},
               {"kernel_component_ratio", best_c.seconds / best_p.seconds},
               {"plain_loop_seconds", best_p.seconds},
               {"plain_loop_events", best_p.events},
               {"ns_per_event", best_d.seconds / static_cast<double>(best_d.events) * 1e9},
               {"ratio", best_d.seconds / best_p.seconds},
               {"target_ratio", 1.5}});
  }
}

void kernel_process_bench(const std::string& desksim, const std::string& self, std::uint64_t customers, int repeats) {
  const std::filesystem::path dir = scratch_folder();
  auto scenario = mm10(customers);
  std::string text;
  google::protobuf::TextFormat::PrintToString(scenario, &text);
  const std::string path = (dir / "mm10.textproto").string();
  std::ofstream(path) << text;
  const ProcessTiming d = median_of(repeats, {desksim, "run", path, "--replications", "1", "--quiet", "--out", (dir / "out").string()});
  const ProcessTiming c = median_of(repeats, {self, "--kernel-component", std::to_string(customers)});
  const ProcessTiming p = median_of(repeats, {self, "--plain-loop", std::to_string(customers)});
  std::filesystem::remove_all(dir);
  emit_line({{"bench", "kernel_mm10_process"},
             {"customers", customers},
             {"repeats", repeats},
             {"desksim_wall_seconds", d.wall_seconds},
             {"desksim_cpu_seconds", d.cpu_seconds},
             {"kernel_component_wall_seconds", c.wall_seconds},
             {"kernel_component_cpu_seconds", c.cpu_seconds},
             {"kernel_component_ratio", c.cpu_seconds / p.cpu_seconds},
             {"plain_loop_wall_seconds", p.wall_seconds},
             {"plain_loop_cpu_seconds", p.cpu_seconds},
             {"ratio", d.cpu_seconds / p.cpu_seconds},
             {"target_ratio", 1.8}});
}

int plain_loop_process(std::uint64_t customers) {
  const auto r = plain_mmc_loop(9, 1, 10, customers, 1);
  return r.mean_wait_hours > 0 ? 0 : 1;
}

int kernel_component_process(std::uint64_t customers) {
  sim::SimGridRuntime runtime;
  sim::EventKernel kernel(runtime);
  sim::SignalBus signals;
  const auto r = run_mmc_component(kernel, signals, 9, 1, 10, customers, 1);
  return r.mean_wait_hours > 0 ? 0 : 1;
}

}  // namespace desksim::bench
