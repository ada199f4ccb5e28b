#pragma once
// A desk and one resolver group over 8 days, with two targets that bind: the staffing optimiser's small
// case for end-to-end tests (a search takes a fraction of a second), run by `desksim optimise` locally
// and under desksim-mpi; and how two searches' outputs are compared.
#include <filesystem>
#include <regex>
#include <string>

namespace desksim::e2e {

/// An optimiser's summary or report page without what differs between two searches that chose the
/// same rosters: the time the search took ("18 simulations (3 replications each, seed 5), 1.2 s", and
/// per phase "33 simulations, 1.5 s") and its output folder `out` (in the overlay's path), each
/// replaced by a placeholder.
inline std::string comparable_optimiser_output(const std::string& text, const std::filesystem::path& out) {
  const std::string timeless =
      std::regex_replace(text, std::regex(R"(( simulations(?: \([^)]*\))?), [0-9.]+ s)"), "$1, (time) s");
  const std::string folder = out.string();
  std::string result;
  for (std::size_t at = 0;;) {
    const std::size_t next = timeless.find(folder, at);
    result += timeless.substr(at, next == std::string::npos ? std::string::npos : next - at);
    if (next == std::string::npos) return result;
    result += "(out)";
    at = next + folder.size();
  }
}

inline constexpr const char* kTwoStationScenario = R"pb(
name: "two-station"
run { horizon_hours: 192 warmup_hours: 24 replications: 3 seed: 5 start_date: "2024-01-01" }
demand {
  population {
    segments { name: "users" users: 1 incidents_per_user_per_month: 14610 channel_mix { name: "portal" weight: 1 } }
  }
  categories { name: "application" weight: 1 impact_probabilities: [0, 0, 1] urgency_probabilities: [0, 0, 1]
               first_contact_resolution_probability: 0.5 }
}
desk {
  agents: 6
  supplier: "infrastructure"
  channels { name: "portal" handle_time_minutes { exponential { mean: 6 } } }
  lifecycle { auto_close_hours: 1 }
}
staff_cost { pounds_per_staffed_hour: 25 }
slas { supplier: "infrastructure"
  targets { priority: 1 response_minutes: 15 resolution_hours: 4 } targets { priority: 2 response_minutes: 15 resolution_hours: 8 }
  targets { priority: 3 response_minutes: 15 resolution_hours: 24 } targets { priority: 4 response_minutes: 5 resolution_hours: 72 } }
slas { supplier: "applications"
  targets { priority: 1 response_minutes: 15 resolution_hours: 1 } targets { priority: 2 response_minutes: 30 resolution_hours: 2 }
  targets { priority: 3 response_minutes: 30 resolution_hours: 3 } targets { priority: 4 response_minutes: 30 resolution_hours: 3 } }
resolver_network {
  suppliers { name: "infrastructure" tower: INFRASTRUCTURE }
  suppliers { name: "applications" tower: APPLICATIONS }
  integrator_supplier: "infrastructure"
  groups { name: "apps" supplier: "applications" level: LEVEL_2 servers: 16 work_hours { exponential { mean: 1 } } }
  routes { category: "application" groups { group: "apps" probability: 1 } }
}
)pb";

inline constexpr const char* kTwoStationTargets = R"pb(
targets { supplier: "infrastructure" priority: 4 clock: RESPONSE attainment: 0.9 }
targets { supplier: "applications" priority: 4 clock: RESOLUTION attainment: 0.8 }
stations { station: "apps" shift_rules { start_half_hours: [0, 16, 32] lengths_half_hours: 16 } }
)pb";

/// The scenario with a programme whose step from its fifth day cuts demand by 40%: two phases for
/// `optimise --per-phase`.
inline std::string two_station_with_a_demand_cut() {
  return std::string(kTwoStationScenario) + R"pb(
programme {
  steps { name: "cut" from_date: "2024-01-05"
    set { field: "demand.population.segments[name=users].incidents_per_user_per_month" value: "8766" } }
}
)pb";
}

}  // namespace desksim::e2e
