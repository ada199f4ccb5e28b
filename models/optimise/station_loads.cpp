#include "models/optimise/station_loads.hpp"

#include <algorithm>
#include <map>

#include "models/desk/service_desk_config.hpp"
#include "models/scenario/distribution_conversion.hpp"
#include "models/scenario/resolver_visits.hpp"

namespace desksim::models {

namespace {

double mean_of(const scenario::Distribution& d) { return to_sim_distribution(d, 1.0).mean(); }

/// Tickets raised per hour in each half-hour of the week (before day factors, levels and trend).
std::vector<double> raised_per_hour(const scenario::Scenario& s, const ServiceDeskConfig* config) {
  std::vector<double> rate(kHalfHoursPerWeek, s.demand().arrivals_per_hour());
  if (config == nullptr) return rate;
  for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) rate[h] = config->rate_per_second_in_hour(h / 2) * 3600.0;
  return rate;
}

/// Mean work per visit of a group: first-visit work plus the work after waits that apply to every
/// category and priority.
double group_work_hours(const scenario::ResolverGroup& g) {
  double work = mean_of(g.work_hours());
  for (const auto& w : g.waiting())
    if (w.category().empty() && w.priority() == 0 && w.has_resume_work_hours())
      work += w.probability() * mean_of(w.resume_work_hours());
  return work;
}

}  // namespace

std::vector<StationLoad> station_loads(const scenario::Scenario& s) {
  std::vector<StationLoad> out;
  const bool population = uses_service_desk_model(s);
  ServiceDeskConfig config;
  if (population) config = make_service_desk_config(s);
  const std::vector<double> raised = raised_per_hour(s, population ? &config : nullptr);

  StationLoad desk;
  desk.name = "desk";
  desk.is_desk = true;
  desk.supplier = population ? s.desk().supplier() : "";
  if (!population) {
    desk.arrivals_per_hour = raised;
    desk.mean_work_hours = mean_of(s.desk().handle_time_minutes()) / 60.0;
    out.push_back(std::move(desk));
    return out;
  }
  // Shares of categories, and of those that bypass the desk.
  double category_total = 0;
  for (const auto& c : s.demand().categories()) category_total += c.weight();
  std::map<std::string, bool> bypass;
  if (s.has_resolver_network())
    for (const auto& r : s.resolver_network().routes()) bypass[r.category()] = r.bypass_desk();
  double desk_share = 0;
  for (const auto& c : s.demand().categories())
    if (!bypass[c.name()]) desk_share += c.weight() / category_total;
  // Channel mix over all segments, weighted by their rates; handle time and patience per channel.
  double channel_weight[kChannels] = {0, 0, 0, 0};
  for (const auto& seg : config.segments) {
    double previous = 0;
    for (std::size_t c = 0; c < kChannels && c < seg.channel_cumulative.size(); ++c) {
      channel_weight[c] += (seg.channel_cumulative[c] - previous) * seg.mean_rate_per_second;
      previous = seg.channel_cumulative[c];
    }
  }
  double total = 0, handle = 0, impatient = 0, patience_hours = 0;
  for (std::size_t c = 0; c < kChannels; ++c)
    if (config.channels[c].configured) total += channel_weight[c];
  for (std::size_t c = 0; c < kChannels; ++c) {
    if (!config.channels[c].configured || total <= 0) continue;
    const double share = channel_weight[c] / total;
    handle += share * config.channels[c].handle_time.mean() / 3600.0;
    if (config.channels[c].has_patience) {
      impatient += share;
      patience_hours += share * config.channels[c].patience.mean() / 3600.0;
    }
  }
  desk.arrivals_per_hour.resize(kHalfHoursPerWeek);
  for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) desk.arrivals_per_hour[h] = raised[h] * desk_share;
  desk.mean_work_hours = handle;
  desk.impatient_share = impatient;
  if (impatient > 0 && patience_hours > 0) desk.patience_rate_per_hour = impatient / patience_hours;
  out.push_back(std::move(desk));
  if (!s.has_resolver_network()) return out;

  // Resolver groups: visits per raised ticket from each category's chain.
  const auto& net = s.resolver_network();
  Eigen::VectorXd visits_per_ticket = Eigen::VectorXd::Zero(net.groups_size());
  for (const auto& route : net.routes()) {
    double weight = 0, fcr = 0;
    for (const auto& c : s.demand().categories())
      if (c.name() == route.category()) weight = c.weight(), fcr = c.first_contact_resolution_probability();
    const double share = weight / category_total * (route.bypass_desk() ? 1.0 : 1.0 - fcr);
    Eigen::VectorXd v;
    if (expected_visits(chain_for(net, route), &v)) visits_per_ticket += share * v;
  }
  for (int g = 0; g < net.groups_size(); ++g) {
    StationLoad load;
    load.name = net.groups(g).name();
    load.supplier = net.groups(g).supplier();
    load.arrivals_per_hour.resize(kHalfHoursPerWeek);
    for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) load.arrivals_per_hour[h] = raised[h] * visits_per_ticket(g);
    load.mean_work_hours = group_work_hours(net.groups(g));
    load.places_per_server = std::max(1u, net.groups(g).tickets_in_hand());
    out.push_back(std::move(load));
  }
  return out;
}

}  // namespace desksim::models
