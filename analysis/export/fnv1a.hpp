#pragma once
// FNV-1a 64-bit hash (Fowler, Noll, Vo): the fingerprints of scenarios and runs. Not cryptographic;
// it only tells whether two inputs are the same, and is stable across platforms and versions.
#include <cstdint>
#include <string>
#include <string_view>

namespace desksim::analysis {

inline constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;

inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnvOffset) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

/// Folds a 64-bit value in, least significant byte first.
inline std::uint64_t fnv1a(std::uint64_t value, std::uint64_t hash) {
  for (int i = 0; i < 8; ++i) {
    hash ^= (value >> (8 * i)) & 0xffu;
    hash *= 1099511628211ull;
  }
  return hash;
}

/// 16 lower-case hex digits.
inline std::string hex16(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kDigits[value & 0xfu];
  return out;
}

}  // namespace desksim::analysis
