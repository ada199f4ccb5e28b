#include "models/optimise/optimise_options.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include "models/desk/service_desk_config.hpp"
#include "models/scenario/scenario_file.hpp"
#include "models/scenario/text_format_errors.hpp"

namespace desksim::models {

namespace {

namespace pb = google::protobuf;


std::string share_text(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", x);
  return b;
}

/// The estimate name of a tally's share at or below a threshold (analysis/statistics/run_estimates.cpp).
std::string fraction_metric(const std::string& tally, double at_most) {
  char b[64];
  std::snprintf(b, sizeof b, ".fraction_le_%g", at_most);
  return tally + b;
}

bool in_open_unit(double x) { return std::isfinite(x) && x > 0.0 && x < 1.0; }

}  // namespace

bool OptimiseSettings::IsValid(std::string* error) const {
  auto fail = [error](const std::string& m) {
    if (error) *error = m;
    return false;
  };
  if (stations.empty()) return fail("stations: must not be empty");
  for (const auto& s : stations) {
    std::string why;
    if (!s.pattern.IsValid(&why)) return fail("stations[" + s.name + "].pattern." + why);
  }
  if (targets.empty()) return fail("targets: must not be empty");
  for (const auto& t : targets)
    if (!in_open_unit(t.level)) return fail("targets[" + t.label + "].level: must be in (0, 1)");
  if (!(confidence > 0.5 && confidence < 1.0)) return fail("confidence: must be in (0.5, 1)");
  if (replications < 2) return fail("replications: must be >= 2");
  if (!(beta_step > 0.0 && std::isfinite(beta_step))) return fail("beta_step: must be > 0");
  return true;
}

bool load_optimise_options(const std::string& path, scenario::OptimiseOptions* options,
                           std::vector<Diagnostic>* diagnostics) {
  std::string text;
  Diagnostic problem;
  if (!read_scenario_file(path, &text, &problem)) {
    diagnostics->push_back(problem);
    return false;
  }
  const std::size_t before = diagnostics->size();
  TextFormatErrors errors(path, diagnostics);
  pb::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(text, options) && diagnostics->size() == before)
    diagnostics->push_back(Diagnostic{path, 0, 0, {}, "cannot be parsed as OptimiseOptions"});
  return diagnostics->size() == before;
}

bool make_optimise_settings(const scenario::OptimiseOptions& o, const scenario::Scenario& s, const std::string& file,
                            OptimiseSettings* out, std::vector<Diagnostic>* diagnostics) {
  const std::size_t before = diagnostics->size();
  auto fail = [&](const std::string& field, const std::string& message) {
    diagnostics->push_back(Diagnostic{file, 0, 0, field, message});
  };
  *out = OptimiseSettings{};
  const bool population = uses_service_desk_model(s);

  if (!s.has_desk() || !s.has_demand()) {
    fail("", "the scenario has no desk and demand to staff (an availability-only study)");
    return false;
  }
  // Stations: the desk, then each resolver group, as station_loads() lists them.
  std::vector<std::string> names = {"desk"};
  if (population && s.has_resolver_network())
    for (const auto& g : s.resolver_network().groups()) names.push_back(g.name());
  std::map<std::string, int> rules_of;
  for (int i = 0; i < o.stations_size(); ++i) {
    const std::string field = "stations[" + std::to_string(i) + "].station";
    if (std::find(names.begin(), names.end(), o.stations(i).station()) == names.end())
      fail(field, "\"" + o.stations(i).station() + "\" is neither \"desk\" nor a resolver group of the scenario");
    else if (!rules_of.emplace(o.stations(i).station(), i).second)
      fail(field, "\"" + o.stations(i).station() + "\" is given twice");
  }
  auto check_rules = [&](const scenario::ShiftRules& r, const std::string& field) {
    for (int i = 0; i < r.start_half_hours_size(); ++i)
      if (r.start_half_hours(i) > 47)
        fail(field + ".start_half_hours[" + std::to_string(i) + "]", "must be in 0..47 (got " + std::to_string(r.start_half_hours(i)) + ")");
    for (int i = 0; i < r.lengths_half_hours_size(); ++i)
      if (r.lengths_half_hours(i) < 1 || r.lengths_half_hours(i) > 48)
        fail(field + ".lengths_half_hours[" + std::to_string(i) + "]", "must be in 1..48 (got " + std::to_string(r.lengths_half_hours(i)) + ")");
  };
  check_rules(o.default_shift_rules(), "default_shift_rules");
  for (int i = 0; i < o.stations_size(); ++i) check_rules(o.stations(i).shift_rules(), "stations[" + std::to_string(i) + "].shift_rules");
  const bool rules_ok = diagnostics->size() == before;  // patterns are built only from valid rules
  for (const std::string& name : names) {
    if (!rules_ok) break;
    StationPlan plan;
    plan.name = name;
    const auto it = rules_of.find(name);
    const scenario::ShiftRules& rules =
        it != rules_of.end() && o.stations(it->second).has_shift_rules() ? o.stations(it->second).shift_rules() : o.default_shift_rules();
    const std::string field = it != rules_of.end() && o.stations(it->second).has_shift_rules()
                                  ? "stations[" + std::to_string(it->second) + "].shift_rules"
                                  : "default_shift_rules";
    plan.pattern = weekly_pattern({rules.start_half_hours().begin(), rules.start_half_hours().end()},
                                  {rules.lengths_half_hours().begin(), rules.lengths_half_hours().end()});
    plan.minimum_on_duty = rules.has_minimum_on_duty() ? rules.minimum_on_duty() : (name == "desk" ? 1u : 0u);
    plan.fixed = it != rules_of.end() && o.stations(it->second).fixed();
    std::string why;
    if (!plan.pattern.IsValid(&why)) fail(field, why);
    out->stations.push_back(std::move(plan));
  }

  // Targets.
  std::set<std::string> sla_suppliers;
  for (const auto& sla : s.slas()) sla_suppliers.insert(sla.supplier());
  for (int i = 0; i < o.targets_size(); ++i) {
    const auto& t = o.targets(i);
    const std::string field = "targets[" + std::to_string(i) + "]";
    if (!in_open_unit(t.attainment())) fail(field + ".attainment", "must be in (0, 1) (got " + share_text(t.attainment()) + ")");
    if (t.priority() > 4) fail(field + ".priority", "must be 0 (all) or 1..4 (got " + std::to_string(t.priority()) + ")");
    StaffingTarget target;
    target.level = t.attainment();
    target.priority = t.priority();
    const std::string p = t.priority() == 0 ? "" : ".P" + std::to_string(t.priority());
    switch (t.clock()) {
      case scenario::DESK_SERVICE_LEVEL: {
        if (!t.supplier().empty() || t.priority() != 0)
          fail(field, "DESK_SERVICE_LEVEL takes neither supplier nor priority");
        const double seconds = s.desk().service_level_threshold_seconds() > 0 ? s.desk().service_level_threshold_seconds() : 20.0;
        target.label = "desk answered within " + share_text(seconds) + " s";
        target.metric = fraction_metric("desk.wait_hours", seconds / 3600.0);
        target.desk_only = true;
        break;
      }
      case scenario::RESPONSE:
      case scenario::RESOLUTION: {
        if (!population) fail(field + ".clock", "the simple form keeps no SLA clocks: use DESK_SERVICE_LEVEL");
        if (!sla_suppliers.count(t.supplier())) fail(field + ".supplier", "no SLA for supplier \"" + t.supplier() + "\" in the scenario");
        const bool response = t.clock() == scenario::RESPONSE;
        target.label = t.supplier() + (t.priority() == 0 ? " all priorities" : " P" + std::to_string(t.priority())) +
                       (response ? " response" : " resolution");
        target.metric = "supplier." + t.supplier() + (response ? ".response_attainment" : ".resolution_attainment") + p + ".mean";
        target.station_supplier = t.supplier();
        // The desk's supplier answers at the desk; another supplier's response is its groups' first answer.
        target.desk_only = response && t.supplier() == s.desk().supplier();
        target.response = response;
        break;
      }
      default:
        fail(field + ".clock", "must be RESPONSE, RESOLUTION or DESK_SERVICE_LEVEL");
    }
    out->targets.push_back(std::move(target));
  }
  if (o.targets_size() == 0 && population) {
    // Default: the overall resolution attainment at which each supplier pays no band credit.
    if (s.has_resolver_network())
      for (const auto& sup : s.resolver_network().suppliers()) {
        if (!sla_suppliers.count(sup.name()) || sup.contract().bands_size() == 0) continue;
        double highest = 0;
        for (const auto& b : sup.contract().bands()) highest = std::max(highest, b.attainment_below_percent());
        if (highest <= 0 || highest >= 100) continue;
        StaffingTarget t;
        t.label = sup.name() + " all priorities resolution (contract's highest credit band)";
        t.metric = "supplier." + sup.name() + ".resolution_attainment.mean";
        t.level = highest / 100.0;
        t.station_supplier = sup.name();
        out->targets.push_back(std::move(t));
      }
  }
  if (o.has_phone_abandon_ceiling()) {
    if (!in_open_unit(o.phone_abandon_ceiling()))
      fail("phone_abandon_ceiling", "must be in (0, 1) (got " + share_text(o.phone_abandon_ceiling()) + ")");
    StaffingTarget t;
    t.label = "phone abandonment";
    t.metric = "desk.abandon.phone.mean";
    t.level = o.phone_abandon_ceiling();
    t.ceiling = true;
    t.desk_only = true;
    out->targets.push_back(std::move(t));
  }
  if (out->targets.empty())
    fail("targets", "no target: give targets (no supplier of the scenario has a contract with credit bands to default to)");
  out->confidence = o.has_confidence() ? o.confidence() : 0.95;
  if (!(out->confidence > 0.5 && out->confidence < 1.0)) fail("confidence", "must be in (0.5, 1) (got " + share_text(out->confidence) + ")");
  const unsigned scenario_reps = s.run().replications() > 0 ? s.run().replications() : 1;
  out->replications = o.replications_per_candidate() > 0 ? o.replications_per_candidate() : std::max(3u, scenario_reps);
  if (out->replications < 2) fail("replications_per_candidate", "must be >= 2 (an interval needs spread)");
  if (out->replications > 1000) fail("replications_per_candidate", "must be at most 1000");
  out->beta_step = o.has_beta_step() ? o.beta_step() : 0.1;
  if (!(out->beta_step >= 0.01 && out->beta_step <= 10)) fail("beta_step", "must be in [0.01, 10] (got " + share_text(out->beta_step) + ")");
  return diagnostics->size() == before;
}

}  // namespace desksim::models
