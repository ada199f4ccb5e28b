// Statistics per period of uneven length (calendar months): sums, means and time averages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace desksim::sim {

/// Periods [bounds[k], bounds[k+1]) given by increasing bounds (at least two). Times are the caller's.
/// Copies share the bounds (a run's monthly statistics all use the same months, and reading one
/// array for all of them keeps it in cache); each copy keeps its own cursor.
class UnevenPeriods {
 public:
  explicit UnevenPeriods(std::vector<double> bounds);

  std::size_t size() const { return bounds_->size() - 1; }
  const std::vector<double>& bounds() const { return *bounds_; }
  double length(std::size_t k) const { return bound(k + 1) - bound(k); }
  /// The period containing `t`, or size() when t is outside [front, back) or not finite. A bound
  /// belongs to the period it starts. Successive times are mostly in the same period: checked first.
  std::size_t index(double t) const;

 private:
  double bound(std::size_t k) const { return (*bounds_)[k]; }
  std::shared_ptr<const std::vector<double>> bounds_;
  mutable std::size_t last_ = 0;
};

/// Sum and count of the values emitted in each period (a count per month, a mean wait per month).
class PeriodAccumulator {
 public:
  explicit PeriodAccumulator(UnevenPeriods periods);
  void add(double t, double value);
  const UnevenPeriods& periods() const { return periods_; }
  std::vector<double> sums() const;
  std::vector<std::uint64_t> counts() const;
  /// sums / counts; 0 for a period without an observation (its count says so).
  std::vector<double> means() const;

 private:
  struct Cell {
    double sum = 0.0;
    std::uint64_t count = 0;
  };
  UnevenPeriods periods_;
  std::vector<Cell> cells_;  // a period's sum beside its count: one cache line per value added
};

/// Time average of a piecewise-constant level over each period (staff on the roster, tickets open).
class PeriodTimeAverage {
 public:
  /// The level is `initial` from the first bound on.
  PeriodTimeAverage(UnevenPeriods periods, double initial = 0.0);
  /// The level changes to `value` at `t` (times must not decrease).
  void update(double t, double value);
  const UnevenPeriods& periods() const { return periods_; }
  /// Integral of the level over each period up to `end` (later periods get only what `end` covers).
  std::vector<double> integrals(double end) const;
  /// integrals(end) / the covered length of each period; 0 for a period `end` does not reach.
  std::vector<double> averages(double end) const;

 private:
  void accumulate(double until);
  UnevenPeriods periods_;
  std::vector<double> area_;
  double last_time_;
  double value_;
};

}  // namespace desksim::sim
