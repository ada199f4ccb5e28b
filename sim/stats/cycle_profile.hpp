#pragma once
// Statistics folded over a repeating cycle of equal bins, e.g. the 168 hours of the week:
// sums per bin (arrivals per hour of week) and time averages per bin (busy agents by hour of week).
// Both cover a window [start, now]; exposure() says how much of the window fell in each bin, so
// that a sum per bin can be turned into a rate and weeks of partial coverage weigh correctly.
// Times are the caller's unit (seconds in desksim); time t falls in bin floor((t + offset) / bin) mod n.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace desksim::sim {

class CycleBins {
 public:
  /// bins >= 1, bin_length > 0, offset >= 0 (position in the cycle at time 0).
  CycleBins(std::size_t bins, double bin_length, double offset);
  std::size_t bins() const { return bins_; }
  double bin_length() const { return bin_length_; }
  double cycle_length() const { return bin_length_ * static_cast<double>(bins_); }
  std::size_t bin_at(double t) const;
  /// Calls f(bin, length) for every piece of [a, b) cut at bin boundaries.
  template <typename F>
  void for_each_piece(double a, double b, F&& f) const {
    while (a < b) {
      const double end = bin_end_after(a);
      const double stop = end < b ? end : b;
      f(bin_at(0.5 * (a + stop)), stop - a);
      a = stop;
    }
  }
  /// The end of the bin that the instant just after `a` belongs to (> a).
  double bin_end_after(double a) const {
    const double k = std::floor((a + offset_) / bin_length_);
    const double end = (k + 1) * bin_length_ - offset_;
    return end > a ? end : (k + 2) * bin_length_ - offset_;
  }
  /// Time of [a, b) in each bin.
  std::vector<double> exposure(double a, double b) const;

 private:
  std::size_t bins_;
  double bin_length_;
  double offset_;
};

/// Sum of values added per bin.
class CycleSums {
 public:
  explicit CycleSums(CycleBins bins) : bins_(bins), sums_(bins.bins(), 0.0) {}
  void add(double t, double value) { sums_[bins_.bin_at(t)] += value; }
  void reset() { std::fill(sums_.begin(), sums_.end(), 0.0); }
  const std::vector<double>& sums() const { return sums_; }
  const CycleBins& bins() const { return bins_; }

 private:
  CycleBins bins_;
  std::vector<double> sums_;
};

/// Time average per bin of a piecewise-constant level.
class CycleTimeAverage {
 public:
  CycleTimeAverage(CycleBins bins, double start_time, double initial_value);
  /// The level changes to `value` at `now` (non-decreasing times).
  void update(double now, double value);
  /// Restarts the window at `now`, keeping the current level.
  void reset(double now);
  /// Integral of the level per bin over [window start, now].
  std::vector<double> integrals(double now) const;
  /// Time average per bin over [window start, now]; NaN for a bin the window never reached.
  std::vector<double> averages(double now) const;
  double window_start() const { return start_; }
  const CycleBins& bins() const { return bins_; }

 private:
  CycleBins bins_;
  double start_;
  double last_;
  double value_;
  std::vector<double> integral_;
  // The bin [last_, bin_end_) lies in: a level that changes again before bin_end_ (most changes:
  // levels move with every ticket, bins are hours) adds to it without cutting the interval at bins.
  std::size_t bin_ = 0;
  double bin_end_ = -1.0;  // below any time: the bin is found on the next update
};

}  // namespace desksim::sim
