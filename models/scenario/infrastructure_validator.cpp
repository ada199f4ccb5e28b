#include "models/scenario/infrastructure_validator.hpp"

#include "models/scenario/field_checks.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "models/scenario/scenario_validator.hpp"

namespace desksim::models {

namespace {

using Infra = scenario::Infrastructure;


void check_dependency(const Infra::Dependency& d, const std::string& path, const std::set<std::string>& components,
                      FieldChecks& check) {
  auto check_parts = [&](const auto& parts, const std::string& parts_path) {
    if (parts.empty()) check.fail(parts_path, "needs at least one part");
    for (int i = 0; i < parts.size(); ++i) check_dependency(parts[i], at(parts_path, i), components, check);
  };
  switch (d.rule_case()) {
    case Infra::Dependency::kComponent:
      if (!components.count(d.component()))
        check.fail(path + ".component", "unknown component \"" + d.component() + "\"");
      break;
    case Infra::Dependency::kAllOf: check_parts(d.all_of().parts(), path + ".all_of.parts"); break;
    case Infra::Dependency::kAnyOf: check_parts(d.any_of().parts(), path + ".any_of.parts"); break;
    case Infra::Dependency::kKOfN: {
      const auto& kn = d.k_of_n();
      check_parts(kn.parts(), path + ".k_of_n.parts");
      if (kn.k() < 1 || kn.k() > static_cast<std::uint32_t>(kn.parts_size()))
        check.fail(path + ".k_of_n.k", "must satisfy 1 <= k <= n = " + std::to_string(kn.parts_size()) +
                                           " parts (got k = " + std::to_string(kn.k()) + ")");
      break;
    }
    case Infra::Dependency::RULE_NOT_SET:
      check.fail(path, "no rule set (component, all_of, any_of or k_of_n)");
      break;
  }
}

}  // namespace

void validate_infrastructure(const Infra& infra, double horizon_hours, std::vector<Diagnostic>* out) {
  FieldChecks check(out);
  const std::string root = "infrastructure";
  if (!(horizon_hours > 0))
    check.fail("run.horizon_hours", "required (> 0) with an infrastructure section: failures never stop");

  std::set<std::string> datacentres, pools, components, services;
  for (int i = 0; i < infra.datacentres_size(); ++i)
    check.identifier(at(root + ".datacentres", i) + ".name", infra.datacentres(i).name(), &datacentres);
  for (int i = 0; i < infra.repair_crews_size(); ++i) {
    const std::string p = at(root + ".repair_crews", i);
    check.identifier(p + ".name", infra.repair_crews(i).name(), &pools);
    const auto& pool = infra.repair_crews(i);
    if (!pool.resolver_group().empty()) {
      if (pool.crews() != 0)
        check.fail(p + ".crews", "must be 0 when resolver_group is set: the group's roster gives the engineers (got " +
                                     std::to_string(pool.crews()) + ")");
    } else if (pool.crews() < 1) {
      check.fail(p + ".crews", "must be >= 1 (got " + std::to_string(pool.crews()) + ")");
    }
  }
  // Component names share SimGrid's namespace with the control host.
  components.insert("control");
  for (int i = 0; i < infra.components_size(); ++i) {
    const auto& c = infra.components(i);
    const std::string p = at(root + ".components", i);
    if (c.name() == "control") check.fail(p + ".name", "\"control\" is reserved (the engine's control host)");
    else check.identifier(p + ".name", c.name(), &components);
    if (c.kind() == Infra::Component::KIND_UNSPECIFIED)
      check.fail(p + ".kind", "required: HOST, CLUSTER, NETWORK_LINK or MOBILE_VOICE_PLATFORM");
    if (!c.datacentre().empty() && !datacentres.count(c.datacentre()))
      check.fail(p + ".datacentre", "unknown datacentre \"" + c.datacentre() + "\"");
    if (!c.has_time_to_failure_hours()) check.fail(p + ".time_to_failure_hours", "required");
    else validate_distribution(c.time_to_failure_hours(), p + ".time_to_failure_hours", out);
    if (!c.has_time_to_repair_hours()) check.fail(p + ".time_to_repair_hours", "required");
    else validate_distribution(c.time_to_repair_hours(), p + ".time_to_repair_hours", out);
    if (c.has_change_recovery_hours()) validate_distribution(c.change_recovery_hours(), p + ".change_recovery_hours", out);
    check.non_negative(p + ".failed_changes_per_year", c.failed_changes_per_year());
    check.non_negative(p + ".link_bandwidth_mbps", c.link_bandwidth_mbps());
    if (c.repair_crew().empty()) {
      if (infra.repair_crews_size() != 1)
        check.fail(p + ".repair_crew", "required when there is not exactly one repair crew pool (there are " +
                                           std::to_string(infra.repair_crews_size()) + ")");
    } else if (!pools.count(c.repair_crew())) {
      check.fail(p + ".repair_crew", "unknown repair crew pool \"" + c.repair_crew() + "\"");
    }
    if (c.cluster_nodes() > 0 && c.kind() != Infra::Component::CLUSTER)
      check.fail(p + ".cluster_nodes", "only for kind CLUSTER");
    if (c.link_bandwidth_mbps() > 0 && c.kind() != Infra::Component::NETWORK_LINK)
      check.fail(p + ".link_bandwidth_mbps", "only for kind NETWORK_LINK");
  }
  components.erase("control");

  for (int i = 0; i < infra.maintenance_size(); ++i) {
    const auto& w = infra.maintenance(i);
    const std::string p = at(root + ".maintenance", i);
    if (w.components().empty()) check.fail(p + ".components", "needs at least one component");
    for (int j = 0; j < w.components_size(); ++j)
      if (!components.count(w.components(j)))
        check.fail(at(p + ".components", j), "unknown component \"" + w.components(j) + "\"");
    check.non_negative(p + ".start_hours", w.start_hours());
    check.positive(p + ".duration_hours", w.duration_hours());
    check.non_negative(p + ".every_hours", w.every_hours());
    if (w.every_hours() > 0 && w.duration_hours() >= w.every_hours())
      check.fail(p + ".duration_hours", "must be < every_hours (" + number(w.every_hours()) + ") (got " +
                                            number(w.duration_hours()) + ")");
  }

  const auto& phases = infra.change_programme().phases();
  for (int i = 0; i < phases.size(); ++i) {
    const std::string p = at(root + ".change_programme.phases", i);
    check.non_negative(p + ".start_hours", phases[i].start_hours());
    if (!(phases[i].end_hours() > phases[i].start_hours()))
      check.fail(p + ".end_hours", "must be > start_hours (" + number(phases[i].start_hours()) + ") (got " +
                                       number(phases[i].end_hours()) + ")");
    check.non_negative(p + ".failed_change_multiplier", phases[i].failed_change_multiplier());
    for (int j = 0; j < i; ++j)
      if (phases[i].start_hours() < phases[j].end_hours() && phases[j].start_hours() < phases[i].end_hours())
        check.fail(p, "overlaps phase " + std::to_string(j));
  }

  for (int i = 0; i < infra.services_size(); ++i) {
    const auto& s = infra.services(i);
    const std::string p = at(root + ".services", i);
    check.identifier(p + ".name", s.name(), &services);
    if (!s.has_depends_on()) check.fail(p + ".depends_on", "required");
    else check_dependency(s.depends_on(), p + ".depends_on", components, check);
    if (s.availability_target_percent() != 0) check.percent(p + ".availability_target_percent", s.availability_target_percent(), false);
    check.non_negative(p + ".monthly_fee_pounds", s.monthly_fee_pounds());
    for (int j = 0; j < s.credit_bands_size(); ++j) {
      const std::string b = at(p + ".credit_bands", j);
      check.percent(b + ".availability_below_percent", s.credit_bands(j).availability_below_percent(), false);
      check.percent(b + ".credit_percent_of_monthly_fee", s.credit_bands(j).credit_percent_of_monthly_fee(), true);
    }
    const auto& windows = s.business_hours().windows();
    for (int j = 0; j < windows.size(); ++j) {
      const std::string w = at(p + ".business_hours.windows", j);
      if (windows[j].days().empty()) check.fail(w + ".days", "needs at least one day");
      for (int k = 0; k < windows[j].days_size(); ++k) {
        const int day = windows[j].days(k);
        if (day < 1 || day > 7) check.fail(at(w + ".days", k), "must be MONDAY..SUNDAY (got " + std::to_string(day) + ")");
      }
      const double a = windows[j].start_hour(), b = windows[j].end_hour();
      if (!(a >= 0 && a < b && b <= 24))
        check.fail(w, "needs 0 <= start_hour < end_hour <= 24 (got " + number(a) + " and " + number(b) + ")");
    }
    const auto& st = s.storm();
    check.non_negative(p + ".storm.peak_incidents_per_user_per_hour", st.peak_incidents_per_user_per_hour());
    check.non_negative(p + ".storm.rise_minutes", st.rise_minutes());
    check.non_negative(p + ".storm.decay_minutes", st.decay_minutes());
    if (st.has_handle_time_minutes()) validate_distribution(st.handle_time_minutes(), p + ".storm.handle_time_minutes", out);
  }
}

}  // namespace desksim::models
