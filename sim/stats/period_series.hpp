// Per-period totals (e.g. tickets per day).
#pragma once

#include <cstddef>
#include <vector>

namespace desksim::sim {

/// Sums per fixed period (e.g. per day: period = 86400 s), indexed from time `origin`; grows as needed.
/// Time units are the caller's; period must be > 0 (otherwise add() ignores everything).
class PeriodSeries {
 public:
  PeriodSeries(double origin, double period);

  /// Adds `amount` to the period containing `time`. Times before origin, and non-finite times, are
  /// ignored. A time exactly on a boundary origin + i*period belongs to period i. The vector grows to
  /// the period of `time`, so the caller must not pass absurdly large times.
  void add(double time, double amount = 1.0);

  /// values()[i] = sum over [origin + i*period, origin + (i+1)*period); length is the last period
  /// touched by add() (or ensure_periods()), so trailing empty periods are absent unless padded.
  const std::vector<double>& values() const { return values_; }
  double period() const { return period_; }
  double origin() const { return origin_; }

  /// Pads with zeros to at least n periods (e.g. the run length), so series of different
  /// replications line up.
  void ensure_periods(std::size_t n);

 private:
  double origin_;
  double period_;
  std::vector<double> values_;
  // The period the last time fell in, [current_start_, current_end_): successive times are mostly in
  // the same period, so add() usually skips the division and the boundary fix-ups.
  std::size_t current_ = 0;
  double current_start_ = 1.0;
  double current_end_ = 0.0;  // empty until the first add
};

}  // namespace desksim::sim
