#include "bench/population_scaling.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "models/run/desk_replication.hpp"
#include "models/scenario/scenario_loader.hpp"
#include "sim/replication/replication_runner.hpp"

namespace desksim::bench {

namespace {

scenario::Scenario scaled(scenario::Scenario s, double users_factor, double horizon_factor) {
  for (auto& segment : *s.mutable_demand()->mutable_population()->mutable_segments())
    segment.set_users(static_cast<std::uint32_t>(std::lround(segment.users() * users_factor)));
  auto* desk = s.mutable_desk();
  desk->set_agents(static_cast<std::uint32_t>(std::ceil(desk->agents() * users_factor)));
  for (auto& agents : *desk->mutable_roster_agents_per_half_hour())
    agents = static_cast<std::uint32_t>(std::ceil(agents * users_factor));
  for (auto& group : *s.mutable_resolver_network()->mutable_groups()) {  // resolver teams grow too
    group.set_servers(static_cast<std::uint32_t>(std::ceil(group.servers() * users_factor)));
    for (auto& servers : *group.mutable_roster_servers_per_half_hour())
      servers = static_cast<std::uint32_t>(std::ceil(servers * users_factor));
  }
  s.mutable_run()->set_horizon_hours(s.run().horizon_hours() * horizon_factor);
  return s;
}

struct Measured {
  double seconds = 0;
  unsigned long events = 0, tickets = 0, users = 0;
  long max_rss_kb = 0;
};

Measured measure(const scenario::Scenario& s) {
  sim::ReplicationRunnerOptions options;
  std::string error;
  const auto out = sim::run_replications(
      options,
      [&](unsigned) {
        const auto start = std::chrono::steady_clock::now();
        const auto r = models::run_replication(s, 1, 0);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        unsigned long tickets = 0, users = 0;
        for (const auto& c : r.counters()) {
          if (c.name() == "tickets.raised_total") tickets = c.value();
          if (c.name() == "users") users = c.value();
        }
        rusage usage{};
        ::getrusage(RUSAGE_SELF, &usage);
        return std::to_string(seconds) + " " + std::to_string(r.events()) + " " + std::to_string(tickets) + " " +
               std::to_string(users) + " " + std::to_string(usage.ru_maxrss);
      },
      &error);
  if (out.empty()) {
    std::fprintf(stderr, "desksim_bench: %s\n", error.c_str());
    std::exit(1);
  }
  Measured m;
  std::sscanf(out[0].c_str(), "%lf %lu %lu %lu %ld", &m.seconds, &m.events, &m.tickets, &m.users, &m.max_rss_kb);
  return m;
}

}  // namespace

void population_scaling(const std::string& baseline_path) {
  scenario::Scenario baseline;
  std::vector<models::Diagnostic> diagnostics;
  if (!models::load_scenario(baseline_path, &baseline, &diagnostics)) {
    std::fprintf(stderr, "%s", models::format_all(diagnostics).c_str());
    std::exit(2);
  }
  std::printf("\nPopulation mode: %s, users and roster scaled together; one replication each\n",
              baseline.name().c_str());
  std::printf("%8s %9s %10s %10s %8s %10s %9s %9s\n", "users", "horizon h", "tickets", "events", "seconds",
              "ns/ticket", "ns/event", "max MB");
  const struct {
    double users, horizon;
  } cases[] = {{0.5, 1}, {1, 1}, {2, 1}, {4, 1}, {1, 0.25}, {1, 2}};
  for (const auto& c : cases) {
    const auto s = scaled(baseline, c.users, c.horizon);
    const Measured m = measure(s);
    std::printf("%8lu %9.0f %10lu %10lu %8.2f %10.0f %9.0f %9.0f\n", m.users, s.run().horizon_hours(), m.tickets,
                m.events, m.seconds, m.seconds / static_cast<double>(m.tickets) * 1e9,
                m.seconds / static_cast<double>(m.events) * 1e9, m.max_rss_kb / 1024.0);
  }
}

}  // namespace desksim::bench
