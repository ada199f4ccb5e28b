#include "sim/stats/tally.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <utility>

namespace desksim::sim {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

Tally::Tally(std::vector<double> thresholds, bool distribution) : distribution_(distribution) {
  thresholds_.reserve(thresholds.size());
  for (double at : thresholds) thresholds_.push_back(Threshold{at, 0});
}

Tally Tally::indicator() {
  Tally t({}, false);
  t.indicator_ = true;
  return t;
}

void Tally::keep_exact(double x) {
  assert(!std::isnan(x));
  if (count_ <= kExactQuantileLimit) {
    exact_.push_back(x);
  } else {
    std::vector<double>().swap(exact_);  // release the memory: the histogram takes over
  }
}

void Tally::reset() {
  for (Threshold& t : thresholds_) t.count = 0;
  count_ = 0;
  shift_ = shifted_sum_ = shifted_squares_ = sum_ = min_ = max_ = 0.0;
  exact_.clear();
  histogram_.reset();
}

void Tally::merge(const Tally& other) {
  assert(distribution_ == other.distribution_ && indicator_ == other.indicator_);
  assert(thresholds_.size() == other.thresholds_.size());
  if (other.count_ == 0) return;
  for (std::size_t i = 0; i < thresholds_.size(); ++i) {
    assert(thresholds_[i].at == other.thresholds_[i].at);
    thresholds_[i].count += other.thresholds_[i].count;
  }
  if (count_ == 0) {
    shift_ = other.shift_;
    min_ = other.min_;
    max_ = other.max_;
  }
  // The other's sums of deviations from its shift, moved to this one's: with d = its shift - ours,
  // sum(x - ours) = sum(x - its) + n d and sum((x - ours)^2) = sum((x - its)^2) + 2 d sum(x - its) + n d^2.
  const double n = static_cast<double>(other.count_);
  const double d = other.shift_ - shift_;
  shifted_squares_ += other.shifted_squares_ + 2.0 * d * other.shifted_sum_ + n * d * d;
  shifted_sum_ += other.shifted_sum_ + n * d;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  if (distribution_) {
    // Every observation is kept while the count is at most the limit; beyond it the histogram alone.
    if (count_ + other.count_ <= kExactQuantileLimit)
      exact_.insert(exact_.end(), other.exact_.begin(), other.exact_.end());
    else
      std::vector<double>().swap(exact_);
    histogram_.merge(other.histogram_);
  }
  count_ += other.count_;
}

double Tally::mean() const {
  if (count_ == 0) return kNaN;
  if (indicator_) return sum_ / static_cast<double>(count_);
  return shift_ + shifted_sum_ / static_cast<double>(count_);
}

double Tally::variance() const {
  if (count_ < 2) return kNaN;
  const double n = static_cast<double>(count_);
  if (indicator_) return sum_ * (n - sum_) / n / (n - 1.0);  // sum of squares about the mean: ones * zeros / n
  const double squares = shifted_squares_ - shifted_sum_ * shifted_sum_ / n;  // about the mean
  return std::max(squares, 0.0) / (n - 1.0);  // rounding must not make a constant's variance negative
}

double Tally::stddev() const { return std::sqrt(variance()); }

double Tally::min() const {
  if (count_ == 0) return kNaN;
  if (indicator_) return sum_ < static_cast<double>(count_) ? 0.0 : 1.0;
  return min_;
}

double Tally::max() const {
  if (count_ == 0) return kNaN;
  if (indicator_) return sum_ > 0 ? 1.0 : 0.0;
  return max_;
}

double Tally::quantile(double p) const {
  const auto level = std::find(kQuantileLevels.begin(), kQuantileLevels.end(), p);
  if (level == kQuantileLevels.end() || count_ == 0 || !distribution_) return kNaN;
  if (count_ <= kExactQuantileLimit) {
    std::vector<double> sorted = exact_;  // at most kExactQuantileLimit values; reports are rare
    std::sort(sorted.begin(), sorted.end());
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
  }
  // The histogram answers with a bucket midpoint; no quantile lies outside the observed range.
  return std::clamp(histogram_.quantile(p), min_, max_);
}

double Tally::fraction_at_most(std::size_t threshold_index) const {
  if (count_ == 0 || threshold_index >= thresholds_.size()) return kNaN;
  return static_cast<double>(thresholds_[threshold_index].count) / static_cast<double>(count_);
}

std::vector<double> Tally::thresholds() const {
  std::vector<double> at;
  at.reserve(thresholds_.size());
  for (const Threshold& t : thresholds_) at.push_back(t.at);
  return at;
}

}  // namespace desksim::sim
