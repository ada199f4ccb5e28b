// Time averages of piecewise-constant quantities.
#pragma once
#include <cassert>

namespace desksim::sim {

/// Time-average of a piecewise-constant quantity (queue length, busy agents): the integral of
/// value dt over the averaging window divided by the window's length. Times and values are in the
/// caller's units; the integral is in value x time units.
class TimeWeighted {
 public:
  /// Starts the window at `start_time` with the quantity equal to `initial_value`.
  explicit TimeWeighted(double start_time = 0.0, double initial_value = 0.0);

  /// The quantity changes to `new_value` at `now`. Times must not decrease (asserted in debug only;
  /// in release an earlier time subtracts area, so callers must respect it).
  void update(double now, double new_value) {  // inline: called on every level change
    assert(now >= last_time_);
    area_ += value_ * (now - last_time_);
    last_time_ = now;
    value_ = new_value;
    if (new_value > max_) max_ = new_value;
  }

  /// Restarts the averaging window at `now` (e.g. end of warm-up), keeping the current value;
  /// the integral restarts at 0 and max() restarts at the current value.
  void reset(double now);

  /// Average over [window start, now]; the current value if the window is empty (now == start).
  double mean(double now) const;
  /// The value since the last update.
  double current() const { return value_; }
  /// Largest value held during the window, including the value current at its start.
  double max() const { return max_; }
  /// Integral of the value over [window start, now]; now must be >= the last update time.
  double integral(double now) const;

 private:
  double start_;      // window start
  double last_time_;  // time of the last update (or of the window start)
  double value_;      // current value, held since last_time_
  double area_ = 0.0; // integral over [start_, last_time_]
  double max_;
};

}  // namespace desksim::sim
