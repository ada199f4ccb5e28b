// Observation statistics (waiting times, handling times, ...) in bounded memory.
#pragma once

#include <array>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/stats/log_histogram.hpp"

namespace desksim::sim {

/// Observations of a quantity (e.g. waiting times): count, mean, variance (shifted sums, see the
/// members), min, max, sum,
/// quantiles (any p; results report p25/p50/p75/p90/p95/p99), and the fraction of observations <= each of a fixed set of thresholds
/// (e.g. a service level "answered within 20 s"). Units are the caller's.
///
/// Quantiles: while count() <= kExactQuantileLimit the observations are kept and quantiles are exact
/// (linear interpolation between order statistics, "type 7": h = (n-1)p, x[floor h] + frac(h) * gap).
/// Beyond that the buffer is dropped and the log-linear histogram (LogHistogram, fed with every
/// observation from the start) answers, within 0.39% relative error; the switch at the limit can
/// make a quantile move by that much. Histogram quantiles assume observations >= 0 (durations,
/// counts, lengths: everything desksim tallies); negative observations count as 0 there. Memory is bounded by the buffer (8 KB) plus the histogram.
class Tally {
 public:
  /// Quantile levels that quantile() accepts.
  static constexpr std::array<double, 6> kQuantileLevels = {0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
  /// Up to this many observations, quantiles are exact.
  static constexpr std::size_t kExactQuantileLimit = 1000;

  /// `thresholds` define fraction_at_most(i); their order is kept as given. Without
  /// `distribution` only the moments, extremes and threshold fractions are kept (no quantiles): for
  /// 0/1 indicators and quantities whose mean is all that is reported, at a fraction of the cost.
  explicit Tally(std::vector<double> thresholds = {}, bool distribution = true);
  bool keeps_distribution() const { return distribution_; }

  /// A tally of 0/1 indicators (answered in time, resolved at first contact): fed through
  /// add_indicator(), which only counts, since the count of ones gives the mean, variance, extremes
  /// and sum exactly. Attainment and first-contact figures are such indicators, several per ticket.
  static Tally indicator();

  /// Records one observation. x must not be NaN. Inline (defined below): the recorder calls it for
  /// most emitted values.
  void add(double x);
  /// Records one 0/1 observation of an indicator() tally.
  void add_indicator(double x) {
    assert(indicator_ && (x == 0.0 || x == 1.0));
    ++count_;
    sum_ += x;
  }
  /// Forgets every observation (e.g. at the end of a warm-up); keeps the thresholds.
  void reset();

  /// Adds `other`'s observations, as if each had been add()ed here: the same count, extremes,
  /// threshold counts and quantiles (the kept observations or the histogram's buckets add up), and
  /// the same moments up to rounding. `other` must have been made like this one (the same thresholds
  /// in the same order, the same distribution and indicator settings); asserted.
  void merge(const Tally& other);

  std::uint64_t count() const { return count_; }
  /// Mean; NaN when empty.
  double mean() const;
  /// Sample variance (divisor n-1); NaN when count < 2.
  double variance() const;
  /// sqrt(variance()); NaN when count < 2.
  double stddev() const;
  /// Smallest / largest observation; NaN when empty.
  double min() const;
  double max() const;
  /// Sum of the observations; 0 when empty.
  double sum() const { return sum_; }

  /// The p-quantile for p exactly one of kQuantileLevels (0.25, 0.5, 0.75, 0.9, 0.95, 0.99); NaN for
  /// any other p, when empty, or without the distribution. Exact up to kExactQuantileLimit observations, histogram estimate beyond (see class doc).
  double quantile(double p) const;

  /// The thresholds, in the order given.
  std::vector<double> thresholds() const;
  /// Fraction of observations x <= thresholds()[threshold_index]; NaN when empty or index out of range.
  double fraction_at_most(std::size_t threshold_index) const;

 private:
  /// Keeps the first kExactQuantileLimit observations and releases them once the histogram takes
  /// over; out of line, since it does work only for a tally's first observations.
  void keep_exact(double x);

  struct Threshold {
    double at;
    std::uint64_t count;  // observations <= at
  };

  // What add() touches comes first and side by side: a ticket updates dozens of tallies, so each
  // should cost as few cache lines as possible.
  std::uint64_t count_ = 0;
  // Moments as sums of deviations from the first observation (the "shifted data" algorithm): as
  // accurate as Welford's update when the shift is near the mean, which the first observation of a
  // duration or a 0/1 indicator is to within its spread, and without Welford's division per value.
  double shift_ = 0.0;
  double shifted_sum_ = 0.0;     // sum of (x - shift_)
  double shifted_squares_ = 0.0; // sum of (x - shift_)^2
  double sum_ = 0.0;
  double min_ = 0.0;
  double max_ = 0.0;
  std::vector<Threshold> thresholds_;  // each threshold beside its count: one cache line, not two
  bool distribution_ = true;
  bool indicator_ = false;  // only count_ and sum_ (the number of ones) are kept
  LogHistogram histogram_;
  std::vector<double> exact_;  // the first observations, while count_ <= kExactQuantileLimit
};

inline void Tally::add(double x) {
  assert(!std::isnan(x));
  if (count_ == 0) shift_ = min_ = max_ = x;
  ++count_;
  const double d = x - shift_;
  shifted_sum_ += d;
  shifted_squares_ += d * d;
  sum_ += x;
  min_ = x < min_ ? x : min_;
  max_ = x > max_ ? x : max_;
  for (Threshold& t : thresholds_) t.count += x <= t.at ? 1u : 0u;
  if (distribution_) {
    if (count_ <= kExactQuantileLimit || !exact_.empty()) keep_exact(x);
    histogram_.add(x);
  }
}

}  // namespace desksim::sim
