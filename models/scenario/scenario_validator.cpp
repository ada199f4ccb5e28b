#include "models/scenario/scenario_validator.hpp"

#include "models/scenario/field_checks.hpp"
#include "models/cost/staff_cost.hpp"
#include "models/scenario/programme.hpp"

#include <cmath>
#include <sstream>

#include "models/scenario/distribution_conversion.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/scenario/infrastructure_validator.hpp"
#include "models/scenario/service_desk_validator.hpp"
#include "models/scenario/cross_section_validator.hpp"
#include "models/scenario/run_limits_validator.hpp"
#include "models/scenario/enum_values_check.hpp"
#include "models/scenario/input_limits.hpp"
#include "models/scenario/ticket_flow_validator.hpp"

namespace desksim::models {

namespace {


bool valid_name(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return true;
}

// `depth` counts the mixtures this distribution sits in. A mixture's weights and parts are checked
// here, each at its own field path; every other kind by the engine's own IsValid, so the schema and
// the engine cannot disagree.
void validate_distribution_at(const scenario::Distribution& d, const std::string& path, int depth,
                              std::vector<Diagnostic>* out) {
  FieldChecks check(out);
  if (d.kind_case() == scenario::Distribution::KIND_NOT_SET) {
    check.fail(path, "no distribution kind set (exponential, erlang, gamma, lognormal, ...)");
    return;
  }
  const auto* kind = scenario::Distribution::descriptor()->FindFieldByNumber(d.kind_case());
  if (d.kind_case() != scenario::Distribution::kMixture) {
    std::string error;
    if (!to_sim_distribution(d, 1.0).IsValid(&error)) check.fail(path + "." + kind->name(), error);
    return;
  }
  const std::string p = path + ".mixture";
  if (depth + 1 > sim::kMaxMixtureDepth) {
    check.fail(p, "mixtures nest at most " + std::to_string(sim::kMaxMixtureDepth) + " levels deep (this one is level " +
                      std::to_string(depth + 1) + ")");
    return;
  }
  const auto& parts = d.mixture().parts();
  if (parts.empty()) {
    check.fail(p + ".parts", "at least one part is required");
    return;
  }
  double total = 0.0;
  for (int i = 0; i < parts.size(); ++i) {
    check.probability(at(p + ".parts", i) + ".weight", parts[i].weight());
    total += parts[i].weight();
    validate_distribution_at(parts[i].distribution(), at(p + ".parts", i) + ".distribution", depth + 1, out);
  }
  check.sums_to_one(p + ".parts", total, "weights");
}

}  // namespace

void validate_distribution(const scenario::Distribution& d, const std::string& path, std::vector<Diagnostic>* out) {
  validate_distribution_at(d, path, 0, out);
}

void validate_scenario(const scenario::Scenario& s, std::vector<Diagnostic>* out) {
  // The checks below switch over enum values: one the schema does not name would reach a default.
  if (!check_enum_values(s, out)) return;
  const std::size_t before = out->size();
  FieldChecks check(out);
  if (!valid_name(s.name())) check.fail("name", "required: letters, digits, '-' or '_' (got \"" + s.name() + "\")");

  const auto& run = s.run();
  check.non_negative("run.horizon_hours", run.horizon_hours());
  check.non_negative("run.warmup_hours", run.warmup_hours());
  if (run.replications() > kMaxReplications)
    check.fail("run.replications", "at most " + std::to_string(kMaxReplications) + " (got " +
                                       std::to_string(run.replications()) + ")");
  if (run.horizon_hours() == 0 && run.max_tickets() == 0)
    check.fail("run", "set horizon_hours or max_tickets, or the run would never end");
  if (run.warmup_hours() > 0 && run.warmup_tickets() > 0)
    check.fail("run.warmup_tickets", "use warmup_hours or warmup_tickets, not both");
  if (run.horizon_hours() > 0 && run.warmup_hours() >= run.horizon_hours())
    check.fail("run.warmup_hours", "must be < horizon_hours (" + number(run.horizon_hours()) + "), or nothing is measured");

  // With an infrastructure section the desk is optional (an availability-only study); demand still
  // needs a desk to go to.
  const bool desk_optional = s.has_infrastructure();
  if (!s.has_demand()) {
    if (!desk_optional) check.fail("demand", "required");
  } else if (!uses_service_desk_model(s)) {
    check.positive("demand.arrivals_per_hour", s.demand().arrivals_per_hour());
  }

  if (!s.has_desk()) {
    if (!desk_optional || s.has_demand()) check.fail("desk", "required");
  } else if (uses_service_desk_model(s)) {
    check.non_negative("desk.service_level_threshold_seconds", s.desk().service_level_threshold_seconds());
  } else {
    if (s.desk().agents() < 1) check.fail("desk.agents", "must be >= 1 (got " + std::to_string(s.desk().agents()) + ")");
    if (!s.desk().has_handle_time_minutes()) check.fail("desk.handle_time_minutes", "required");
    else validate_distribution(s.desk().handle_time_minutes(), "desk.handle_time_minutes", out);
    check.non_negative("desk.service_level_threshold_seconds", s.desk().service_level_threshold_seconds());
  }
  validate_service_desk_fields(s, out);
  if (s.has_infrastructure()) validate_infrastructure(s.infrastructure(), run.horizon_hours(), out);
  validate_cross_section_links(s, out);
  validate_ticket_flow(s, out);
  validate_staff_costs(s, out);
  // Each epoch of a programme is validated as a scenario: only once the scenario as written is valid.
  if (s.has_programme() && out->size() == before) validate_programme(s, out);
  validate_run_limits(s, out);
}

}  // namespace desksim::models
