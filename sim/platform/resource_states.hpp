#pragma once
// Watches the on/off state of SimGrid hosts and links through SimGrid's own signals
// (Host::on_state_change_cb, Link::on_state_change_cb) and reports each change of a watched
// resource as (index, is_on), the index being the order in which it was watched.
//
// Why through SimGrid's signals rather than a direct call from whoever turned the resource off: any
// cause of a state change (an actor's turn_off, a state profile, a platform file's trace) is then
// seen the same way. Low frequency (one call per failure or repair), so a std::function is fine.
#include <cstddef>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/Link.hpp>

namespace desksim::sim {

class ResourceStates {
 public:
  using OnChange = std::function<void(std::size_t index, bool on)>;

  /// Connects to SimGrid's static state-change signals; after destruction the callbacks do nothing.
  explicit ResourceStates(OnChange on_change);
  ~ResourceStates();
  ResourceStates(const ResourceStates&) = delete;
  ResourceStates& operator=(const ResourceStates&) = delete;

  std::size_t watch(simgrid::s4u::Host* host);
  std::size_t watch(simgrid::s4u::Link* link);

  std::size_t size() const { return on_.size(); }
  /// Last state seen (resources start on).
  bool is_on(std::size_t index) const { return on_[index]; }
  /// State changes seen so far (only real changes: on->off or off->on).
  std::size_t changes() const { return changes_; }

 private:
  void changed(const void* resource, bool on);

  OnChange on_change_;
  std::unordered_map<const void*, std::size_t> index_;
  std::vector<bool> on_;
  std::size_t changes_ = 0;
  std::shared_ptr<ResourceStates*> self_;  // cleared on destruction: SimGrid keeps the callbacks
};

}  // namespace desksim::sim
