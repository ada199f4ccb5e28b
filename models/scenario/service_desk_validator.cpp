#include "models/scenario/service_desk_validator.hpp"

#include "models/scenario/field_checks.hpp"

#include <cmath>
#include <set>
#include <sstream>

#include "models/desk/service_desk_config.hpp"
#include "models/scenario/calendar_date.hpp"
#include "models/scenario/resolver_validator.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::models {

namespace {

}  // namespace

void validate_service_desk_fields(const scenario::Scenario& s, std::vector<Diagnostic>* out) {
  FieldChecks check(out);
  if (!s.run().start_date().empty() && !parse_date(s.run().start_date()))
    check.fail("run.start_date", "must be a date \"YYYY-MM-DD\" (got \"" + s.run().start_date() + "\")");
  if (!uses_service_desk_model(s)) {
    if (s.has_resolver_network()) check.fail("resolver_network", "needs population mode (demand.population)");
    return;
  }

  const auto& run = s.run();
  if (run.max_tickets() > 0) check.fail("run.max_tickets", "population mode runs by time: set horizon_hours, not max_tickets");
  if (run.warmup_tickets() > 0) check.fail("run.warmup_tickets", "population mode warms up by time: use warmup_hours");
  if (run.horizon_hours() <= 0) check.fail("run.horizon_hours", "population mode needs horizon_hours > 0");

  const auto& demand = s.demand();
  if (demand.arrivals_per_hour() != 0)
    check.fail("demand.arrivals_per_hour", "must be 0 (unset) when demand.population is set: rates come from the segments");
  if (demand.hour_of_week_weights_size() > 0) check.weights("demand.hour_of_week_weights", demand.hour_of_week_weights(), kHoursPerWeek);
  check.non_negative("demand.day_factor_cv", demand.day_factor_cv());

  const auto& pop = demand.population();
  std::set<std::string> sites, devices, names;
  for (int i = 0; i < pop.sites_size(); ++i) check.name(at("demand.population.sites", i) + ".name", pop.sites(i).name(), &sites);
  if (sites.empty() && pop.sites_size() == 0) sites.insert("all");
  for (int i = 0; i < pop.device_profiles_size(); ++i)
    check.name(at("demand.population.device_profiles", i) + ".name", pop.device_profiles(i).name(), &devices);
  if (devices.empty() && pop.device_profiles_size() == 0) devices.insert("standard");
  if (pop.segments_size() == 0) check.fail("demand.population.segments", "at least one segment is required");
  std::set<std::string> configured_channels;
  for (const auto& ch : s.desk().channels()) configured_channels.insert(ch.name());
  std::uint64_t users = 0;
  for (int i = 0; i < pop.segments_size(); ++i) {
    const auto& seg = pop.segments(i);
    const std::string p = at("demand.population.segments", i);
    check.name(p + ".name", seg.name(), &names);
    if (seg.users() < 1) check.fail(p + ".users", "must be >= 1 (got " + std::to_string(seg.users()) + ")");
    users += seg.users();
    check.positive(p + ".incidents_per_user_per_month", seg.incidents_per_user_per_month());
    if (seg.hour_of_week_weights_size() > 0) check.weights(p + ".hour_of_week_weights", seg.hour_of_week_weights(), kHoursPerWeek);
    check.mix(p + ".site_mix", seg.site_mix(), sites, "site");
    check.mix(p + ".device_mix", seg.device_mix(), devices, "device profile");
    if (seg.channel_mix_size() == 0) check.fail(p + ".channel_mix", "required: which channels this segment's incidents use");
    check.mix(p + ".channel_mix", seg.channel_mix(), configured_channels, "channel in desk.channels");
  }
  if (users > 16'000'000) check.fail("demand.population.segments", "at most 16,000,000 users in total (got " + std::to_string(users) + ")");

  if (demand.categories_size() == 0) check.fail("demand.categories", "at least one category is required in population mode");
  std::set<std::string> categories;
  double category_total = 0;
  for (int i = 0; i < demand.categories_size(); ++i) {
    const auto& cat = demand.categories(i);
    const std::string p = at("demand.categories", i);
    check.name(p + ".name", cat.name(), &categories);
    check.non_negative(p + ".weight", cat.weight());
    category_total += cat.weight();
    check.probabilities(p + ".impact_probabilities", cat.impact_probabilities(), 3);
    check.probabilities(p + ".urgency_probabilities", cat.urgency_probabilities(), 3);
    check.probability(p + ".first_contact_resolution_probability", cat.first_contact_resolution_probability());
  }
  if (demand.categories_size() > 0 && !(category_total > 0)) check.fail("demand.categories", "weights must not all be 0");

  const auto& desk = s.desk();
  if (desk.roster_agents_per_half_hour_size() > 0) {
    if (desk.roster_agents_per_half_hour_size() != static_cast<int>(kHalfHoursPerWeek))
      check.fail("desk.roster_agents_per_half_hour",
                 "must have exactly 336 values (got " + std::to_string(desk.roster_agents_per_half_hour_size()) + ")");
    std::uint32_t peak = 0;
    for (auto a : desk.roster_agents_per_half_hour()) peak = std::max(peak, a);
    if (peak == 0) check.fail("desk.roster_agents_per_half_hour", "no agent is ever on duty");
    if (peak > 100000) check.fail("desk.roster_agents_per_half_hour", "at most 100000 agents (got " + std::to_string(peak) + ")");
  } else if (desk.agents() < 1) {
    check.fail("desk.agents", "must be >= 1 when no roster is given (got " + std::to_string(desk.agents()) + ")");
  }
  if (desk.channels_size() == 0) check.fail("desk.channels", "at least one channel is required in population mode");
  std::set<std::string> channel_names;
  for (int i = 0; i < desk.channels_size(); ++i) {
    const auto& ch = desk.channels(i);
    const std::string p = at("desk.channels", i);
    const int index = channel_index(ch.name());
    if (index < 0) check.fail(p + ".name", "must be one of phone, portal, email, walk_in (got \"" + ch.name() + "\")");
    else if (!channel_names.insert(ch.name()).second) check.fail(p + ".name", "duplicate channel \"" + ch.name() + "\"");
    const bool live = index == kPhone || index == kWalkIn;
    if (!ch.has_handle_time_minutes()) check.fail(p + ".handle_time_minutes", "required");
    else validate_distribution(ch.handle_time_minutes(), p + ".handle_time_minutes", out);
    if (ch.has_patience_minutes()) {
      if (!live) check.fail(p + ".patience_minutes", "only phone and walk_in contacts abandon");
      validate_distribution(ch.patience_minutes(), p + ".patience_minutes", out);
    }
    check.probability(p + ".redial_probability", ch.redial_probability());
    if (ch.redial_probability() > 0) {
      if (!ch.has_patience_minutes()) check.fail(p + ".redial_probability", "needs patience_minutes: only abandoned contacts redial");
      if (!ch.has_redial_delay_minutes()) check.fail(p + ".redial_delay_minutes", "required when redial_probability > 0");
    }
    if (ch.has_redial_delay_minutes()) validate_distribution(ch.redial_delay_minutes(), p + ".redial_delay_minutes", out);
    check.probability(p + ".callback_acceptance_probability", ch.callback_acceptance_probability());
    if (ch.callback_offer_queue_length() > 0 && index != kPhone)
      check.fail(p + ".callback_offer_queue_length", "callbacks are offered on the phone channel only");
  }
  if (desk.priority_matrix_size() > 0) {
    if (desk.priority_matrix_size() != 9)
      check.fail("desk.priority_matrix", "must have exactly 9 values (got " + std::to_string(desk.priority_matrix_size()) + ")");
    for (int i = 0; i < desk.priority_matrix_size(); ++i)
      if (desk.priority_matrix(i) < 1 || desk.priority_matrix(i) > 4)
        check.fail(at("desk.priority_matrix", i), "must be a priority 1..4 (got " + std::to_string(desk.priority_matrix(i)) + ")");
  }
  if (s.has_resolver_network()) {
    validate_resolver_network(s, out);  // the stand-in delay is then not used
  } else if (!desk.has_resolver() || !desk.resolver().has_resolved_elsewhere_hours()) {
    check.fail("desk.resolver.resolved_elsewhere_hours", "required in population mode (or set resolver_network)");
  } else {
    validate_distribution(desk.resolver().resolved_elsewhere_hours(), "desk.resolver.resolved_elsewhere_hours", out);
  }
  check.probability("desk.resolver.pending_user_probability", desk.resolver().pending_user_probability());
  if (desk.resolver().pending_user_probability() > 0 && !desk.resolver().has_pending_user_hours())
    check.fail("desk.resolver.pending_user_hours", "required when pending_user_probability > 0");
  if (desk.resolver().has_pending_user_hours())
    validate_distribution(desk.resolver().pending_user_hours(), "desk.resolver.pending_user_hours", out);
  const auto& life = desk.lifecycle();
  check.non_negative("desk.lifecycle.auto_close_hours", life.auto_close_hours());
  check.probability("desk.lifecycle.reopen_probability", life.reopen_probability());
  if (life.reopen_probability() > 0 && !life.has_reopen_after_hours())
    check.fail("desk.lifecycle.reopen_after_hours", "required when reopen_probability > 0");
  if (life.has_reopen_after_hours()) {
    validate_distribution(life.reopen_after_hours(), "desk.lifecycle.reopen_after_hours", out);
    const double close = life.auto_close_hours() > 0 ? life.auto_close_hours() : 120.0;
    std::string ignored;
    // Reopening happens before closure: the support of reopen_after_hours must stay below auto_close_hours.
    const auto& r = life.reopen_after_hours();
    double upper = -1;
    if (r.has_deterministic()) upper = r.deterministic().value();
    else if (r.has_uniform()) upper = r.uniform().high();
    else if (r.has_triangular()) upper = r.triangular().high();
    if (upper < 0)
      check.fail("desk.lifecycle.reopen_after_hours", "must be bounded (deterministic, uniform or triangular) to stay below auto_close_hours");
    else if (upper >= close)
      check.fail("desk.lifecycle.reopen_after_hours", "must stay below auto_close_hours (" + number(close) + "), got up to " + number(upper));
  }

  std::set<std::string> calendars = {"24x7"};
  for (int i = 0; i < s.calendars_size(); ++i) {
    const auto& cal = s.calendars(i);
    const std::string p = at("calendars", i);
    if (cal.name() == "24x7") check.fail(p + ".name", "\"24x7\" is built in and cannot be redefined");
    else check.name(p + ".name", cal.name(), &calendars);
    std::set<unsigned> weekdays;
    for (int j = 0; j < cal.working_days_size(); ++j) {
      const auto& wd = cal.working_days(j);
      const std::string q = at(p + ".working_days", j);
      if (wd.weekday() < 1 || wd.weekday() > 7) check.fail(q + ".weekday", "must be 1 (Monday) .. 7 (Sunday) (got " + std::to_string(wd.weekday()) + ")");
      else if (!weekdays.insert(wd.weekday()).second) check.fail(q + ".weekday", "weekday " + std::to_string(wd.weekday()) + " given twice");
      if (!(wd.start_hour() >= 0 && wd.start_hour() < wd.end_hour() && wd.end_hour() <= 24))
        check.fail(q, "needs 0 <= start_hour < end_hour <= 24 (got " + number(wd.start_hour()) + " to " + number(wd.end_hour()) + ")");
    }
    if (cal.working_days_size() == 0) check.fail(p + ".working_days", "a calendar needs at least one working day");
    for (int j = 0; j < cal.holidays_size(); ++j)
      if (!parse_date(cal.holidays(j))) check.fail(at(p + ".holidays", j), "must be a date \"YYYY-MM-DD\" (got \"" + cal.holidays(j) + "\")");
  }
  if (desk.supplier().empty()) check.fail("desk.supplier", "required in population mode: whose SLA applies");
  std::set<std::string> suppliers;
  bool found = false;
  for (int i = 0; i < s.slas_size(); ++i) {
    const auto& sla = s.slas(i);
    const std::string p = at("slas", i);
    check.name(p + ".supplier", sla.supplier(), &suppliers);
    found = found || sla.supplier() == desk.supplier();
    std::set<unsigned> priorities;
    for (int j = 0; j < sla.targets_size(); ++j) {
      const auto& t = sla.targets(j);
      const std::string q = at(p + ".targets", j);
      if (t.priority() < 1 || t.priority() > 4) check.fail(q + ".priority", "must be 1..4 (got " + std::to_string(t.priority()) + ")");
      else if (!priorities.insert(t.priority()).second) check.fail(q + ".priority", "priority " + std::to_string(t.priority()) + " given twice");
      check.positive(q + ".response_minutes", t.response_minutes());
      check.positive(q + ".resolution_hours", t.resolution_hours());
      if (!t.calendar().empty() && !calendars.count(t.calendar())) check.fail(q + ".calendar", "no calendar named \"" + t.calendar() + "\"");
    }
    if (priorities.size() != 4) check.fail(p + ".targets", "needs one target for each priority 1..4 (got " + std::to_string(priorities.size()) + ")");
  }
  if (!desk.supplier().empty() && !found) check.fail("slas", "no SLA for the desk's supplier \"" + desk.supplier() + "\"");
}

}  // namespace desksim::models
