#include "sim/stats/log_histogram.hpp"

#include <bit>
#include <cmath>
#include <limits>

namespace desksim::sim {

double LogHistogram::lower_bound(std::int64_t k) {
  return std::bit_cast<double>(static_cast<std::uint64_t>(k) << (52 - kSubBucketBits));
}

void LogHistogram::grow_to(std::int64_t k) {
  if (buckets_.empty()) {
    first_key_ = k;
    buckets_.assign(1, 0);
  } else if (k < first_key_) {
    buckets_.insert(buckets_.begin(), static_cast<std::size_t>(first_key_ - k), 0);
    first_key_ = k;
  } else if (k >= first_key_ + static_cast<std::int64_t>(buckets_.size())) {
    buckets_.resize(static_cast<std::size_t>(k - first_key_ + 1), 0);
  }
}

void LogHistogram::merge(const LogHistogram& other) {
  count_ += other.count_;
  zeros_ += other.zeros_;
  if (other.buckets_.empty()) return;
  const auto other_last = other.first_key_ + static_cast<std::int64_t>(other.buckets_.size()) - 1;
  grow_to(other.first_key_);
  grow_to(other_last);
  const auto offset = static_cast<std::size_t>(other.first_key_ - first_key_);
  for (std::size_t i = 0; i < other.buckets_.size(); ++i) buckets_[offset + i] += other.buckets_[i];
}

void LogHistogram::reset() {
  count_ = zeros_ = 0;
  buckets_.clear();
}

double LogHistogram::quantile(double p) const {
  if (count_ == 0 || !(p >= 0 && p <= 1)) return std::numeric_limits<double>::quiet_NaN();
  // Rank of the wanted observation, 1-based: the smallest r with r >= p * count.
  auto rank = static_cast<std::uint64_t>(std::ceil(p * static_cast<double>(count_)));
  if (rank == 0) rank = 1;
  if (rank <= zeros_) return 0.0;
  std::uint64_t seen = zeros_;
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    seen += buckets_[i];
    if (seen >= rank) {
      const auto k = first_key_ + static_cast<std::int64_t>(i);
      return 0.5 * (lower_bound(k) + lower_bound(k + 1));
    }
  }
  return lower_bound(first_key_ + static_cast<std::int64_t>(buckets_.size()));  // not reached
}

}  // namespace desksim::sim
