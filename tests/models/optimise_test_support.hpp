#pragma once
// Small scenarios for the staffing optimiser's tests: a single stationary M/M/c queue (the simple
// form) and a two-station network (a desk and one resolver group).
#include <string>

#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "desksim/scenario.pb.h"
#include "models/optimise/optimise_options.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::testing {

/// M/M/c: 200 arrivals an hour, handle time 3 minutes (10 Erlangs), answered within 20 s.
inline const char* kSingleQueue = R"pb(
name: "single-queue"
run { max_tickets: 60000 warmup_tickets: 3000 replications: 4 seed: 3 }
demand { arrivals_per_hour: 200 }
desk {
  agents: 20
  handle_time_minutes { exponential { mean: 3 } }
  service_level_threshold_seconds: 20
}
)pb";

/// A desk (portal, 6 min, half resolved at first contact) and one applications group (1 h a visit),
/// 20 tickets an hour around the clock, every ticket P4 (impact 3, urgency 3). Two weeks after a day's
/// warm-up. Desk load 2 Erlangs, group load 10 Erlangs.
inline std::string two_station_text(double tickets_per_hour) {
  return R"pb(
name: "two-station"
run { horizon_hours: 360 warmup_hours: 24 replications: 3 seed: 5 start_date: "2024-01-01" }
demand {
  population {
    segments {
      name: "users"
      users: 1
      incidents_per_user_per_month: )pb" + std::to_string(tickets_per_hour * 730.5) + R"pb(
      channel_mix { name: "portal" weight: 1 }
    }
  }
  categories {
    name: "application"
    weight: 1
    impact_probabilities: [0, 0, 1]
    urgency_probabilities: [0, 0, 1]
    first_contact_resolution_probability: 0.5
  }
}
desk {
  agents: 6
  supplier: "infrastructure"
  channels { name: "portal" handle_time_minutes { exponential { mean: 6 } } }
  lifecycle { auto_close_hours: 1 }
  staff_cost { pounds_per_staffed_hour: 20 }
}
slas {
  supplier: "infrastructure"
  targets { priority: 1 response_minutes: 15 resolution_hours: 4 }
  targets { priority: 2 response_minutes: 15 resolution_hours: 8 }
  targets { priority: 3 response_minutes: 15 resolution_hours: 24 }
  targets { priority: 4 response_minutes: 5 resolution_hours: 72 }
}
slas {
  supplier: "applications"
  targets { priority: 1 response_minutes: 15 resolution_hours: 1 }
  targets { priority: 2 response_minutes: 30 resolution_hours: 2 }
  targets { priority: 3 response_minutes: 30 resolution_hours: 3 }
  targets { priority: 4 response_minutes: 30 resolution_hours: 3 }
}
resolver_network {
  suppliers { name: "infrastructure" tower: INFRASTRUCTURE }
  suppliers { name: "applications" tower: APPLICATIONS }
  integrator_supplier: "infrastructure"
  groups {
    name: "apps"
    supplier: "applications"
    level: LEVEL_2
    servers: 16
    work_hours { exponential { mean: 1 } }
    staff_cost { pounds_per_staffed_hour: 35 }
  }
  routes { category: "application" groups { group: "apps" probability: 1 } }
}
)pb";
}

inline scenario::Scenario parse_valid(const std::string& text) {
  scenario::Scenario s;
  std::vector<models::Diagnostic> d;
  EXPECT_TRUE(models::parse_scenario(text, "test.textproto", false, &s, &d)) << models::format_all(d);
  return s;
}

inline scenario::OptimiseOptions parse_options(const std::string& text) {
  scenario::OptimiseOptions o;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &o)) << text;
  return o;
}

inline models::OptimiseSettings settings_for(const scenario::Scenario& s, const std::string& options_text) {
  models::OptimiseSettings settings;
  std::vector<models::Diagnostic> d;
  EXPECT_TRUE(models::make_optimise_settings(parse_options(options_text), s, "options", &settings, &d))
      << models::format_all(d);
  return settings;
}

}  // namespace desksim::testing
