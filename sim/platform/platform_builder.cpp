#include "sim/platform/platform_builder.hpp"

#include <stdexcept>

#include <simgrid/s4u/Engine.hpp>

namespace desksim::sim {

PlatformBuilder::PlatformBuilder(SimGridRuntime& runtime) : runtime_(runtime) { require_unsealed(); }

void PlatformBuilder::require_unsealed() const {
  if (runtime_.sealed() || zones_sealed_)
    throw std::logic_error("PlatformBuilder: the platform is sealed; build it before the clock moves");
}

simgrid::s4u::NetZone* PlatformBuilder::zone(const std::string& name) {
  if (name.empty()) return runtime_.root_zone();
  auto it = zones_.find(name);
  if (it != zones_.end()) return it->second;
  require_unsealed();
  simgrid::s4u::NetZone* z = simgrid::s4u::create_full_zone(name);
  z->set_parent(runtime_.root_zone());
  zones_.emplace(name, z);
  return z;
}

simgrid::s4u::Host* PlatformBuilder::add_host(const std::string& zone_name, const std::string& name,
                                              double speed_flops, int cores) {
  require_unsealed();
  // SimGrid asserts (aborts) on duplicates; check first so that the caller gets an exception.
  if (runtime_.engine().host_by_name_or_null(name) != nullptr)
    throw std::invalid_argument("PlatformBuilder: duplicate host name \"" + name + "\"");
  simgrid::s4u::Host* host = zone(zone_name)->create_host(name, speed_flops);
  host->set_core_count(cores < 1 ? 1 : cores);
  return host->seal();
}

simgrid::s4u::Link* PlatformBuilder::add_link(const std::string& zone_name, const std::string& name,
                                              double bandwidth_bytes_per_s) {
  require_unsealed();
  if (runtime_.engine().link_by_name_or_null(name) != nullptr)
    throw std::invalid_argument("PlatformBuilder: duplicate link name \"" + name + "\"");
  return zone(zone_name)->create_link(name, bandwidth_bytes_per_s)->seal();
}

void PlatformBuilder::seal_zones() {
  if (zones_sealed_) return;
  for (auto& [name, z] : zones_) z->seal();
  zones_sealed_ = true;
}

}  // namespace desksim::sim
