#pragma once
// Arrivals of a non-homogeneous Poisson process whose rate is piecewise constant on a repeating
// cycle of bins (for example 168 hour-of-week bins), optionally multiplied by a random factor per
// period (for example one Gamma(mean 1) draw per day, for over-dispersion between days).
//
// Method: exact inversion of the cumulative rate. The next arrival after t is the first s with
// Lambda(t, s) = E, E ~ Exp(1): walk forward segment by segment (a segment ends at the next bin or
// period boundary), subtracting each segment's mass rate * length from E, and solve linearly inside
// the segment where E runs out. One exponential per arrival, no rejected candidates (thinning would
// waste draws at the peak-to-trough ratio of the profile), and one kernel event per arrival.
//
// Random streams: `gaps` gives the Exp(1) draws, `factors` gives the per-period factors, drawn in
// period order as time reaches them (so both are reproducible whatever the caller does in between).
#include <cstdint>
#include <string>
#include <functional>
#include <limits>
#include <vector>

#include "sim/kernel/time.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::sim {

struct PiecewisePoissonOptions {
  /// Length of one bin, seconds (> 0).
  double bin_seconds = kSecondsPerHour;
  /// Rate in each bin of the cycle, events per second (>= 0). Cycle length = size * bin_seconds.
  std::vector<double> rates_per_second;
  /// Position in the cycle at time 0, seconds (>= 0): time t falls in bin floor((t + offset) / bin).
  double cycle_offset_seconds = 0.0;
  /// Period of the random factor, seconds (> 0); periods start at time 0.
  double factor_period_seconds = kSecondsPerDay;
  /// Coefficient of variation of the per-period Gamma factor with mean 1 (>= 0); 0 = no factor.
  double factor_cv = 0.0;
  /// Deterministic level of each period (holidays, rate levels by date, a trend), multiplying the
  /// random factor; must be >= 0 and finite. Empty = 1 throughout.
  std::function<double(std::int64_t period)> period_level;

  bool IsValid(std::string* error) const;
};

class PiecewisePoissonArrivals {
 public:
  PiecewisePoissonArrivals(PiecewisePoissonOptions options, RandomStream gaps, RandomStream factors);

  /// The first arrival after `t` (times must be requested in non-decreasing order: the per-period
  /// factors are drawn as time passes). +infinity if every rate is 0, or if none comes before the end
  /// set by set_end (a rate so low that the next arrival lies centuries away is never searched for).
  Time next_after(Time t);
  /// No arrival is sought after `end` (the horizon). Default +infinity.
  void set_end(Time end) { end_ = end; }
  /// New rates, levels and factor cv from now on (a dated change of demand): the random streams go on
  /// where they are, and a period's factor already drawn is kept. The next arrival must then be sought
  /// again from now (exact: the process is Poisson, so the time already waited carries no memory).
  void set_options(PiecewisePoissonOptions options);

  /// Index of the cycle bin containing time t.
  std::size_t bin_at(Time t) const;
  /// The factor of the period containing t (draws the factors up to that period).
  double factor_at(Time t);
  const PiecewisePoissonOptions& options() const { return options_; }

 private:
  PiecewisePoissonOptions options_;
  RandomStream gaps_;
  RandomStream factors_;
  bool any_rate_ = false;
  std::int64_t factor_period_ = -1;  // period whose factor is in factor_
  double factor_ = 1.0;
  Time end_ = std::numeric_limits<Time>::infinity();
};

}  // namespace desksim::sim
