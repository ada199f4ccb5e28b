#include "models/scenario/programme.hpp"

#include <google/protobuf/util/message_differencer.h>

#include <cmath>
#include <cstdio>

#include "models/scenario/calendar_date.hpp"
#include "models/scenario/engine_limits.hpp"
#include "models/scenario/field_path.hpp"
#include "models/scenario/scenario_overlay.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::models {

namespace {

using google::protobuf::util::MessageDifferencer;
constexpr double kSecondsPerDay = 86400.0;

std::string at(const std::string& path, int i) { return path + "[" + std::to_string(i) + "]"; }

template <typename List>
std::vector<std::string> names(const List& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e.name());
  return out;
}

// What the engine builds once per run and cannot change at a date. Each check names the first part
// of the scenario that differs from the scenario as written.
void check_unchanged(const scenario::Scenario& base, const scenario::Scenario& epoch, const std::string& where,
                     std::vector<Diagnostic>* out) {
  auto fail = [&](const std::string& field, const std::string& what) {
    out->push_back(Diagnostic{{}, 0, 0, where, what + " (" + field + ") cannot change by date"});
  };
  auto same = [](const google::protobuf::Message& a, const google::protobuf::Message& b) {
    return MessageDifferencer::Equals(a, b);
  };
  if (!same(base.run(), epoch.run())) fail("run", "the run section");
  // Components' reliability may change (the engine draws each next period from the law in force);
  // the rest of the infrastructure may not.
  auto without_reliability = [](scenario::Infrastructure infra) {
    for (auto& c : *infra.mutable_components()) {
      c.clear_time_to_failure_hours();
      c.clear_time_to_repair_hours();
      c.clear_change_recovery_hours();
    }
    return infra;
  };
  if (!same(without_reliability(base.infrastructure()), without_reliability(epoch.infrastructure())))
    fail("infrastructure", "the infrastructure other than its components' time_to_failure_hours, time_to_repair_hours and change_recovery_hours");
  if (base.calendars_size() != epoch.calendars_size()) fail("calendars", "the calendars");
  else
    for (int i = 0; i < base.calendars_size(); ++i)
      if (!same(base.calendars(i), epoch.calendars(i))) fail(at("calendars", i), "a calendar");
  if (!same(base.staff_cost(), epoch.staff_cost())) fail("staff_cost", "staff cost");
  const auto& bp = base.demand().population();
  const auto& ep = epoch.demand().population();
  if (names(bp.sites()) != names(ep.sites())) fail("demand.population.sites", "the sites");
  if (names(bp.device_profiles()) != names(ep.device_profiles())) fail("demand.population.device_profiles", "the device profiles");
  if (names(bp.segments()) != names(ep.segments())) fail("demand.population.segments", "the segments and their order");
  else
    for (int i = 0; i < bp.segments_size(); ++i) {
      const auto &a = bp.segments(i), &b = ep.segments(i);
      const std::string p = at("demand.population.segments", i);
      if (a.users() != b.users()) fail(p + ".users", "a segment's users");
      if (a.site_mix_size() != b.site_mix_size() || a.device_mix_size() != b.device_mix_size()) {
        fail(p, "a segment's site and device mixes");
        continue;
      }
      for (int k = 0; k < a.site_mix_size(); ++k)
        if (!same(a.site_mix(k), b.site_mix(k))) fail(p + ".site_mix", "a segment's site mix");
      for (int k = 0; k < a.device_mix_size(); ++k)
        if (!same(a.device_mix(k), b.device_mix(k))) fail(p + ".device_mix", "a segment's device mix");
    }
  if (names(base.demand().categories()) != names(epoch.demand().categories()))
    fail("demand.categories", "the categories and their order");
  if (names(base.desk().channels()) != names(epoch.desk().channels())) fail("desk.channels", "the channels and their order");
  if (base.desk().live_contacts_first() != epoch.desk().live_contacts_first())
    fail("desk.live_contacts_first", "the desk's queue discipline");
  if (base.desk().supplier() != epoch.desk().supplier()) fail("desk.supplier", "the desk's supplier");
  if (!same(base.desk().staff_cost(), epoch.desk().staff_cost())) fail("desk.staff_cost", "staff cost");
  std::vector<std::string> bs, es;
  for (const auto& s : base.slas()) bs.push_back(s.supplier());
  for (const auto& s : epoch.slas()) es.push_back(s.supplier());
  if (bs != es) fail("slas", "the suppliers with an SLA and their order");
  const auto &bn = base.resolver_network(), &en = epoch.resolver_network();
  if (base.has_resolver_network() != epoch.has_resolver_network()) fail("resolver_network", "the resolver network");
  if (names(bn.suppliers()) != names(en.suppliers())) fail("resolver_network.suppliers", "the suppliers and their order");
  if (bn.integrator_supplier() != en.integrator_supplier())
    fail("resolver_network.integrator_supplier", "the integrator");
  if (names(bn.groups()) != names(en.groups())) {
    fail("resolver_network.groups", "the groups and their order");
  } else {
    for (int i = 0; i < bn.groups_size(); ++i) {
      const auto &a = bn.groups(i), &b = en.groups(i);
      const std::string p = at("resolver_network.groups", i);
      if (a.supplier() != b.supplier()) fail(p + ".supplier", "a group's supplier");
      if (a.queue_discipline() != b.queue_discipline()) fail(p + ".queue_discipline", "a group's queue discipline");
      if (!same(a.staff_cost(), b.staff_cost())) fail(p + ".staff_cost", "staff cost");
      if (a.has_ola() != b.has_ola()) fail(p + ".ola", "whether a group has an OLA");
    }
  }
}

std::string format_value(double v) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

// Sets a ramped number: as it is, or, for a whole-number field (agents, servers), rounded to the
// nearest whole number (a ramp of staff moves one person at a time).
bool set_number(scenario::Scenario* s, const std::string& field, double v, std::string* error) {
  if (set_field_by_path(s, field, format_value(v), error)) return true;
  std::string ignored;
  return set_field_by_path(s, field, format_value(std::round(v)), &ignored);
}

// One dated change: a step's `change` and `set` at its date, or one step of a ramp (the ramp's value
// at the middle of [time, until), or its end value from `until` on).
struct Action {
  double time = 0;
  int step = 0;
  int part = 0;           // the ramp step number; -1 = a plain step; -2 = the ramp's end
  double share = 0;       // of the ramp done, at which the values are set
};

}  // namespace

bool expand_programme(const scenario::Scenario& s, std::vector<Epoch>* epochs, std::vector<Diagnostic>* problems) {
  epochs->clear();
  Epoch first;
  first.label = "start";
  first.scenario = s;
  first.scenario.clear_programme();
  epochs->push_back(std::move(first));
  if (!s.has_programme()) return true;
  const std::size_t before = problems->size();
  auto fail = [&](const std::string& path, const std::string& message) {
    problems->push_back(Diagnostic{{}, 0, 0, path, message});
  };
  const auto& programme = s.programme();
  if (s.demand().arrivals_per_hour() > 0 || !s.demand().has_population())
    fail("programme", "a programme needs population mode (demand.population)");
  const std::int64_t start_day = parse_date(s.run().start_date().empty() ? kDefaultStartDate : s.run().start_date()).value_or(0);
  const double horizon = s.run().horizon_hours() * 3600.0;
  const double step_seconds = (programme.ramp_step_days() > 0 ? programme.ramp_step_days() : 7) * kSecondsPerDay;

  // Every step's actions, checked; then applied in time order (steps may overlap: a change during a
  // ramp), each epoch starting where actions fall.
  std::vector<Action> actions;
  std::vector<double> step_start(static_cast<std::size_t>(programme.steps_size()), 0.0);
  double previous_from = 0.0;
  for (int k = 0; k < programme.steps_size(); ++k) {
    const auto& step = programme.steps(k);
    const std::string path = at("programme.steps", k);
    if (step.name().empty()) fail(path + ".name", "required");
    const auto from = parse_date(step.from_date());
    if (!from) {
      fail(path + ".from_date", "expected a date YYYY-MM-DD (got \"" + step.from_date() + "\")");
      continue;
    }
    const double t = static_cast<double>(*from - start_day) * kSecondsPerDay;
    if (t < previous_from) {
      fail(path + ".from_date", "must be on or after " + (k == 0 ? std::string("run.start_date") : "the previous step's from_date") +
                                    " (got " + step.from_date() + ")");
      continue;
    }
    previous_from = t;
    step_start[static_cast<std::size_t>(k)] = t;
    const bool ramp = step.ramps_size() > 0;
    if (ramp && (step.has_change() || step.set_size() > 0)) {
      fail(path, "a step ramps fields or changes them at its date, not both (make two steps)");
      continue;
    }
    if (!ramp && !step.has_change() && step.set_size() == 0) {
      fail(path, "nothing to change: give `change`, `set` or `ramps`");
      continue;
    }
    if (ramp == step.until_date().empty()) {
      fail(path + ".until_date", ramp ? "required with ramps" : "only with ramps");
      continue;
    }
    if (step.has_change()) {
      const auto& c = step.change();
      if (c.has_run() || !c.name().empty() || !c.extends().empty() || c.remove_size() > 0 || c.has_programme())
        fail(path + ".change", "may not set run, name, extends, remove or programme");
    }
    for (int i = 0; i < step.ramps_size(); ++i)
      if (!std::isfinite(step.ramps(i).to())) fail(at(path + ".ramps", i) + ".to", "must be finite");
    if (!(t < horizon)) continue;  // from the horizon on, a step changes nothing
    if (!ramp) {
      actions.push_back({t, k, -1, 0});
      continue;
    }
    const auto until = parse_date(step.until_date());
    if (!until || *until <= *from) {
      fail(path + ".until_date", "expected a date after from_date (got \"" + step.until_date() + "\")");
      continue;
    }
    // Steps of ramp_step_days from `from`; each holds the ramp's value at its middle, so that the
    // stepped value integrates to the ramp's integral; from `until` on, the end value.
    const double end = static_cast<double>(*until - start_day) * kSecondsPerDay;
    int part = 0;
    for (double a = t; a < end && a < horizon && actions.size() <= kMaxProgrammeChanges; a += step_seconds, ++part)
      actions.push_back({a, k, part, ((a + std::min(end, a + step_seconds)) / 2 - t) / (end - t)});
    if (end < horizon) actions.push_back({end, k, -2, 1.0});
  }
  if (actions.size() > kMaxProgrammeChanges)
    fail("programme", "more than " + std::to_string(kMaxProgrammeChanges) +
                          " dated changes (steps and steps of ramps), each held in memory for the run: use a longer "
                          "ramp_step_days or fewer steps");
  if (problems->size() != before) return false;
  std::stable_sort(actions.begin(), actions.end(), [](const Action& x, const Action& y) { return x.time < y.time; });

  std::vector<std::vector<double>> ramp_from(static_cast<std::size_t>(programme.steps_size()));
  for (const Action& action : actions) {
    const auto& step = programme.steps(action.step);
    const std::string path = at("programme.steps", action.step);
    std::string label = step.name() + " " + step.from_date();
    if (action.part > 0) label += " (ramp)";
    if (action.part == -2) label += " (ramp done)";
    if (epochs->back().start_seconds != action.time) {
      Epoch e;
      e.start_seconds = action.time;
      e.label = label;
      e.scenario = epochs->back().scenario;
      epochs->push_back(std::move(e));
    } else if (epochs->back().label == "start") {
      epochs->back().label = label;
    } else if (epochs->back().label.find(label) == std::string::npos) {
      epochs->back().label += ", " + label;
    }
    scenario::Scenario* in_force = &epochs->back().scenario;
    if (action.part == -1) {
      if (step.has_change()) {
        Provenance ignored;
        merge_overlay(WrittenFile{&step.change(), nullptr, ""}, in_force, &ignored, {});
      }
      for (int i = 0; i < step.set_size(); ++i) {
        std::string error;
        if (!set_field_by_path(in_force, step.set(i).field(), step.set(i).value(), &error)) fail(at(path + ".set", i), error);
      }
      continue;
    }
    auto& from_values = ramp_from[static_cast<std::size_t>(action.step)];
    if (action.part == 0) {  // the values in force where the ramp starts
      for (int i = 0; i < step.ramps_size(); ++i) {
        double v = 0;
        std::string error;
        if (!get_number_by_path(*in_force, step.ramps(i).field(), &v, &error)) fail(at(path + ".ramps", i) + ".field", error);
        from_values.push_back(v);
      }
    }
    for (int i = 0; i < step.ramps_size() && static_cast<std::size_t>(i) < from_values.size(); ++i) {
      std::string error;
      const double v = from_values[i] + (step.ramps(i).to() - from_values[i]) * action.share;
      if (!set_number(in_force, step.ramps(i).field(), v, &error)) fail(at(path + ".ramps", i), error);
    }
  }
  return problems->size() == before;
}

void validate_programme(const scenario::Scenario& scenario, std::vector<Diagnostic>* problems) {
  std::vector<Epoch> epochs;
  if (!expand_programme(scenario, &epochs, problems)) return;
  // Every epoch must be a valid scenario, and change only what can change during a run.
  scenario::Scenario written = scenario;
  written.clear_programme();
  for (std::size_t e = 0; e < epochs.size(); ++e) {
    const Epoch& epoch = epochs[e];
    if (e == 0 && epoch.label == "start") continue;  // the scenario as written: validated as such
    std::vector<Diagnostic> semantic;
    validate_scenario(epoch.scenario, &semantic);
    check_unchanged(written, epoch.scenario, "programme", &semantic);
    for (Diagnostic& d : semantic) {
      d.message = "from " + epoch.label + ": " + d.message;
      problems->push_back(std::move(d));
    }
  }
}

}  // namespace desksim::models
