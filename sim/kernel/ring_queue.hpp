#pragma once
// A FIFO in one contiguous ring (capacity a power of two, doubled when full), for the event queue's
// lanes. std::deque does the same job in 512-byte blocks, but a lane is read at its head only, a few
// entries at a time between long pauses while the rest of the run evicts it from the cache: each new
// line the head reaches was a miss (a tenth of the kernel's loop's time at 440,000 users, perf). In
// one array the lines ahead of the head have known addresses, so pop_front() starts loading them.
#include <bit>
#include <cassert>
#include <cstddef>
#include <vector>

namespace desksim::sim {

template <typename T>
class RingQueue {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const T& front() const {
    assert(size_ > 0);
    return ring_[head_];
  }
  const T& back() const {
    assert(size_ > 0);
    return ring_[(head_ + size_ - 1) & mask()];
  }
  void push_back(const T& value) {
    if (size_ == ring_.size()) grow();
    ring_[(head_ + size_) & mask()] = value;
    ++size_;
  }
  /// Removes the front, and starts loading the entries a few cache lines behind it.
  void pop_front() {
    assert(size_ > 0);
    head_ = (head_ + 1) & mask();
    --size_;
    __builtin_prefetch(&ring_[(head_ + kPrefetchAhead) & mask()]);
  }

 private:
  // Some three cache lines ahead: far enough to arrive before the head gets there, a lane being
  // popped a few entries at a time.
  static constexpr std::size_t kPrefetchAhead = 192 / sizeof(T) > 0 ? 192 / sizeof(T) : 1;
  static constexpr std::size_t kFirstCapacity = 16;
  std::size_t mask() const { return ring_.size() - 1; }
  void grow() {
    std::vector<T> bigger(ring_.empty() ? kFirstCapacity : 2 * ring_.size());
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = ring_[(head_ + i) & mask()];
    ring_ = std::move(bigger);
    head_ = 0;
    static_assert(std::has_single_bit(kFirstCapacity));
  }

  std::vector<T> ring_;  // capacity ring_.size(), a power of two (or 0)
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace desksim::sim
