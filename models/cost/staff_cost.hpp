#pragma once
// Staff cost: what the people on a station's roster cost, and how many full-time equivalents (FTE)
// they are. A roster says who is on duty; shrinkage (leave, sickness, training) means one FTE covers
// paid_hours_per_week x (1 - shrinkage) staffed hours a week.
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

constexpr double kDefaultPaidHoursPerWeek = 37.5;
constexpr double kDefaultShrinkage = 0.3;
constexpr double kWeeksPerYear = 365.25 / 7.0;

struct StaffCostConfig {
  double pounds_per_staffed_hour = 0.0;
  double paid_hours_per_week = kDefaultPaidHoursPerWeek;
  double shrinkage = kDefaultShrinkage;

  /// Staffed hours one FTE covers in `period_hours` of calendar time.
  double staffed_hours_per_fte(double period_hours) const {
    return period_hours / 168.0 * paid_hours_per_week * (1.0 - shrinkage);
  }
};

/// The station's own cost if it has one (`own` set), otherwise the scenario-wide one, otherwise none.
StaffCostConfig make_staff_cost(const scenario::StaffCost* own, const scenario::Scenario& scenario);

/// Checks one StaffCost message found at `path`.
void validate_staff_cost(const scenario::StaffCost& cost, const std::string& path, std::vector<Diagnostic>* out);
/// Checks every StaffCost of a scenario (the default, the desk, each group and crew pool) and that
/// a pool's cost and supplier are consistent with what it draws its crews from.
void validate_staff_costs(const scenario::Scenario& scenario, std::vector<Diagnostic>* out);

}  // namespace desksim::models
