#include "models/scenario/run_limits_validator.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include <Eigen/Dense>

#include "models/desk/service_desk_config.hpp"
#include "models/scenario/distribution_conversion.hpp"
#include "models/scenario/engine_limits.hpp"
#include "models/scenario/field_checks.hpp"
#include "models/scenario/resolver_visits.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

namespace {

double mean_of(const scenario::Distribution& d) { return to_sim_distribution(d, 1.0).mean(); }

void at_most(FieldChecks& check, const std::string& path, double v, double limit, const std::string& unit = "") {
  if (v > limit) check.fail(path, "must be at most " + number(limit) + unit + " (got " + number(v) + ")");
}

void profile(FieldChecks& check, const std::string& path, const google::protobuf::RepeatedField<double>& w) {
  for (int i = 0; i < w.size(); ++i) at_most(check, at(path, i), w[i], kMaxProfileWeight);
}

void routing(FieldChecks& check, const scenario::Scenario& s) {
  const auto& net = s.resolver_network();
  if (net.groups_size() == 0) return;
  for (int r = 0; r < net.routes_size(); ++r) {
    Eigen::VectorXd visits;
    if (!expected_visits(chain_for(net, net.routes(r)), &visits))
      check.fail(at("resolver_network.routes", r),
                 "tickets of category \"" + net.routes(r).category() +
                     "\" would not leave the resolver groups: escalations, misroutes and transfers form a cycle "
                     "they leave with probability 0 (or after more than " + number(kMaxExpectedVisits) +
                     " visits on average)");
  }
}

double expected_hours_per_week(const scenario::BusinessCalendar& c) {
  double h = 0;
  for (const auto& d : c.working_days()) h += std::max(0.0, d.end_hour() - d.start_hour());
  return h;
}

}  // namespace

void validate_run_limits(const scenario::Scenario& s, std::vector<Diagnostic>* out) {
  FieldChecks check(out);
  const auto& run = s.run();
  at_most(check, "run.horizon_hours", run.horizon_hours(), kMaxHorizonHours);
  const double ticket_limit = run.allow_large() ? 1e18 : kMaxTicketsPerReplication;
  at_most(check, "run.max_tickets", static_cast<double>(run.max_tickets()), ticket_limit);
  at_most(check, "run.warmup_tickets", static_cast<double>(run.warmup_tickets()), ticket_limit);

  const auto& demand = s.demand();
  double tickets_per_hour = 0;
  if (s.has_demand() && !uses_service_desk_model(s)) {
    at_most(check, "demand.arrivals_per_hour", demand.arrivals_per_hour(), kMaxArrivalsPerHour);
    tickets_per_hour = demand.arrivals_per_hour();
    if (s.has_desk()) at_most(check, "desk.agents", s.desk().agents(), kMaxServers);
  } else if (s.has_demand()) {
    profile(check, "demand.hour_of_week_weights", demand.hour_of_week_weights());
    const double cv = demand.day_factor_cv();
    if (cv != 0 && !(cv >= kMinDayFactorCv && cv <= kMaxDayFactorCv))
      check.fail("demand.day_factor_cv", "must be 0 or in [" + number(kMinDayFactorCv) + ", " + number(kMaxDayFactorCv) +
                                             "] (got " + number(cv) + ")");
    for (int i = 0; i < demand.population().segments_size(); ++i) {
      const auto& seg = demand.population().segments(i);
      const std::string p = at("demand.population.segments", i);
      at_most(check, p + ".incidents_per_user_per_month", seg.incidents_per_user_per_month(), kMaxIncidentsPerUserPerMonth);
      profile(check, p + ".hour_of_week_weights", seg.hour_of_week_weights());
      if (std::isfinite(seg.incidents_per_user_per_month()))
        tickets_per_hour += seg.users() * seg.incidents_per_user_per_month() / (sim::kSecondsPerAverageMonth / 3600.0);
    }
    at_most(check, "desk.agents", s.desk().agents(), kMaxServers);
  }
  // The size of the run: a horizon run raises about rate x horizon tickets; a ticket-count run lasts
  // about (warm-up + measured tickets) / rate hours.
  if (tickets_per_hour > 0 && std::isfinite(tickets_per_hour)) {
    if (run.horizon_hours() > 0) {
      const double expected = tickets_per_hour * run.horizon_hours();
      if (expected > ticket_limit)
        check.fail("run.horizon_hours", "the run would raise about " + number(expected) + " tickets per replication (limit " +
                                            number(ticket_limit) + "; set run.allow_large to run it anyway)");
    } else if (run.max_tickets() > 0) {
      const double hours = static_cast<double>(run.max_tickets() + run.warmup_tickets()) / tickets_per_hour;
      if (hours > kMaxHorizonHours)
        check.fail("run.max_tickets", "at " + number(tickets_per_hour) + " tickets per hour the run would last about " +
                                          number(hours) + " simulated hours (limit " + number(kMaxHorizonHours) + ")");
    }
  }

  for (int i = 0; i < s.calendars_size(); ++i) {
    const double h = expected_hours_per_week(s.calendars(i));
    if (h < 1.0)
      check.fail(at("calendars", i) + ".working_days",
                 "at least 1 working hour a week is needed for SLA clocks to reach their targets (got " + number(h) + ")");
  }

  if (s.has_infrastructure()) {
    const auto& infra = s.infrastructure();
    for (int i = 0; i < infra.components_size(); ++i) {
      const auto& c = infra.components(i);
      if (!c.has_time_to_failure_hours() || !c.has_time_to_repair_hours()) continue;
      const double cycle = mean_of(c.time_to_failure_hours()) + mean_of(c.time_to_repair_hours());
      if (std::isfinite(cycle) && cycle < kMinRepeatHours)
        check.fail(at("infrastructure.components", i),
                   "mean time to failure plus mean time to repair must be at least " + number(kMinRepeatHours) +
                       " h (got " + number(cycle) + ")");
    }
    for (int i = 0; i < infra.maintenance_size(); ++i) {
      const double every = infra.maintenance(i).every_hours();
      if (every != 0 && every < kMinRepeatHours)
        check.fail(at("infrastructure.maintenance", i) + ".every_hours",
                   "must be 0 (once) or at least " + number(kMinRepeatHours) + " h (got " + number(every) + ")");
    }
    for (int i = 0; i < infra.services_size(); ++i)
      at_most(check, at("infrastructure.services", i) + ".storm.peak_incidents_per_user_per_hour",
              infra.services(i).storm().peak_incidents_per_user_per_hour(), kMaxStormPeakPerUserPerHour);
  }
  if (s.has_resolver_network()) {
    for (int g = 0; g < s.resolver_network().groups_size(); ++g) {
      const auto& group = s.resolver_network().groups(g);
      at_most(check, at("resolver_network.groups", g) + ".servers", group.servers(), kMaxServers);
      // Each person is tickets_in_hand places, and the engine keeps a record per place.
      std::uint32_t peak = group.servers();
      for (auto x : group.roster_servers_per_half_hour()) peak = std::max(peak, x);
      if (group.tickets_in_hand() > 1)
        at_most(check, at("resolver_network.groups", g) + ".tickets_in_hand",
                static_cast<double>(peak) * group.tickets_in_hand(), kMaxServers, " places (people at the peak x tickets in hand)");
    }
    routing(check, s);
  }
}

std::vector<std::string> overload_warnings(const scenario::Scenario& s) {
  std::vector<std::string> out;
  auto say = [&out](const std::string& station, double load, double servers) {
    std::ostringstream m;
    m.precision(3);
    m << station << ": offered load " << load << " Erlangs against " << servers
      << " servers on duty on average: its queue grows without bound (the run stops if the backlog explodes)";
    out.push_back(m.str());
  };
  if (!s.has_demand() || !s.has_desk()) return out;
  if (!uses_service_desk_model(s)) {
    const double load = s.demand().arrivals_per_hour() * mean_of(s.desk().handle_time_minutes()) / 60.0;
    if (load >= s.desk().agents()) say("desk", load, s.desk().agents());
    return out;
  }
  const ServiceDeskConfig config = make_service_desk_config(s);
  double rate = 0;  // tickets per hour
  for (const auto& seg : config.segments) rate += seg.mean_rate_per_second * 3600.0;
  double handle = 0;  // mean desk time per ticket of the channels without patience, hours
  double channel_weights[kChannels] = {0, 0, 0, 0};
  for (const auto& seg : config.segments) {
    double previous = 0;
    for (std::size_t c = 0; c < kChannels && c < seg.channel_cumulative.size(); ++c) {
      channel_weights[c] += (seg.channel_cumulative[c] - previous) * seg.mean_rate_per_second;
      previous = seg.channel_cumulative[c];
    }
  }
  // Contacts that abandon when they wait too long cannot pile up (Erlang A is stable under any load):
  // only the load of channels whose contacts wait for ever counts.
  double total_weight = 0;
  for (double w : channel_weights) total_weight += w;
  for (std::size_t c = 0; c < kChannels; ++c)
    if (total_weight > 0 && config.channels[c].configured && !config.channels[c].has_patience)
      handle += channel_weights[c] / total_weight * config.channels[c].handle_time.mean() / 3600.0;
  double agents = 0;
  for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) agents += config.agents_at(h * 1800.0 - config.hour_of_week_offset_seconds());
  agents /= static_cast<double>(kHalfHoursPerWeek);
  if (rate * handle >= agents) say("desk", rate * handle, agents);
  if (!s.has_resolver_network()) return out;
  // Resolver groups: arrivals from the traffic equations of each category, times the group's work.
  const auto& net = s.resolver_network();
  Eigen::VectorXd visits_per_hour = Eigen::VectorXd::Zero(net.groups_size());
  double category_total = 0;
  for (const auto& c : s.demand().categories()) category_total += c.weight();
  for (const auto& route : net.routes()) {
    double weight = 0, fcr = 0;
    for (const auto& c : s.demand().categories())
      if (c.name() == route.category()) weight = c.weight(), fcr = c.first_contact_resolution_probability();
    const double category_rate = rate * weight / category_total * (route.bypass_desk() ? 1.0 : 1.0 - fcr);
    Eigen::VectorXd v;
    if (expected_visits(chain_for(net, route), &v)) visits_per_hour += category_rate * v;
  }
  for (int g = 0; g < net.groups_size(); ++g) {
    const auto& gr = net.groups(g);
    double servers = gr.servers();
    if (gr.roster_servers_per_half_hour_size() > 0) {
      servers = 0;
      for (auto x : gr.roster_servers_per_half_hour()) servers += x;
      servers /= gr.roster_servers_per_half_hour_size();
    }
    const double load = visits_per_hour(g) * mean_of(gr.work_hours()) / std::max(1u, gr.tickets_in_hand());
    if (load >= servers) say("resolver group " + gr.name(), load, servers);
  }
  return out;
}

}  // namespace desksim::models
