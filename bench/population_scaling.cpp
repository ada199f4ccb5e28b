#include "bench/population_scaling.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "bench/json_lines.hpp"
#include "bench/replication_timing.hpp"
#include "models/scenario/scenario_loader.hpp"

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
    const ReplicationTiming m = time_replication(s);
    emit_line({{"bench", "scaling"},
               {"series", c.series},
               {"users", m.users},
               {"horizon_hours", s.run().horizon_hours()},
               {"tickets", m.tickets},
               {"events", m.events},
               {"cpu_seconds", m.cpu_seconds},
               {"ns_per_ticket", m.cpu_seconds / static_cast<double>(m.tickets) * 1e9},
               {"max_rss_mb", m.max_rss_mb}});
  }
}

}  // namespace desksim::bench
