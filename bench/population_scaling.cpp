#include "bench/population_scaling.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "bench/json_lines.hpp"
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
        rusage before{};
        ::getrusage(RUSAGE_SELF, &before);
        const auto r = models::run_replication(s, 1, 0);
        rusage after{};
        ::getrusage(RUSAGE_SELF, &after);
        const auto cpu = [](const rusage& u) {
          return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                 static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
        };
        const double seconds = cpu(after) - cpu(before);
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

void population_scaling(const std::string& baseline_path, bool largest) {
  scenario::Scenario baseline;
  std::vector<models::Diagnostic> diagnostics;
  if (!models::load_scenario(baseline_path, &baseline, &diagnostics)) {
    std::fprintf(stderr, "%s", models::format_all(diagnostics).c_str());
    std::exit(2);
  }
  // Users at the baseline's own horizon (a year), then horizons at the baseline's users: 10x the
  // tickets should cost 10x the time (at most 10.5x), and memory should not grow with the horizon.
  struct Case {
    const char* series;
    double users, horizon;
  };
  std::vector<Case> cases = {{"users", 0.1, 1}, {"users", 1, 1}, {"users", 10, 1}};
  if (largest) cases.push_back({"users", 100, 1});
  cases.insert(cases.end(), {{"horizon", 1, 1.0 / 12}, {"horizon", 1, 1}, {"horizon", 1, 10}});
  for (const Case& c : cases) {
    const auto s = scaled(baseline, c.users, c.horizon);
    const Measured m = measure(s);
    emit_line({{"bench", "scaling"},
               {"series", c.series},
               {"users", m.users},
               {"horizon_hours", s.run().horizon_hours()},
               {"tickets", m.tickets},
               {"events", m.events},
               {"cpu_seconds", m.seconds},
               {"ns_per_ticket", m.seconds / static_cast<double>(m.tickets) * 1e9},
               {"max_rss_mb", m.max_rss_kb / 1024.0}});
  }
}

}  // namespace desksim::bench
