#include "models/station/server_pool.hpp"

namespace desksim::models {

OneTicketServers::OneTicketServers(std::uint32_t initial_servers) : slots_(initial_servers) {
  // Highest slot first so that pop_back hands out slot 0 first.
  for (std::uint32_t k = initial_servers; k-- > 0;) off_duty_.push_back(k);
}

void OneTicketServers::set_on_duty(std::uint32_t servers) {
  target_ = servers;
  while (on_duty_ < target_) {
    std::uint32_t slot;
    if (off_duty_.empty()) {
      slot = slots_++;  // beyond the roster's peak (escalation capacity): rare, grows once
    } else {
      slot = off_duty_.back();
      off_duty_.pop_back();
    }
    idle_.push_back(slot);
    ++on_duty_;
  }
  while (on_duty_ > target_ && !idle_.empty()) {
    off_duty_.push_back(idle_.back());
    idle_.pop_back();
    --on_duty_;
  }
}

std::uint32_t OneTicketServers::take() {
  const std::uint32_t slot = idle_.back();
  idle_.pop_back();
  ++busy_;
  return slot;
}

void OneTicketServers::release(std::uint32_t slot) {
  --busy_;
  if (on_duty_ > target_) {  // the roster has fewer servers now: this one goes off duty
    --on_duty_;
    off_duty_.push_back(slot);
  } else {
    idle_.push_back(slot);
  }
}

}  // namespace desksim::models
