#pragma once
// Quantiles of non-negative observations in bounded memory at a cost of a few instructions per
// observation: a log-linear histogram (the idea of HdrHistogram and DDSketch).
//
// Why not Boost.Accumulators' P^2 (extended_p_square), the library we first used: measured with
// callgrind on the M/M/10 benchmark it cost about 440 instructions per observation for four
// quantiles (it moves 11 markers with parabolic interpolation on every sample), which made recording
// statistics three times as expensive as the event loop itself. Debian has no C/C++ HdrHistogram.
// Here a positive double is bucketed by its binary exponent and its top kSubBucketBits mantissa
// bits, read straight from the IEEE-754 representation: no log(), one shift and one increment.
// Every bucket spans a relative width of 2^-kSubBucketBits, so a quantile reported as the bucket's
// midpoint is within 2^-(kSubBucketBits+1) = 0.39% of a value of that bucket (relative error);
// zeros (tickets answered at once) are counted exactly. Buckets are allocated only over the range
// of values actually seen, so memory is proportional to log2(max/min) * 128 counters.
#include <bit>
#include <cstdint>
#include <vector>

namespace desksim::sim {

class LogHistogram {
 public:
  static constexpr int kSubBucketBits = 7;
  /// Largest relative error of a reported quantile against a value in its bucket.
  static constexpr double kRelativeError = 1.0 / (2 << kSubBucketBits);

  /// Records x >= 0 (negative values are counted as zero; NaN is the caller's bug). Inline: every
  /// observation of a tally with quantiles comes here.
  void add(double x) {
    ++count_;
    if (!(x > 0)) {
      ++zeros_;
      return;
    }
    const std::int64_t k = key(x);
    const std::int64_t index = k - first_key_;
    if (buckets_.empty() || index < 0 || index >= static_cast<std::int64_t>(buckets_.size())) {
      grow_to(k);
      ++buckets_[static_cast<std::size_t>(k - first_key_)];
      return;
    }
    ++buckets_[static_cast<std::size_t>(index)];
  }
  void reset();
  /// Adds `other`'s counts, bucket by bucket: the histogram of both sets of observations.
  void merge(const LogHistogram& other);
  std::uint64_t count() const { return count_; }

  /// The p-quantile (0 <= p <= 1) as the midpoint of the bucket holding the observation of rank
  /// ceil(p * count) (the "inverse of the empirical CDF" definition); NaN when empty.
  double quantile(double p) const;

 private:
  static std::int64_t key(double x) {
    // For a positive finite double, the bits above the dropped mantissa bits increase monotonically
    // with x: (biased exponent, top mantissa bits) is exactly the log-linear bucket.
    return static_cast<std::int64_t>(std::bit_cast<std::uint64_t>(x) >> (52 - kSubBucketBits));
  }
  /// Extends the buckets to cover key k.
  void grow_to(std::int64_t k);
  static double lower_bound(std::int64_t key);

  std::uint64_t count_ = 0;
  std::uint64_t zeros_ = 0;
  std::int64_t first_key_ = 0;          // key of buckets_[0]
  std::vector<std::uint64_t> buckets_;  // counts for keys first_key_ .. first_key_ + size - 1
};

}  // namespace desksim::sim
