#include "sim/platform/resource_states.hpp"

namespace desksim::sim {

ResourceStates::ResourceStates(OnChange on_change)
    : on_change_(std::move(on_change)), self_(std::make_shared<ResourceStates*>(this)) {
  // Link::on_state_change can only be connected (3.32 has no public disconnect), so both callbacks
  // hold a shared pointer to this object that the destructor clears.
  std::shared_ptr<ResourceStates*> self = self_;
  simgrid::s4u::Host::on_state_change_cb([self](simgrid::s4u::Host const& h) {
    if (*self != nullptr) (*self)->changed(&h, h.is_on());
  });
  simgrid::s4u::Link::on_state_change_cb([self](simgrid::s4u::Link const& l) {
    if (*self != nullptr) (*self)->changed(&l, l.is_on());
  });
}

ResourceStates::~ResourceStates() { *self_ = nullptr; }

std::size_t ResourceStates::watch(simgrid::s4u::Host* host) {
  index_.emplace(host, on_.size());
  on_.push_back(host->is_on());
  return on_.size() - 1;
}

std::size_t ResourceStates::watch(simgrid::s4u::Link* link) {
  index_.emplace(link, on_.size());
  on_.push_back(link->is_on());
  return on_.size() - 1;
}

void ResourceStates::changed(const void* resource, bool on) {
  auto it = index_.find(resource);
  if (it == index_.end()) return;  // not watched (e.g. the control host)
  const std::size_t i = it->second;
  if (on_[i] == on) return;
  on_[i] = on;
  ++changes_;
  on_change_(i, on);
}

}  // namespace desksim::sim
