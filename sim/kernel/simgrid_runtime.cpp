#include "sim/kernel/simgrid_runtime.hpp"

#include <stdexcept>
#include <vector>

#include <xbt/log.h>

namespace desksim::sim {

namespace {
bool g_engine_created = false;
}

SimGridRuntime::SimGridRuntime(const std::string& platform_file) {
  if (g_engine_created)
    throw std::logic_error("SimGridRuntime: SimGrid allows one engine per process; run each replication in its own process");
  g_engine_created = true;
  // Before the engine exists, so that SimGrid prints nothing unless something is really wrong.
  xbt_log_control_set("root.thres:critical");
  std::vector<std::string> args = {"desksim", "--cfg=contexts/guard-size:0", "--log=root.thres:critical"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  int argc = static_cast<int>(argv.size());
  engine_ = std::make_unique<simgrid::s4u::Engine>(&argc, argv.data());
  if (!platform_file.empty()) {
    engine_->load_platform(platform_file);
    root_ = engine_->get_netzone_root();
    control_host_ = simgrid::s4u::Host::by_name_or_null("control");
    if (control_host_ == nullptr)
      throw std::invalid_argument(platform_file + ": the platform has no host named \"control\"");
    from_file_ = sealed_ = true;  // SimGrid seals the zones of a loaded file
    return;
  }
  root_ = simgrid::s4u::create_full_zone("desksim");
  control_host_ = root_->create_host("control", 1e9);
}

SimGridRuntime::~SimGridRuntime() = default;

void SimGridRuntime::seal() {
  if (!sealed_) {
    root_->seal();
    sealed_ = true;
  }
}

double SimGridRuntime::clock() { return simgrid::s4u::Engine::get_clock(); }

}  // namespace desksim::sim
