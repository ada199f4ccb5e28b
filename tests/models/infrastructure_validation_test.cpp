// The validator finds every error of the infrastructure section and names its field path (and, for
// text files, its line).
#include <algorithm>

#include <gtest/gtest.h>

#include "models/scenario/scenario_loader.hpp"

namespace desksim::models {
namespace {

std::vector<Diagnostic> diagnose(const std::string& text) {
  scenario::Scenario s;
  std::vector<Diagnostic> d;
  EXPECT_FALSE(parse_scenario(text, "test.textproto", false, &s, &d));
  return d;
}

bool has(const std::vector<Diagnostic>& d, const std::string& path, const std::string& fragment) {
  return std::any_of(d.begin(), d.end(), [&](const Diagnostic& x) {
    return x.field_path == path && x.message.find(fragment) != std::string::npos;
  });
}

TEST(InfrastructureValidation, EveryErrorWithItsFieldPath) {
  const auto d = diagnose(R"(
name: "bad"
run { horizon_hours: 100 }
infrastructure {
  datacentres { name: "dc1" }
  repair_crews { name: "crew" crews: 0 }
  repair_crews { name: "crew2" crews: 1 }
  components {
    name: "a" kind: HOST datacentre: "dc9" repair_crew: "crew"
    time_to_failure_hours { exponential { mean: -5 } }
    time_to_repair_hours { exponential { mean: 1 } }
    failed_changes_per_year: -1
  }
  components { name: "a" kind: KIND_UNSPECIFIED time_to_repair_hours { exponential { mean: 1 } } }
  maintenance { components: "ghost" start_hours: -1 duration_hours: 5 every_hours: 4 }
  change_programme {
    phases { start_hours: 10 end_hours: 5 failed_change_multiplier: 2 }
    phases { start_hours: 0 end_hours: 20 failed_change_multiplier: -1 }
  }
  services {
    name: "svc"
    depends_on { k_of_n { k: 3 parts { component: "a" } parts { component: "nope" } } }
    availability_target_percent: 120
    credit_bands { availability_below_percent: 99.9 credit_percent_of_monthly_fee: 150 }
    business_hours { windows { days: MONDAY start_hour: 18 end_hour: 8 } }
    storm { peak_incidents_per_user_per_hour: -0.1 }
  }
}
)");
  const std::string c0 = "infrastructure.components[0]", c1 = "infrastructure.components[1]";
  const std::string s0 = "infrastructure.services[0]";
  EXPECT_TRUE(has(d, "infrastructure.repair_crews[0].crews", ">= 1"));
  EXPECT_TRUE(has(d, c0 + ".datacentre", "unknown datacentre \"dc9\""));
  EXPECT_TRUE(has(d, c0 + ".time_to_failure_hours.exponential", "mean"));
  EXPECT_TRUE(has(d, c0 + ".failed_changes_per_year", ">= 0"));
  EXPECT_TRUE(has(d, c1 + ".name", "duplicate"));
  EXPECT_TRUE(has(d, c1 + ".kind", "required"));
  EXPECT_TRUE(has(d, c1 + ".time_to_failure_hours", "required"));
  EXPECT_TRUE(has(d, c1 + ".repair_crew", "not exactly one"));
  EXPECT_TRUE(has(d, "infrastructure.maintenance[0].components[0]", "unknown component \"ghost\""));
  EXPECT_TRUE(has(d, "infrastructure.maintenance[0].start_hours", ">= 0"));
  EXPECT_TRUE(has(d, "infrastructure.maintenance[0].duration_hours", "< every_hours"));
  EXPECT_TRUE(has(d, "infrastructure.change_programme.phases[0].end_hours", "> start_hours"));
  EXPECT_TRUE(has(d, "infrastructure.change_programme.phases[1].failed_change_multiplier", ">= 0"));
  EXPECT_TRUE(has(d, "infrastructure.change_programme.phases[1]", "overlaps phase 0"));
  EXPECT_TRUE(has(d, s0 + ".depends_on.k_of_n.k", "1 <= k <= n = 2"));
  EXPECT_TRUE(has(d, s0 + ".depends_on.k_of_n.parts[1].component", "unknown component \"nope\""));
  EXPECT_TRUE(has(d, s0 + ".availability_target_percent", "(0, 100]"));
  EXPECT_TRUE(has(d, s0 + ".credit_bands[0].credit_percent_of_monthly_fee", "[0, 100]"));
  EXPECT_TRUE(has(d, s0 + ".business_hours.windows[0]", "start_hour < end_hour"));
  EXPECT_TRUE(has(d, s0 + ".storm.peak_incidents_per_user_per_hour", ">= 0"));
  // Text files: the loader locates the field.
  for (const Diagnostic& x : d) {
    if (x.field_path == s0 + ".depends_on.k_of_n.k") {
      EXPECT_EQ(x.line, 22) << x.format();
    }
  }
}

TEST(InfrastructureValidation, HorizonRequiredDeskOptional) {
  const auto d = diagnose(R"(
name: "x"
run { max_tickets: 10 }
infrastructure {
  repair_crews { name: "crew" crews: 1 }
  components { name: "a" kind: HOST time_to_failure_hours { exponential { mean: 5 } }
               time_to_repair_hours { exponential { mean: 1 } } }
}
)");
  EXPECT_TRUE(has(d, "run.horizon_hours", "required"));
  EXPECT_FALSE(has(d, "desk", "required"));
  EXPECT_FALSE(has(d, "demand", "required"));
}

TEST(InfrastructureValidation, ValidationScenariosAreValid) {
  for (const char* f : {"availability-single", "availability-1of2-two-crews", "availability-2of3-one-crew",
                        "outage-storm", "maintenance-and-changes"}) {
    scenario::Scenario s;
    std::vector<Diagnostic> d;
    EXPECT_TRUE(load_scenario(std::string(DESKSIM_SOURCE_DIR) + "/scenarios/validation/" + f + ".textproto", &s, &d))
        << f << ": " << format_all(d);
  }
}

}  // namespace
}  // namespace desksim::models
