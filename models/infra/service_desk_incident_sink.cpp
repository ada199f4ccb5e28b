#include "models/infra/service_desk_incident_sink.hpp"

#include <algorithm>

namespace desksim::models {

namespace {

/// Index of `name` in `names`; the validator has checked that it is there.
std::size_t index_of(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

}  // namespace

ServiceDeskIncidentSink::ServiceDeskIncidentSink(const scenario::Infrastructure& infrastructure,
                                                 const ServiceDeskConfig& config, const Population& population,
                                                 ServiceFlow& desk, sim::SignalBus& signals, std::uint64_t seed,
                                                 std::uint64_t replication)
    : desk_(desk), signals_(signals), raised_(signals.declare("storm.raised", "1", "a storm incident reached the desk")) {
  std::vector<std::string> segment_names, category_names;
  for (const auto& s : config.segments) segment_names.push_back(s.name);
  for (const auto& c : config.categories) category_names.push_back(c.name);
  for (const auto& service : infrastructure.services()) {
    std::vector<bool> segment_wanted(config.segments.size(), service.dependent_segments().empty());
    for (const auto& name : service.dependent_segments()) segment_wanted[index_of(segment_names, name)] = true;
    std::vector<bool> site_wanted(config.sites.size(), service.dependent_sites().empty());
    for (const auto& name : service.dependent_sites()) site_wanted[index_of(config.sites, name)] = true;

    Route route{{}, 0, 3, 0, sim::RandomStream(seed, replication, sim::stream_id_for("storm." + service.name() + ".user"))};
    for (std::size_t s = 0; s < config.segments.size(); ++s) {
      if (!segment_wanted[s]) continue;
      for (std::uint32_t u = population.first_user(s); u < population.first_user(s) + population.users_in(s); ++u)
        if (site_wanted[population.user(u).site]) route.users.push_back(u);
    }
    const auto& storm = service.storm();
    route.channel = static_cast<std::uint8_t>(channel_index(storm.channel().empty() ? "phone" : storm.channel()));
    route.priority = static_cast<std::uint8_t>(storm.priority() == 0 ? 3 : storm.priority());
    route.category = static_cast<std::uint16_t>(storm.category().empty() ? 0 : index_of(category_names, storm.category()));
    routes_.push_back(std::move(route));
  }
}

std::vector<std::uint32_t> ServiceDeskIncidentSink::dependent_user_counts() const {
  std::vector<std::uint32_t> counts;
  for (const Route& r : routes_) counts.push_back(static_cast<std::uint32_t>(r.users.size()));
  return counts;
}

void ServiceDeskIncidentSink::raise_incident(const StormIncident& incident) {
  Route& route = routes_.at(incident.service);
  if (route.users.empty()) return;  // nobody depends on it: the storm has zero rate anyway
  const auto pick = static_cast<std::size_t>(route.pick.uniform() * static_cast<double>(route.users.size()));
  const std::uint32_t user = route.users[std::min(pick, route.users.size() - 1)];
  signals_.emit(raised_, incident.raised_at, 1.0);
  desk_.raise(user, route.category, route.priority, route.channel, incident.work,
              parent_id(incident.service, incident.major_incident));
}

void ServiceDeskIncidentSink::major_incident_resolved(std::uint32_t service, std::uint64_t major_incident, sim::Time) {
  desk_.resolve_linked(parent_id(service, major_incident));
}

}  // namespace desksim::models
