#pragma once
// A running hash of the event trajectory (OMNeT++'s "fingerprint"): every processed event folds its
// time, handler and payload in. Two runs with equal fingerprints processed the same events at the
// same times; a changed fingerprint for a shipped scenario means behaviour changed, which must be
// deliberate. Cheap enough for the hot path: three multiply-xor steps per event.
#include <bit>
#include <cstdint>

namespace desksim::sim {

class Fingerprint {
 public:
  void add(std::uint64_t word) {
    // splitmix64-style finaliser of (state ^ word): good avalanche, order-sensitive.
    std::uint64_t z = state_ ^ (word + 0x9e3779b97f4a7c15ULL + (state_ << 6) + (state_ >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    state_ = z ^ (z >> 31);
  }
  void add(double value) { add(std::bit_cast<std::uint64_t>(value)); }
  std::uint64_t value() const { return state_; }

 private:
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace desksim::sim
