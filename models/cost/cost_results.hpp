#pragma once
// Staff hours, FTE and staff cost per station, per supplier and in all, over the measured window and
// per calendar month; and the total cost of the service per month: staff cost plus the service
// credits each supplier pays.
//
// Staff hours are the integral of the rostered level (what is paid for), recorded by the statistics
// recorder as a time average over the measured window and per month; a pool of crews on duty around
// the clock is a constant level.
#include <string>
#include <vector>

#include "desksim/results.pb.h"
#include "models/cost/staff_cost.hpp"

namespace desksim::models {

struct CostedStaff {
  std::string prefix;    ///< output names start with it: "desk", "group.<name>", "crew.<name>"
  std::string supplier;  ///< whose staff; empty = counted in the total only
  StaffCostConfig cost;
  /// The recorded rostered level: time average over the measured window, and per month (a
  /// "time-average" series). Both empty: `constant_level` around the clock.
  std::string level_average, level_per_month;
  double constant_level = 0.0;
};

/// The calendar months of a run (models/run/monthly_statistics.hpp makes them): what every monthly
/// series, costs included, is reported by.
struct RunMonths {
  std::vector<double> bounds_hours;  ///< calendar months from t = 0, the last cut at the end of the run
  std::vector<std::string> labels;   ///< "YYYY-MM"
  std::size_t completed = 0;         ///< months the run completed (as for credits)
};

/// Adds, from the statistics already in `out`:
///   <prefix>.staff_hours, .fte, .staff_cost_pounds (measured window) and the same "_per_month";
///   supplier.<s>.staff_hours, .fte, .staff_cost_pounds (and "_per_month"), .total_cost_pounds_per_month
///     (staff cost + credits; credits are charged for completed months only) and .total_cost_pounds
///     (the sum of that over the completed months);
///   staff.hours, staff.fte, staff.cost_pounds (and "_per_month"), the same over everything;
///   cost.credit_pounds (every supplier's SLA credits and every service's availability credits, over
///   the completed months), cost.total_pounds (staff cost + those credits, over the completed months)
///   and cost.total_pounds_per_month.
/// Call it after the infrastructure's results are in `out`.
void add_cost_results(const std::vector<CostedStaff>& staff, const std::vector<std::string>& suppliers,
                      const RunMonths& months, results::ReplicationResult* out);

}  // namespace desksim::models

namespace desksim::models {

/// Who is paid for in a population-mode scenario: the desk, every resolver group (each with its
/// recorded rostered level) and every independent repair crew pool (its crews around the clock).
std::vector<CostedStaff> costed_staff(const scenario::Scenario& scenario);
/// The suppliers costs are totalled for: the resolver network's, or the desk's alone.
std::vector<std::string> cost_suppliers(const scenario::Scenario& scenario);

}  // namespace desksim::models
