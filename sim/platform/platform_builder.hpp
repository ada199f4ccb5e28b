#pragma once
// Builds a SimGrid platform under the runtime's root zone, before the kernel seals it: child zones
// (full routing; nothing here communicates, so no routes are declared), hosts and links.
// Domain-free: callers name zones and resources; what they stand for is the caller's business.
#include <map>
#include <string>

#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/Link.hpp>
#include <simgrid/s4u/NetZone.hpp>

#include "sim/kernel/simgrid_runtime.hpp"

namespace desksim::sim {

class PlatformBuilder {
 public:
  /// Throws std::logic_error if the runtime is already sealed (the platform can no longer change).
  explicit PlatformBuilder(SimGridRuntime& runtime);

  /// The child zone of the root with this name, created on first use. Empty name = the root zone.
  simgrid::s4u::NetZone* zone(const std::string& name);

  /// A host of `cores` cores at `speed_flops` each in the named zone (empty = root). Names must be
  /// unique in the whole platform (SimGrid's rule); a duplicate throws std::invalid_argument.
  simgrid::s4u::Host* add_host(const std::string& zone_name, const std::string& name, double speed_flops,
                               int cores);
  /// A shared link of the given bandwidth (bytes per second) in the named zone (empty = root).
  simgrid::s4u::Link* add_link(const std::string& zone_name, const std::string& name, double bandwidth_bytes_per_s);

  /// Seals the child zones. The root is sealed by the kernel (SimGridRuntime::seal) when the clock
  /// first moves; call this once the platform is complete, before that.
  void seal_zones();

 private:
  void require_unsealed() const;

  SimGridRuntime& runtime_;
  std::map<std::string, simgrid::s4u::NetZone*> zones_;
  bool zones_sealed_ = false;
};

}  // namespace desksim::sim
