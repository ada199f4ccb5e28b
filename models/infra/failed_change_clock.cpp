#include "models/infra/failed_change_clock.hpp"

#include <algorithm>

#include "sim/random/distribution.hpp"

namespace desksim::models {

FailedChangeClock::FailedChangeClock(double base_rate, std::vector<ChangePhase> phases, sim::RandomStream stream)
    : base_(base_rate), phases_(std::move(phases)), stream_(stream) {
  for (const ChangePhase& p : phases_) max_multiplier_ = std::max(max_multiplier_, p.multiplier);
}

double FailedChangeClock::multiplier_at(sim::Time t) const {
  for (const ChangePhase& p : phases_)
    if (t >= p.start && t < p.end) return p.multiplier;
  return 1.0;
}

sim::Time FailedChangeClock::next_after(sim::Time t) {
  constexpr sim::Time kNever = std::numeric_limits<sim::Time>::infinity();
  if (!(base_ > 0)) return kNever;
  const double bound = base_ * max_multiplier_;
  for (;;) {
    t += sim::sample_exponential(stream_, 1.0 / bound);
    if (stream_.uniform() * max_multiplier_ < multiplier_at(t)) return t;
  }
}

}  // namespace desksim::models
