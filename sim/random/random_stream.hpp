// Counter-based random streams: one independent, reproducible stream per (seed, replication, source).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace desksim::sim {

/// Derives a stable 64-bit stream id from a name such as "desk.arrivals" (FNV-1a 64 of the bytes),
/// so that a stochastic source keeps its stream when other sources are added or removed.
/// The id depends only on the bytes of `name` (no locale, no platform dependence).
std::uint64_t stream_id_for(std::string_view name);

/// A counter-based random stream (Random123 Philox4x64-10).
///
/// Key = (seed, stream_id); counter = (replication, 0, block_hi, block_lo), where (block_hi, block_lo)
/// is a 128-bit index of the Philox block being consumed (block_hi stays 0 in any realistic run).
/// Each block yields 4 words, consumed in order ctr-output[0..3].
///
/// Why counter-based: streams are independent, cheap to create (no state to seed or skip ahead),
/// and reproducible bit for bit on every platform: the same (seed, replication, stream_id) always
/// yields the same sequence of next_u64() words and of uniform() values.
class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::uint64_t stream_id);

  /// Next raw 64-bit word. Words are buffered per Philox block; the block is computed out of line.
  std::uint64_t next_u64() {
    if (pos_ == kWordsPerBlock) refill();
    return buffer_[pos_++];
  }

  /// Next uniform variate in the OPEN interval (0,1); consumes one word.
  double uniform() { return to_open_unit(next_u64()); }

  /// Maps a 64-bit word to (0,1): (0.5 + (word >> 12)) * 2^-52, i.e. the midpoints of 2^52 equal cells
  /// (Random123's u01fixedpt_open_open_64_double). Smallest value 2^-53, largest 1 - 2^-53, and the set
  /// of values is symmetric (u and 1-u are both possible), so log(u), log(1-u) and normal quantiles
  /// are always finite. Note: the 53-bit variant ((word >> 11) + 0.5) * 2^-53 is NOT used because
  /// k + 0.5 is not representable for k >= 2^52 and rounds to even, returning exactly 1.0 for the
  /// largest word.
  static double to_open_unit(std::uint64_t word) {
    return (0.5 + static_cast<double>(word >> 12)) * 0x1.0p-52;
  }

  /// Number of 64-bit words consumed so far (uniform() consumes exactly one).
  std::uint64_t draws() const { return block_lo_ * kWordsPerBlock + pos_ - kWordsPerBlock; }

  std::uint64_t seed() const { return seed_; }
  std::uint64_t replication() const { return replication_; }
  std::uint64_t stream_id() const { return stream_id_; }

  /// The raw Philox4x64-10 block function, exposed for known-answer tests:
  /// returns philox4x64_R(10, counter, key).
  static std::array<std::uint64_t, 4> philox_block(const std::array<std::uint64_t, 4>& counter,
                                                   const std::array<std::uint64_t, 2>& key);

 private:
  static constexpr std::uint64_t kWordsPerBlock = 4;

  void refill();  // computes block (block_hi_, block_lo_) into buffer_ and advances the block index

  std::uint64_t seed_;
  std::uint64_t replication_;
  std::uint64_t stream_id_;
  // Index of the NEXT block to compute; block_lo_ also counts computed blocks (used by draws()).
  std::uint64_t block_hi_ = 0;
  std::uint64_t block_lo_ = 0;
  std::uint64_t pos_ = kWordsPerBlock;  // buffer empty: first call refills
  std::array<std::uint64_t, 4> buffer_{};
};

}  // namespace desksim::sim
