// Validation of the population-mode fields: the shipped scenarios pass, and each kind of mistake is
// reported with the exact field path.
#include <gtest/gtest.h>

#include <algorithm>

#include "models/scenario/scenario_loader.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/scenarios/validator_test_support.hpp"

namespace desksim {
namespace {

using testing::has_error;
using testing::load_ok;

TEST(ServiceDeskValidator, ShippedScenariosAreValid) {
  for (const char* f : {"scenarios/met/run-and-maintain.textproto", "scenarios/validation/mm10-rho09.textproto",
                        "scenarios/validation/erlang-a-rho08.textproto", "scenarios/validation/erlang-a-overloaded.textproto",
                        "scenarios/validation/priority-mm1-two-class.textproto",
                        "scenarios/validation/hour-of-week-profile.textproto",
                        "scenarios/validation/day-factor-overdispersion.textproto"})
    load_ok(f);
}

TEST(ServiceDeskValidator, ReportsEachMistakeWithItsFieldPath) {
  const auto base = load_ok("scenarios/met/run-and-maintain.textproto");
  auto s = base;
  s.mutable_demand()->set_arrivals_per_hour(5);
  EXPECT_TRUE(has_error(s, "demand.arrivals_per_hour"));
  s = base;
  s.mutable_demand()->mutable_population()->mutable_segments(1)->set_users(0);
  EXPECT_TRUE(has_error(s, "demand.population.segments[1].users"));
  s = base;
  s.mutable_demand()->mutable_population()->mutable_segments(0)->add_hour_of_week_weights(1.0);
  EXPECT_TRUE(has_error(s, "demand.population.segments[0].hour_of_week_weights"));
  s = base;
  s.mutable_demand()->mutable_population()->mutable_segments(2)->mutable_channel_mix(0)->set_name("fax");
  EXPECT_TRUE(has_error(s, "demand.population.segments[2].channel_mix[0].name"));
  s = base;
  s.mutable_demand()->set_day_factor_cv(-1);
  EXPECT_TRUE(has_error(s, "demand.day_factor_cv"));
  s = base;
  s.mutable_demand()->mutable_categories(3)->set_impact_probabilities(0, 0.5);
  EXPECT_TRUE(has_error(s, "demand.categories[3].impact_probabilities"));
  s = base;
  s.mutable_demand()->mutable_categories(0)->set_first_contact_resolution_probability(1.5);
  EXPECT_TRUE(has_error(s, "demand.categories[0].first_contact_resolution_probability"));
  s = base;
  s.mutable_desk()->mutable_roster_agents_per_half_hour()->RemoveLast();
  EXPECT_TRUE(has_error(s, "desk.roster_agents_per_half_hour"));
  s = base;
  s.mutable_desk()->set_priority_matrix(4, 7);
  EXPECT_TRUE(has_error(s, "desk.priority_matrix[4]"));
  s = base;
  s.mutable_desk()->mutable_channels(1)->mutable_patience_minutes()->mutable_exponential()->set_mean(3);
  EXPECT_TRUE(has_error(s, "desk.channels[1].patience_minutes"));  // the portal does not abandon
  s = base;
  s.mutable_desk()->mutable_channels(0)->mutable_patience_minutes()->mutable_exponential()->set_mean(-3);
  EXPECT_TRUE(has_error(s, "desk.channels[0].patience_minutes.exponential"));
  s = base;
  s.mutable_desk()->mutable_channels(0)->clear_redial_delay_minutes();
  EXPECT_TRUE(has_error(s, "desk.channels[0].redial_delay_minutes"));
  s = base;
  s.clear_resolver_network();  // the stand-in delay is required only without the resolver network
  s.mutable_desk()->mutable_resolver()->clear_resolved_elsewhere_hours();
  EXPECT_TRUE(has_error(s, "desk.resolver.resolved_elsewhere_hours"));
  s = base;
  s.mutable_desk()->mutable_lifecycle()->mutable_reopen_after_hours()->mutable_uniform()->set_high(500);
  EXPECT_TRUE(has_error(s, "desk.lifecycle.reopen_after_hours"));
  s = base;
  s.mutable_calendars(0)->set_holidays(0, "2025-02-30");
  EXPECT_TRUE(has_error(s, "calendars[0].holidays[0]"));
  s = base;
  s.mutable_calendars(0)->mutable_working_days(0)->set_end_hour(25);
  EXPECT_TRUE(has_error(s, "calendars[0].working_days[0]"));
  s = base;
  s.mutable_slas(0)->mutable_targets(2)->set_calendar("lunar");
  EXPECT_TRUE(has_error(s, "slas[0].targets[2].calendar"));
  s = base;
  s.mutable_slas(0)->mutable_targets()->RemoveLast();
  EXPECT_TRUE(has_error(s, "slas[0].targets"));
  s = base;
  s.mutable_desk()->set_supplier("nobody");  // "applications" has an SLA; "nobody" has none
  EXPECT_TRUE(has_error(s, "slas"));
  s = base;
  s.mutable_run()->set_start_date("06/01/2025");
  EXPECT_TRUE(has_error(s, "run.start_date"));
  s = base;
  s.mutable_run()->set_max_tickets(10);
  EXPECT_TRUE(has_error(s, "run.max_tickets"));
}

TEST(ServiceDeskValidator, LoaderPointsAtTheLine) {
  scenario::Scenario s;
  std::vector<models::Diagnostic> d;
  const std::string text = R"(name: "x"
run { horizon_hours: 10 }
demand {
  population { segments { name: "a" users: 0 incidents_per_user_per_month: 1 channel_mix { name: "phone" weight: 1 } } }
  categories { name: "c" weight: 1 impact_probabilities: [0, 0, 1] urgency_probabilities: [0, 0, 1] }
}
desk { agents: 1 supplier: "s" channels { name: "phone" handle_time_minutes { exponential { mean: 5 } } }
  resolver { resolved_elsewhere_hours { exponential { mean: 1 } } } }
slas { supplier: "s" targets { priority: 1 response_minutes: 1 resolution_hours: 1 }
  targets { priority: 2 response_minutes: 1 resolution_hours: 1 } targets { priority: 3 response_minutes: 1 resolution_hours: 1 }
  targets { priority: 4 response_minutes: 1 resolution_hours: 1 } }
)";
  EXPECT_FALSE(models::parse_scenario(text, "inline", false, &s, &d));
  ASSERT_EQ(d.size(), 1u) << models::format_all(d);
  EXPECT_EQ(d[0].field_path, "demand.population.segments[0].users");
  EXPECT_EQ(d[0].line, 4);
}

}  // namespace
}  // namespace desksim
