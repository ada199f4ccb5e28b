#pragma once
// The dates of failed changes to one component: a Poisson process of rate base * m(t), where m(t) is
// the change programme's multiplier (piecewise constant, 1 outside its phases). Sampled exactly by
// thinning at the bound base * max(1, max multiplier), from the component's own stream.
#include <limits>
#include <vector>

#include "sim/kernel/time.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {

struct ChangePhase {
  sim::Time start;
  sim::Time end;
  double multiplier;
};

class FailedChangeClock {
 public:
  /// base_rate per second (>= 0); phases disjoint.
  FailedChangeClock(double base_rate, std::vector<ChangePhase> phases, sim::RandomStream stream);

  /// The first failed change strictly after t (infinity if the rate is 0 from t on).
  sim::Time next_after(sim::Time t);
  double multiplier_at(sim::Time t) const;

 private:
  double base_;
  std::vector<ChangePhase> phases_;
  double max_multiplier_ = 1.0;
  sim::RandomStream stream_;
};

}  // namespace desksim::models
