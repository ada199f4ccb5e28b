#include "models/scenario/ticket_flow_validator.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "models/desk/service_desk_config.hpp"
#include "models/scenario/calendar_date.hpp"
#include "models/scenario/field_checks.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::models {

namespace {

void probability_row(FieldChecks& check, const std::string& path, const google::protobuf::RepeatedField<double>& p) {
  double total = 0;
  for (int i = 0; i < p.size(); ++i) {
    check.probability(at(path, i), p[i]);
    total += p[i];
  }
  check.sums_to_one(path, total);
}

void waiting_rules(FieldChecks& check, const scenario::ResolverGroup& g, const std::string& p,
                   const std::set<std::string>& categories) {
  for (int j = 0; j < g.waiting_size(); ++j) {
    const auto& w = g.waiting(j);
    const std::string q = at(p + ".waiting", j);
    if (w.state() == scenario::WAITING_STATE_UNSPECIFIED || !scenario::WaitingState_IsValid(w.state()))
      check.fail(q + ".state", "required: WAITING_ON_USER, WAITING_ON_VENDOR or WAITING_ON_CHANGE");
    check.probability(q + ".probability", w.probability());
    if (!w.has_duration_hours()) check.fail(q + ".duration_hours", "required");
    else validate_distribution(w.duration_hours(), q + ".duration_hours", check.out());
    if (w.has_resume_work_hours()) validate_distribution(w.resume_work_hours(), q + ".resume_work_hours", check.out());
    if (!w.category().empty() && !categories.count(w.category()))
      check.fail(q + ".category", "no category named \"" + w.category() + "\"");
    if (w.priority() > 4) check.fail(q + ".priority", "must be 0 (any) or 1..4 (got " + std::to_string(w.priority()) + ")");
  }
  // A visit enters at most one state: for every category and priority, the most specific rule of
  // each state is chosen, and their probabilities must not exceed 1.
  std::vector<std::string> names(categories.begin(), categories.end());
  if (names.empty()) names.emplace_back();
  for (const auto& category : names)
    for (std::uint32_t priority = 1; priority <= 4; ++priority) {
      double total = 0;
      for (int state = scenario::WAITING_ON_USER; state <= scenario::WAITING_ON_CHANGE; ++state) {
        int best_score = -1;
        double best = 0;
        for (const auto& w : g.waiting()) {
          if (static_cast<int>(w.state()) != state) continue;
          if (!w.category().empty() && w.category() != category) continue;
          if (w.priority() != 0 && w.priority() != priority) continue;
          const int score = (w.category().empty() ? 0 : 2) + (w.priority() == 0 ? 0 : 1);
          if (score > best_score) best_score = score, best = w.probability();
        }
        total += best;
      }
      check.at_most_one(p + ".waiting", total,
                        "the waiting states' probabilities of category \"" + category + "\", priority " +
                            std::to_string(priority) + " (a visit waits at most once)");
    }
}

void dates(FieldChecks& check, const scenario::Demand& demand, const scenario::RunControl& run) {
  std::set<std::int64_t> seen;
  for (int i = 0; i < demand.date_factors_size(); ++i) {
    const auto& f = demand.date_factors(i);
    const std::string p = at("demand.date_factors", i);
    const auto day = parse_date(f.date());
    if (!day) check.fail(p + ".date", "must be a date YYYY-MM-DD (got \"" + f.date() + "\")");
    else if (!seen.insert(*day).second) check.fail(p + ".date", "date " + f.date() + " given twice");
    if (!(f.factor() >= 0) || !std::isfinite(f.factor()) || f.factor() > 1000)
      check.fail(p + ".factor", "must be in [0, 1000] (got " + number(f.factor()) + ")");
  }
  std::int64_t previous = std::numeric_limits<std::int64_t>::min();
  for (int i = 0; i < demand.level_changes_size(); ++i) {
    const auto& l = demand.level_changes(i);
    const std::string p = at("demand.level_changes", i);
    const auto day = parse_date(l.from_date());
    if (!day) check.fail(p + ".from_date", "must be a date YYYY-MM-DD (got \"" + l.from_date() + "\")");
    else if (*day <= previous) check.fail(p + ".from_date", "dates must increase (" + l.from_date() + " is not after the previous one)");
    else previous = *day;
    if (!(l.level() >= 0) || !std::isfinite(l.level()) || l.level() > 1000)
      check.fail(p + ".level", "must be in [0, 1000] (got " + number(l.level()) + ")");
  }
  const double trend = demand.trend_percent_per_year();
  if (!std::isfinite(trend) || trend < -100 || trend > 1000)
    check.fail("demand.trend_percent_per_year", "must be in [-100, 1000] percent per year (got " + number(trend) + ")");
  else if (trend < 0 && run.horizon_hours() > 0 && 1.0 + trend / 100.0 * run.horizon_hours() / (365.25 * 24) <= 0)
    check.fail("demand.trend_percent_per_year",
               "the rate would fall to zero before the horizon (" + number(trend) + " % a year over " +
                   number(run.horizon_hours()) + " h)");
}

}  // namespace

void validate_ticket_flow(const scenario::Scenario& s, std::vector<Diagnostic>* out) {
  FieldChecks check(out);
  std::set<std::string> categories;
  for (int i = 0; i < s.demand().categories_size(); ++i) {
    const auto& c = s.demand().categories(i);
    categories.insert(c.name());
    const std::string p = at("demand.categories", i);
    if (c.priority_probabilities_size() > 0) {
      if (c.priority_probabilities_size() != 4)
        check.fail(p + ".priority_probabilities", "must have exactly 4 values, P1..P4 (got " +
                                                      std::to_string(c.priority_probabilities_size()) + ")");
      else probability_row(check, p + ".priority_probabilities", c.priority_probabilities());
    }
    check.probability(p + ".cancel_probability", c.cancel_probability());
    if (c.cancel_probability() > 0 && !c.has_cancel_after_hours())
      check.fail(p + ".cancel_after_hours", "required when cancel_probability > 0");
    if (c.has_cancel_after_hours()) validate_distribution(c.cancel_after_hours(), p + ".cancel_after_hours", out);
  }
  dates(check, s.demand(), s.run());
  if (!s.has_resolver_network()) return;
  const auto& net = s.resolver_network();
  for (int i = 0; i < net.groups_size(); ++i) {
    const auto& g = net.groups(i);
    const std::string p = at("resolver_network.groups", i);
    waiting_rules(check, g, p, categories);
    if (g.has_later_visit_work_hours())
      validate_distribution(g.later_visit_work_hours(), p + ".later_visit_work_hours", out);
    if (g.has_handover_work_hours())
      validate_distribution(g.handover_work_hours(), p + ".handover_work_hours", out);
    if (!scenario::ResolverGroup::QueueDiscipline_IsValid(g.queue_discipline()))
      check.fail(p + ".queue_discipline", "must be PRIORITY, FIFO or EARLIEST_DEADLINE (got " +
                                              std::to_string(g.queue_discipline()) + ")");
  }
  for (int i = 0; i < net.routes_size(); ++i) {
    const auto& r = net.routes(i);
    if (r.reassignment_count_probabilities_size() == 0) continue;
    const std::string p = at("resolver_network.routes", i) + ".reassignment_count_probabilities";
    if (r.reassignment_count_probabilities_size() > 32)
      check.fail(p, "at most 32 values (0..31 reassignments; got " + std::to_string(r.reassignment_count_probabilities_size()) + ")");
    probability_row(check, p, r.reassignment_count_probabilities());
    if (r.groups_size() < 2 && r.reassignment_count_probabilities_size() > 1)
      check.fail(p, "a reassignment needs another group in the route's `groups` to go to");
  }
}

}  // namespace desksim::models
