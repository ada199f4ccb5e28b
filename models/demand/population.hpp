#pragma once
// The users: one small record per user (segment, site, device profile), contiguous per segment.
// Users are data, never actors or events: raising an incident picks a user by index.
#include <cstdint>
#include <vector>

#include "models/desk/service_desk_config.hpp"

namespace desksim::models {

struct UserRecord {
  std::uint16_t segment = 0;
  std::uint16_t site = 0;
  std::uint16_t device = 0;
};

class Population {
 public:
  /// Sites and devices are apportioned deterministically within each segment by its mixes (user j of
  /// n gets the category whose cumulative share first exceeds (j + 0.5) / n): the mix is exact and
  /// costs no random numbers, so adding a site does not disturb other streams.
  explicit Population(const ServiceDeskConfig& config);

  std::size_t size() const { return users_.size(); }
  const UserRecord& user(std::uint32_t index) const { return users_[index]; }
  std::uint32_t first_user(std::size_t segment) const { return first_[segment]; }
  std::uint32_t users_in(std::size_t segment) const { return first_[segment + 1] - first_[segment]; }

 private:
  std::vector<UserRecord> users_;
  std::vector<std::uint32_t> first_;  // segment s owns [first_[s], first_[s+1])
};

}  // namespace desksim::models
