#include "sim/stats/log_histogram.hpp"

#include <bit>
#include <cmath>
#include <limits>

namespace desksim::sim {

std::int64_t LogHistogram::key(double x) {
  // For a positive finite double, the bits above the dropped mantissa bits increase monotonically
  // with x: (biased exponent, top mantissa bits) is exactly the log-linear bucket.
  return static_cast<std::int64_t>(std::bit_cast<std::uint64_t>(x) >> (52 - kSubBucketBits));
}

double LogHistogram::lower_bound(std::int64_t k) {
  return std::bit_cast<double>(static_cast<std::uint64_t>(k) << (52 - kSubBucketBits));
}

void LogHistogram::add(double x) {
  ++count_;
  if (!(x > 0)) {
    ++zeros_;
    return;
  }
  const std::int64_t k = key(x);
  if (buckets_.empty()) {
    first_key_ = k;
    buckets_.assign(1, 0);
  } else if (k < first_key_) {
    buckets_.insert(buckets_.begin(), static_cast<std::size_t>(first_key_ - k), 0);
    first_key_ = k;
  } else if (k >= first_key_ + static_cast<std::int64_t>(buckets_.size())) {
    buckets_.resize(static_cast<std::size_t>(k - first_key_ + 1), 0);
  }
  ++buckets_[static_cast<std::size_t>(k - first_key_)];
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
