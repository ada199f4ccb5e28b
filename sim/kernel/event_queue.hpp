#pragma once
// The kernel's pending ticket events, popped in (time, insertion sequence) order: a 4-ary heap plus
// "lanes", FIFO queues for events that are scheduled in time order anyway.
//
// Why lanes: a heap pop costs about 420 instructions at the 12,000 events a baseline year keeps
// pending (callgrind), and most of those pending events are far-future ones whose offset from "now"
// is fixed: the close after resolution, the next arrival, the SLA deadline of a priority. Events of
// one such stream arrive in non-decreasing time, so a FIFO keeps them sorted for the cost of a
// push_back and a pop_front, and they no longer deepen the heap for everything else.
//
// A lane is only a hint: an event earlier than its lane's last one goes to the heap instead, so any
// caller may use any lane. The next event is the smallest (time, sequence) among the heap's top and
// the heads of the non-empty lanes (a handful, kept in a small heap of their own); since every lane
// is sorted by (time, sequence) too, the order is exactly that of one heap, and so are event
// trajectories and fingerprints.
//
// Why a 4-ary heap of 24-byte entries rather than std::priority_queue of 32-byte events: a pop's
// sift-down is a chain of dependent loads and of comparisons no branch predictor can guess (the
// baseline keeps some 4,000 events in the heap, 12 levels of a binary heap). Four children side by
// side halve the levels; the comparisons are made without branches (key() below); packing the
// handler into the low bits of the sequence (which orders ties on its own, being unique) fits more
// entries per cache line. The order is the same (time, sequence) order.
#include <bit>
#include <cassert>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "sim/kernel/large_array_allocator.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::sim {

class EventQueue {
 public:
  struct Event {
    Time time;
    std::uint64_t sequence;
    std::uint64_t payload;
    std::uint32_t handler;
  };
  using LaneId = std::uint32_t;
  /// Handler ids must be below this (they share a word with the sequence).
  static constexpr std::uint32_t kMaxHandlers = 1u << 20;

  /// A new, empty lane.
  LaneId add_lane() {
    lanes_.emplace_back();
    return static_cast<LaneId>(lanes_.size() - 1);
  }

  /// Queues an event at t (not NaN), after every event already queued for the same t.
  void push(Time t, std::uint64_t payload, std::uint32_t handler) { heap_push(entry(t, payload, handler)); }

  /// The same, in `lane` if t is not earlier than that lane's last event, and in the heap otherwise.
  void push(Time t, std::uint64_t payload, std::uint32_t handler, LaneId lane) {
    const Entry event = entry(t, payload, handler);
    std::deque<Entry>& queue = lanes_[lane];
    if (queue.empty()) {
      queue.push_back(event);
      lane_order_.push_back(LaneHead{event, lane});
      lift(lane_order_.size() - 1);
    } else if (event.time_key >= queue.back().time_key) {
      queue.push_back(event);  // behind its lane's head, so the lanes' order is unchanged
    } else {
      heap_push(event);
    }
  }

  bool empty() const { return heap_.empty() && lane_order_.empty(); }
  /// Events in the heap (not in lanes): cheap, unlike size().
  std::size_t heap_size() const { return heap_.size(); }
  std::size_t size() const {
    std::size_t n = heap_.size();
    for (const LaneHead& h : lane_order_) n += lanes_[h.lane].size();
    return n;
  }

  /// The next event; the queue must not be empty.
  Event top() const {
    const Entry& e = from_lane() ? lane_order_.front().head : heap_.front();
    return Event{time_of(e.time_key), e.order >> kHandlerBits, e.payload,
                 static_cast<std::uint32_t>(e.order & (kMaxHandlers - 1))};
  }

  /// Removes the next event; the queue must not be empty. With `prefetch`, a lane that gave it starts
  /// loading the entries three cache lines past its new head: a lane is read at its head only, a few
  /// events at a time between long pauses in which a big run evicts it, so each new line the head
  /// reached was a miss (a tenth of the kernel's loop's time at 440,000 users, perf). In a run whose
  /// lanes stay in the cache the hint is a small cost, so the kernel asks for it only with many
  /// events pending.
  void pop(bool prefetch = false) {
    if (!from_lane()) {
      heap_pop();
      return;
    }
    std::deque<Entry>& queue = lanes_[lane_order_.front().lane];
    queue.pop_front();
    if (prefetch && queue.size() > kLanePrefetchAhead) __builtin_prefetch(&queue[kLanePrefetchAhead]);
    if (queue.empty()) {
      lane_order_.front() = lane_order_.back();
      lane_order_.pop_back();
    } else {
      lane_order_.front().head = queue.front();
    }
    if (!lane_order_.empty()) sink(0);  // the first lane's head is later now (or it was replaced)
  }

 private:
  static constexpr int kHandlerBits = 20;
  static constexpr std::size_t kLanePrefetchAhead = 8;  // entries of 24 bytes: three cache lines
  /// An event as stored: the time as an integer that orders as the time does (time_key), and
  /// `order`, the sequence above the handler's bits, so that comparing it compares sequences (2^44 of
  /// them: some 10^13 events per run).
  struct Entry {
    std::uint64_t time_key;
    std::uint64_t order;
    std::uint64_t payload;
  };
  Entry entry(Time t, std::uint64_t payload, std::uint32_t handler) {
    assert(t == t);  // a NaN time has no place in the order
    return Entry{time_key(t), (next_sequence_++ << kHandlerBits) | handler, payload};
  }
  /// The bits of a double, made to order as the doubles do: a positive one's with the sign bit set, a
  /// negative one's all flipped. -0.0 is made +0.0 first, since the two are the same time.
  static std::uint64_t time_key(Time t) {
    const auto bits = std::bit_cast<std::uint64_t>(t + 0.0);
    return bits >> 63 ? ~bits : bits | (std::uint64_t{1} << 63);
  }
  static Time time_of(std::uint64_t key) {
    return std::bit_cast<Time>(key >> 63 ? key & ~(std::uint64_t{1} << 63) : ~key);
  }
  /// (time, order) as one unsigned 128-bit number, so that one integer comparison orders by time and
  /// then by sequence, and compiles without a branch (a heap's comparisons are coin flips to a branch
  /// predictor).
  static unsigned __int128 key(const Entry& e) {
    return (static_cast<unsigned __int128>(e.time_key) << 64) | e.order;
  }
  static bool earlier(const Entry& a, const Entry& b) { return key(a) < key(b); }

  static constexpr std::size_t kArity = 4;
  void heap_push(const Entry& e) {
    heap_.push_back(e);
    rise(heap_.size() - 1, e);
  }
  /// Puts e at the hole k, or above it while it is earlier than the parent.
  void rise(std::size_t k, const Entry& e) {
    while (k > 0) {
      const std::size_t parent = (k - 1) / kArity;
      if (!earlier(e, heap_[parent])) break;
      heap_[k] = heap_[parent];
      k = parent;
    }
    heap_[k] = e;
  }
  /// The least of heap_[first .. first + 3], without a branch.
  std::size_t least_of_four(std::size_t first) const {
    const std::size_t a = first + (earlier(heap_[first + 1], heap_[first]) ? 1 : 0);
    const std::size_t b = first + 2 + (earlier(heap_[first + 3], heap_[first + 2]) ? 1 : 0);
    return earlier(heap_[b], heap_[a]) ? b : a;
  }
  // Floyd's pop: the hole at the top goes down to a leaf along the least children, then the last
  // entry rises from there (rarely more than a level), so each level costs the children's
  // comparisons only.
  void heap_pop() {
    const Entry last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return;
    std::size_t k = 0;
    for (;;) {
      const std::size_t first = kArity * k + 1;
      std::size_t least;
      if (first + kArity <= n) {
        least = least_of_four(first);
      } else if (first < n) {
        least = first;
        for (std::size_t c = first + 1; c < n; ++c)
          if (earlier(heap_[c], heap_[least])) least = c;
      } else {
        break;
      }
      heap_[k] = heap_[least];
      k = least;
    }
    rise(k, last);
  }

  /// Whether the next event is the first lane's head rather than the heap's top.
  bool from_lane() const {
    return !lane_order_.empty() && (heap_.empty() || earlier(lane_order_.front().head, heap_.front()));
  }
  bool lane_earlier(std::size_t a, std::size_t b) const {
    return earlier(lane_order_[a].head, lane_order_[b].head);
  }
  // lane_order_ is a binary min-heap of the non-empty lanes, keyed by their heads, which it keeps a
  // copy of: the next event is found without going through a lane's deque.
  void lift(std::size_t k) {
    while (k > 0 && lane_earlier(k, (k - 1) / 2)) {
      std::swap(lane_order_[k], lane_order_[(k - 1) / 2]);
      k = (k - 1) / 2;
    }
  }
  void sink(std::size_t k) {
    for (;;) {
      std::size_t least = k;
      for (std::size_t c = 2 * k + 1; c <= 2 * k + 2 && c < lane_order_.size(); ++c)
        if (lane_earlier(c, least)) least = c;
      if (least == k) return;
      std::swap(lane_order_[k], lane_order_[least]);
      k = least;
    }
  }

  std::vector<Entry, LargeArrayAllocator<Entry>> heap_;  // a 4-ary min-heap by (time, order)
  std::vector<std::deque<Entry>> lanes_;
  struct LaneHead {
    Entry head;  // the lane's first event
    LaneId lane;
  };
  std::vector<LaneHead> lane_order_;  // the non-empty lanes, as a heap by their heads
  std::uint64_t next_sequence_ = 0;
};

}  // namespace desksim::sim
