#include "models/demand/population.hpp"

#include <algorithm>

namespace desksim::models {

namespace {
std::uint16_t apportion(const std::vector<double>& cumulative, std::uint32_t j, std::uint32_t n) {
  const double u = (j + 0.5) / n;
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
  return static_cast<std::uint16_t>(std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1));
}
}  // namespace

Population::Population(const ServiceDeskConfig& config) {
  std::size_t total = 0;
  for (const auto& s : config.segments) total += s.users;
  users_.reserve(total);
  first_.push_back(0);
  for (std::size_t s = 0; s < config.segments.size(); ++s) {
    const auto& seg = config.segments[s];
    for (std::uint32_t j = 0; j < seg.users; ++j)
      users_.push_back(UserRecord{static_cast<std::uint16_t>(s), apportion(seg.site_cumulative, j, seg.users),
                                  apportion(seg.device_cumulative, j, seg.users)});
    first_.push_back(static_cast<std::uint32_t>(users_.size()));
  }
}

}  // namespace desksim::models
