#pragma once
// The process's one SimGrid engine and its platform.
//
// SimGrid allows one s4u::Engine per process and it cannot be restarted, so each replication runs in
// its own process (see sim/replication/replication_runner.hpp) and creates exactly one runtime. The
// runtime silences SimGrid's logging (desksim reports its own errors, before the engine starts),
// allows tens of thousands of actors (contexts/guard-size:0), and builds a root zone with a
// "control" host on which the low-frequency processes (rosters, managers) run. Infrastructure models
// add their own zones, hosts and links under the root before `seal()`.
#include <memory>
#include <string>

#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/NetZone.hpp>

namespace desksim::sim {

class SimGridRuntime {
 public:
  /// Creates the engine. Throws std::logic_error if one was already created in this process.
  /// With a `platform_file` (SimGrid XML), the platform is loaded from it, sealed, and must contain a
  /// host named "control" (std::invalid_argument otherwise); a malformed file makes SimGrid abort
  /// the process, so callers check it first in a process of its own (see models/scenario).
  explicit SimGridRuntime(const std::string& platform_file = "");
  ~SimGridRuntime();
  SimGridRuntime(const SimGridRuntime&) = delete;
  SimGridRuntime& operator=(const SimGridRuntime&) = delete;

  simgrid::s4u::Engine& engine() { return *engine_; }
  simgrid::s4u::NetZone* root_zone() { return root_; }
  simgrid::s4u::Host* control_host() { return control_host_; }

  /// True when the platform came from an XML file (nothing may be added to it).
  bool platform_from_file() const { return from_file_; }

  /// Seals the root zone: call once the platform is complete and before the clock moves.
  void seal();
  bool sealed() const { return sealed_; }

  /// SimGrid's clock, in seconds.
  static double clock();

 private:
  std::unique_ptr<simgrid::s4u::Engine> engine_;
  simgrid::s4u::NetZone* root_ = nullptr;
  simgrid::s4u::Host* control_host_ = nullptr;
  bool sealed_ = false;
  bool from_file_ = false;
};

}  // namespace desksim::sim
