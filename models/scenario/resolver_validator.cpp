#include "models/scenario/resolver_validator.hpp"

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "models/desk/service_desk_config.hpp"
#include "models/resolver/resolver_config.hpp"
#include "models/scenario/field_checks.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::models {

namespace {

struct Checks {
  std::vector<Diagnostic>* out;
  void fail(const std::string& path, const std::string& message) { out->push_back(Diagnostic{{}, 0, 0, path, message}); }
  void probability(const std::string& path, double v) {
    if (!(v >= 0 && v <= 1)) fail(path, "must be a probability in [0, 1] (got " + number(v) + ")");
  }
  void non_negative(const std::string& path, double v) {
    if (!(v >= 0) || !std::isfinite(v)) fail(path, "must be >= 0 (got " + number(v) + ")");
  }
  void distribution(const scenario::Distribution& d, const std::string& path) { validate_distribution(d, path, out); }
};

}  // namespace

void validate_resolver_network(const scenario::Scenario& s, std::vector<Diagnostic>* out) {
  if (!s.has_resolver_network()) return;
  Checks check{out};
  const auto& net = s.resolver_network();

  std::set<std::string> sla_suppliers, calendars = {"24x7"};
  for (const auto& sla : s.slas()) sla_suppliers.insert(sla.supplier());
  for (const auto& cal : s.calendars()) calendars.insert(cal.name());

  std::set<std::string> suppliers;
  std::map<std::string, int> tower;
  if (net.suppliers_size() == 0) check.fail("resolver_network.suppliers", "at least one supplier is required");
  if (net.suppliers_size() > static_cast<int>(kMaxSuppliers))
    check.fail("resolver_network.suppliers", "at most " + std::to_string(kMaxSuppliers) + " suppliers (got " +
                                                 std::to_string(net.suppliers_size()) + ")");
  for (int i = 0; i < net.suppliers_size(); ++i) {
    const auto& sup = net.suppliers(i);
    const std::string p = at("resolver_network.suppliers", i);
    if (sup.name().empty()) check.fail(p + ".name", "required");
    else if (!suppliers.insert(sup.name()).second) check.fail(p + ".name", "duplicate supplier \"" + sup.name() + "\"");
    else if (!sla_suppliers.count(sup.name())) check.fail(p + ".name", "no SLA in `slas` for supplier \"" + sup.name() + "\"");
    tower[sup.name()] = sup.tower();
    if (sup.tower() == scenario::Supplier::TOWER_UNSPECIFIED) check.fail(p + ".tower", "required: INFRASTRUCTURE or APPLICATIONS");
    const auto& c = sup.contract();
    check.non_negative(p + ".contract.credit_per_breached_ticket_pounds", c.credit_per_breached_ticket_pounds());
    check.non_negative(p + ".contract.monthly_fee_pounds", c.monthly_fee_pounds());
    for (int j = 0; j < c.bands_size(); ++j) {
      const std::string q = at(p + ".contract.bands", j);
      const double below = c.bands(j).attainment_below_percent(), credit = c.bands(j).credit_percent_of_monthly_fee();
      if (!(below > 0 && below <= 100)) check.fail(q + ".attainment_below_percent", "must be in (0, 100] (got " + number(below) + ")");
      if (!(credit >= 0 && credit <= 100)) check.fail(q + ".credit_percent_of_monthly_fee", "must be in [0, 100] (got " + number(credit) + ")");
    }
  }
  if (!s.desk().supplier().empty() && !suppliers.count(s.desk().supplier()))
    check.fail("resolver_network.suppliers", "must list the desk's supplier \"" + s.desk().supplier() + "\"");

  std::map<std::string, int> level;
  std::map<std::string, std::string> supplier_of;
  if (net.groups_size() == 0) check.fail("resolver_network.groups", "at least one group is required");
  if (net.groups_size() > static_cast<int>(kMaxResolverGroups))
    check.fail("resolver_network.groups", "at most " + std::to_string(kMaxResolverGroups) + " groups (got " + std::to_string(net.groups_size()) + ")");
  for (int i = 0; i < net.groups_size(); ++i) {
    const auto& g = net.groups(i);
    const std::string p = at("resolver_network.groups", i);
    if (g.name().empty()) check.fail(p + ".name", "required");
    else if (level.count(g.name())) check.fail(p + ".name", "duplicate group \"" + g.name() + "\"");
    level[g.name()] = g.level();
    supplier_of[g.name()] = g.supplier();
  }
  std::set<std::string> category_names;
  for (const auto& c : s.demand().categories()) category_names.insert(c.name());

  auto group_shares = [&](const std::string& path, const google::protobuf::RepeatedPtrField<scenario::GroupShare>& shares,
                          bool must_sum_to_one, const std::string& self, int required_level) {
    double total = 0;
    for (int j = 0; j < shares.size(); ++j) {
      const std::string q = at(path, j);
      const auto& share = shares[j];
      if (!level.count(share.group())) check.fail(q + ".group", "no resolver group named \"" + share.group() + "\"");
      else if (!self.empty() && share.group() == self) check.fail(q + ".group", "a group cannot pass a ticket to itself");
      else if (required_level > 0 && level[share.group()] != required_level)
        check.fail(q + ".group", "must be a level-" + std::to_string(required_level) + " group (\"" + share.group() + "\" is not)");
      check.probability(q + ".probability", share.probability());
      total += share.probability();
    }
    if (must_sum_to_one) FieldChecks(check.out).sums_to_one(path, total);
    return total;
  };

  bool any_ola = false;
  for (int i = 0; i < net.groups_size(); ++i) {
    const auto& g = net.groups(i);
    const std::string p = at("resolver_network.groups", i);
    if (!suppliers.count(g.supplier())) check.fail(p + ".supplier", "no supplier named \"" + g.supplier() + "\" in resolver_network.suppliers");
    if (g.level() != scenario::ResolverGroup::LEVEL_2 && g.level() != scenario::ResolverGroup::LEVEL_3)
      check.fail(p + ".level", "required: LEVEL_2 or LEVEL_3");
    if (g.roster_servers_per_half_hour_size() > 0) {
      if (g.roster_servers_per_half_hour_size() != static_cast<int>(kHalfHoursPerWeek))
        check.fail(p + ".roster_servers_per_half_hour",
                   "must have exactly 336 values (got " + std::to_string(g.roster_servers_per_half_hour_size()) + ")");
      std::uint32_t peak = 0;
      for (auto a : g.roster_servers_per_half_hour()) peak = std::max(peak, a);
      if (peak == 0) check.fail(p + ".roster_servers_per_half_hour", "no resolver is ever on duty");
      if (peak > 100000) check.fail(p + ".roster_servers_per_half_hour", "at most 100000 resolvers (got " + std::to_string(peak) + ")");
    } else if (g.servers() < 1 || g.servers() > 100000) {
      check.fail(p + ".servers", "must be in 1..100000 when no roster is given (got " + std::to_string(g.servers()) + ")");
    }
    if (g.tickets_in_hand() > 1000)
      check.fail(p + ".tickets_in_hand", "must be 0 (unset: 1) or 1..1000 (got " + std::to_string(g.tickets_in_hand()) + ")");
    if (!g.has_work_hours()) check.fail(p + ".work_hours", "required");
    else check.distribution(g.work_hours(), p + ".work_hours");
    for (int j = 0; j < g.work_overrides_size(); ++j) {
      const auto& o = g.work_overrides(j);
      const std::string q = at(p + ".work_overrides", j);
      if (!o.category().empty() && !category_names.count(o.category())) check.fail(q + ".category", "no category named \"" + o.category() + "\"");
      if (o.priority() > 4) check.fail(q + ".priority", "must be 0 (any) or 1..4 (got " + std::to_string(o.priority()) + ")");
      if (!o.has_work_hours()) check.fail(q + ".work_hours", "required");
      else check.distribution(o.work_hours(), q + ".work_hours");
    }
    check.probability(p + ".escalation_probability", g.escalation_probability());
    check.probability(p + ".reassignment_probability", g.reassignment_probability());
    if (g.escalation_probability() > 0) {
      if (g.level() != scenario::ResolverGroup::LEVEL_2) check.fail(p + ".escalation_probability", "only level-2 groups escalate to level 3");
      if (g.escalation_targets_size() == 0) check.fail(p + ".escalation_targets", "required when escalation_probability > 0");
    }
    if (g.escalation_targets_size() > 0) group_shares(p + ".escalation_targets", g.escalation_targets(), true, g.name(), 3);
    const double transfers = group_shares(p + ".transfers", g.transfers(), false, g.name(), 0);
    const double total = g.escalation_probability() + g.reassignment_probability() + transfers;
    FieldChecks(out).at_most_one(p, total, "escalation_probability + reassignment_probability + transfers");
    if (g.has_ola()) {
      any_ola = true;
      const auto& ola = g.ola();
      const std::string q = p + ".ola";
      if (ola.target_hours_size() != 4) check.fail(q + ".target_hours", "must have exactly 4 values, P1..P4 (got " + std::to_string(ola.target_hours_size()) + ")");
      for (int j = 0; j < ola.target_hours_size(); ++j)
        if (!(ola.target_hours(j) > 0) || !std::isfinite(ola.target_hours(j)))
          check.fail(at(q + ".target_hours", j), "must be > 0 (got " + number(ola.target_hours(j)) + ")");
      if (!(ola.chase_at_share() >= 0 && ola.chase_at_share() < 1))
        check.fail(q + ".chase_at_share", "must be in [0, 1) (got " + number(ola.chase_at_share()) + ")");
      if (!ola.calendar().empty() && !calendars.count(ola.calendar())) check.fail(q + ".calendar", "no calendar named \"" + ola.calendar() + "\"");
      if (ola.has_extra_capacity()) {
        if (ola.extra_capacity().servers() < 1 || ola.extra_capacity().servers() > 1000)
          check.fail(q + ".extra_capacity.servers", "must be in 1..1000 (got " + std::to_string(ola.extra_capacity().servers()) + ")");
        if (!(ola.extra_capacity().hours() > 0)) check.fail(q + ".extra_capacity.hours", "must be > 0 (got " + number(ola.extra_capacity().hours()) + ")");
      }
      if (ola.has_priority_raise() && (ola.priority_raise().levels() < 1 || ola.priority_raise().levels() > 3))
        check.fail(q + ".priority_raise.levels", "must be 1..3 (got " + std::to_string(ola.priority_raise().levels()) + ")");
      if (!net.integrator_supplier().empty() && g.supplier() == net.integrator_supplier())
        check.fail(q, "the integrator \"" + net.integrator_supplier() + "\" watches other suppliers' groups, not its own");
    }
  }
  if (any_ola && net.integrator_supplier().empty()) check.fail("resolver_network.integrator_supplier", "required when a group has an OLA");
  if (!net.integrator_supplier().empty() && !suppliers.count(net.integrator_supplier()))
    check.fail("resolver_network.integrator_supplier", "no supplier named \"" + net.integrator_supplier() + "\"");

  std::set<std::string> routed;
  for (int i = 0; i < net.routes_size(); ++i) {
    const auto& r = net.routes(i);
    const std::string p = at("resolver_network.routes", i);
    if (!category_names.count(r.category())) check.fail(p + ".category", "no category named \"" + r.category() + "\"");
    else if (!routed.insert(r.category()).second) check.fail(p + ".category", "category \"" + r.category() + "\" routed twice");
    if (r.groups_size() == 0) check.fail(p + ".groups", "at least one group is required");
    else group_shares(p + ".groups", r.groups(), true, "", 0);
  }
  for (const auto& c : category_names)
    if (!routed.count(c)) check.fail("resolver_network.routes", "no route for category \"" + c + "\"");
  if (net.has_handoff_delay_hours()) check.distribution(net.handoff_delay_hours(), "resolver_network.handoff_delay_hours");
}

}  // namespace desksim::models
