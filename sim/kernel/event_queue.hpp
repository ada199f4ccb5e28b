#pragma once
// The kernel's pending ticket events, popped in (time, insertion sequence) order: a binary heap plus
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
#include <cstdint>
#include <deque>
#include <queue>
#include <utility>
#include <vector>

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

  /// A new, empty lane.
  LaneId add_lane() {
    lanes_.emplace_back();
    return static_cast<LaneId>(lanes_.size() - 1);
  }

  /// Queues an event at t, after every event already queued for the same t.
  void push(Time t, std::uint64_t payload, std::uint32_t handler) { heap_.push(Event{t, next_sequence_++, payload, handler}); }

  /// The same, in `lane` if t is not earlier than that lane's last event, and in the heap otherwise.
  void push(Time t, std::uint64_t payload, std::uint32_t handler, LaneId lane) {
    const Event event{t, next_sequence_++, payload, handler};
    std::deque<Event>& queue = lanes_[lane];
    if (queue.empty()) {
      queue.push_back(event);
      lane_order_.push_back(lane);
      lift(lane_order_.size() - 1);
    } else if (t >= queue.back().time) {
      queue.push_back(event);  // behind its lane's head, so the lanes' order is unchanged
    } else {
      heap_.push(event);
    }
  }

  bool empty() const { return heap_.empty() && lane_order_.empty(); }
  std::size_t size() const {
    std::size_t n = heap_.size();
    for (LaneId lane : lane_order_) n += lanes_[lane].size();
    return n;
  }

  /// The next event; the queue must not be empty.
  const Event& top() const { return from_lane() ? lanes_[lane_order_.front()].front() : heap_.top(); }

  /// Removes the next event; the queue must not be empty.
  void pop() {
    if (!from_lane()) {
      heap_.pop();
      return;
    }
    std::deque<Event>& queue = lanes_[lane_order_.front()];
    queue.pop_front();
    if (queue.empty()) {
      lane_order_.front() = lane_order_.back();
      lane_order_.pop_back();
    }
    if (!lane_order_.empty()) sink(0);  // the first lane's head is later now (or it was replaced)
  }

 private:
  static bool earlier(const Event& a, const Event& b) {
    return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
  }
  struct Later {
    bool operator()(const Event& a, const Event& b) const { return earlier(b, a); }
  };

  /// Whether the next event is the first lane's head rather than the heap's top.
  bool from_lane() const {
    return !lane_order_.empty() && (heap_.empty() || earlier(lanes_[lane_order_.front()].front(), heap_.top()));
  }
  bool lane_earlier(std::size_t a, std::size_t b) const {
    return earlier(lanes_[lane_order_[a]].front(), lanes_[lane_order_[b]].front());
  }
  // lane_order_ is a binary min-heap of the non-empty lanes, keyed by their heads.
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

  std::priority_queue<Event, std::vector<Event>, Later> heap_;
  std::vector<std::deque<Event>> lanes_;
  std::vector<LaneId> lane_order_;  // the non-empty lanes, as a heap by their heads
  std::uint64_t next_sequence_ = 0;
};

}  // namespace desksim::sim
