#include "models/cost/staff_cost.hpp"

#include <cmath>
#include <set>

#include "models/scenario/field_checks.hpp"

namespace desksim::models {

StaffCostConfig make_staff_cost(const scenario::StaffCost* own, const scenario::Scenario& scenario) {
  const scenario::StaffCost* cost = own != nullptr ? own : (scenario.has_staff_cost() ? &scenario.staff_cost() : nullptr);
  StaffCostConfig c;
  if (cost == nullptr) return c;
  if (cost->has_paid_hours_per_week()) c.paid_hours_per_week = cost->paid_hours_per_week();
  if (cost->has_shrinkage()) c.shrinkage = cost->shrinkage();
  c.pounds_per_staffed_hour = cost->pounds_per_staffed_hour() > 0
                                  ? cost->pounds_per_staffed_hour()
                                  : cost->pounds_per_fte_year() / (kWeeksPerYear * c.staffed_hours_per_fte(168.0));
  return c;
}

void validate_staff_cost(const scenario::StaffCost& cost, const std::string& path, std::vector<Diagnostic>* out) {
  FieldChecks check(out);
  check.non_negative(path + ".pounds_per_staffed_hour", cost.pounds_per_staffed_hour());
  check.non_negative(path + ".pounds_per_fte_year", cost.pounds_per_fte_year());
  if (cost.pounds_per_staffed_hour() > 0 && cost.pounds_per_fte_year() > 0)
    check.fail(path, "give pounds_per_staffed_hour or pounds_per_fte_year, not both");
  if (cost.has_paid_hours_per_week()) {
    const double h = cost.paid_hours_per_week();
    if (!(h > 0 && h <= 168)) check.fail(path + ".paid_hours_per_week", "must be in (0, 168] (got " + number(h) + ")");
  }
  if (cost.has_shrinkage()) {
    const double s = cost.shrinkage();
    if (!(s >= 0 && s < 1)) check.fail(path + ".shrinkage", "must be in [0, 1) (got " + number(s) + ")");
  }
}

void validate_staff_costs(const scenario::Scenario& s, std::vector<Diagnostic>* out) {
  FieldChecks check(out);
  if (s.has_staff_cost()) validate_staff_cost(s.staff_cost(), "staff_cost", out);
  if (s.desk().has_staff_cost()) validate_staff_cost(s.desk().staff_cost(), "desk.staff_cost", out);
  const auto& groups = s.resolver_network().groups();
  for (int g = 0; g < groups.size(); ++g)
    if (groups[g].has_staff_cost())
      validate_staff_cost(groups[g].staff_cost(), at("resolver_network.groups", g) + ".staff_cost", out);
  std::set<std::string> suppliers;
  for (const auto& sup : s.resolver_network().suppliers()) suppliers.insert(sup.name());
  const auto& pools = s.infrastructure().repair_crews();
  for (int p = 0; p < pools.size(); ++p) {
    const std::string path = at("infrastructure.repair_crews", p);
    const auto& pool = pools[p];
    if (pool.has_staff_cost()) {
      if (!pool.resolver_group().empty())
        check.fail(path + ".staff_cost", "must be unset: the crews are engineers of resolver group \"" +
                                             pool.resolver_group() + "\", costed with that group");
      else
        validate_staff_cost(pool.staff_cost(), path + ".staff_cost", out);
    }
    if (!pool.supplier().empty()) {
      if (!pool.resolver_group().empty())
        check.fail(path + ".supplier", "must be empty: the crews are engineers of resolver group \"" +
                                           pool.resolver_group() + "\", whose supplier they count for");
      else if (s.has_resolver_network() && !suppliers.count(pool.supplier()))
        check.fail(path + ".supplier", "no resolver_network supplier named \"" + pool.supplier() + "\"");
    }
  }
}

}  // namespace desksim::models
