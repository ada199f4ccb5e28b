#include "models/scenario/cross_section_validator.hpp"

#include <set>
#include <string>

#include "models/desk/service_desk_config.hpp"
#include "models/scenario/field_checks.hpp"

namespace desksim::models {

void validate_cross_section_links(const scenario::Scenario& s, std::vector<Diagnostic>* out) {
  if (!s.has_infrastructure()) return;
  FieldChecks check(out);
  auto fail = [&check](const std::string& path, const std::string& message) { check.fail(path, message); };
  const bool population = uses_service_desk_model(s);
  std::set<std::string> segments, sites, categories, channels;
  if (population) {
    for (const auto& seg : s.demand().population().segments()) segments.insert(seg.name());
    for (const auto& site : s.demand().population().sites()) sites.insert(site.name());
    if (sites.empty()) sites.insert("all");
    for (const auto& c : s.demand().categories()) categories.insert(c.name());
    for (const auto& c : s.desk().channels()) channels.insert(c.name());
  }
  // Crews drawn from resolver groups need the network and a group of that name.
  std::set<std::string> groups;
  for (const auto& g : s.resolver_network().groups()) groups.insert(g.name());
  const auto& pools = s.infrastructure().repair_crews();
  for (int i = 0; i < pools.size(); ++i) {
    const std::string& group = pools[i].resolver_group();
    if (group.empty()) continue;
    const std::string p = at("infrastructure.repair_crews", i) + ".resolver_group";
    if (!s.has_resolver_network()) fail(p, "needs resolver_network (and population mode)");
    else if (groups.count(group) == 0) fail(p, "unknown resolver group \"" + group + "\"");
  }

  const auto& services = s.infrastructure().services();
  for (int i = 0; i < services.size(); ++i) {
    const auto& service = services[i];
    const std::string p = at("infrastructure.services", i);
    const auto& storm = service.storm();
    if (!population) {
      if (service.dependent_segments_size() > 0 || service.dependent_sites_size() > 0)
        fail(p + ".dependent_segments", "needs demand.population (population mode); set dependent_users instead");
      if (!storm.channel().empty() || storm.priority() != 0 || !storm.category().empty())
        fail(p + ".storm", "channel, priority and category need demand.population (population mode)");
      continue;
    }
    if (service.dependent_users() != 0)
      fail(p + ".dependent_users", "must be 0 in population mode: dependent users come from dependent_segments and "
                                   "dependent_sites (got " + std::to_string(service.dependent_users()) + ")");
    for (int j = 0; j < service.dependent_segments_size(); ++j)
      if (segments.count(service.dependent_segments(j)) == 0)
        fail(at(p + ".dependent_segments", j), "unknown segment \"" + service.dependent_segments(j) + "\"");
    for (int j = 0; j < service.dependent_sites_size(); ++j)
      if (sites.count(service.dependent_sites(j)) == 0)
        fail(at(p + ".dependent_sites", j), "unknown site \"" + service.dependent_sites(j) + "\"");
    const std::string channel = storm.channel().empty() ? "phone" : storm.channel();
    if (storm.peak_incidents_per_user_per_hour() > 0 && channels.count(channel) == 0)
      fail(p + ".storm.channel", "channel \"" + channel + "\" is not configured in desk.channels");
    if (storm.priority() > 4) fail(p + ".storm.priority", "must be 1-4, or 0 for the default 3 (got " + std::to_string(storm.priority()) + ")");
    if (!storm.category().empty() && categories.count(storm.category()) == 0)
      fail(p + ".storm.category", "unknown category \"" + storm.category() + "\"");
  }
}

}  // namespace desksim::models
