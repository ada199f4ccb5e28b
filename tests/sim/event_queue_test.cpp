// The event queue's lanes change nothing in the order events come out: on random streams, some
// pushed in time order into lanes, some out of order (which must fall back to the heap), it pops
// exactly the (time, sequence) order of one std::priority_queue fed the same events, and gives back
// each event's handler and payload.
#include "sim/kernel/event_queue.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <queue>
#include <utility>
#include <vector>

#include "sim/random/random_stream.hpp"

namespace desksim::sim {
namespace {

struct Reference {
  Time time;
  std::uint64_t sequence;
  std::uint64_t payload;
  std::uint32_t handler;
  bool operator>(const Reference& o) const { return time > o.time || (time == o.time && sequence > o.sequence); }
};

TEST(EventQueue, LanesPopInExactlyTheOrderOfOneHeap) {
  RandomStream draw(3, 0, stream_id_for("test.event_queue"));
  EventQueue queue;
  std::vector<EventQueue::LaneId> lanes;
  for (int l = 0; l < 6; ++l) lanes.push_back(queue.add_lane());
  std::priority_queue<Reference, std::vector<Reference>, std::greater<>> reference;
  std::uint64_t sequence = 0, payload = 0;
  Time now = 0;
  std::size_t popped = 0;
  for (int step = 0; step < 200000; ++step) {
    const double u = draw.uniform();
    if (u < 0.55 || reference.empty()) {
      // Ties on purpose: times on a coarse grid, so that equal times meet across lanes and the heap.
      const Time t = now + std::floor(draw.uniform() * 8.0);
      const double how = draw.uniform();
      // Handlers up to the largest allowed, as they share a word with the sequence.
      const auto handler = static_cast<std::uint32_t>(draw.uniform() * EventQueue::kMaxHandlers);
      if (how < 0.4) queue.push(t, payload, handler);
      else queue.push(t, payload, handler, lanes[static_cast<std::size_t>(how * 10) % lanes.size()]);
      reference.push(Reference{t, sequence++, payload++, handler});
    } else {
      ASSERT_FALSE(queue.empty());
      const EventQueue::Event& next = queue.top();
      ASSERT_EQ(next.payload, reference.top().payload) << "at pop " << popped;
      ASSERT_EQ(next.time, reference.top().time);
      ASSERT_EQ(next.sequence, reference.top().sequence);
      ASSERT_EQ(next.handler, reference.top().handler);
      now = next.time;
      queue.pop();
      reference.pop();
      ++popped;
    }
    ASSERT_EQ(queue.size(), reference.size());
  }
  EXPECT_GT(popped, 50000u);
}

TEST(EventQueue, AnEarlierEventInALaneGoesToTheHeapAndStillComesFirst) {
  EventQueue queue;
  const auto lane = queue.add_lane();
  queue.push(10.0, 1, 0, lane);
  queue.push(5.0, 2, 0, lane);   // earlier than the lane's last: heap
  queue.push(10.0, 3, 0, lane);  // a tie with the lane's last: stays in the lane, after it
  std::vector<std::uint64_t> order;
  while (!queue.empty()) {
    order.push_back(queue.top().payload);
    queue.pop();
  }
  EXPECT_EQ(order, (std::vector<std::uint64_t>{2, 1, 3}));
}

TEST(EventQueue, NegativeZeroAndInfiniteTimesKeepTheirOrder) {
  EventQueue queue;
  const auto lane = queue.add_lane();
  const double inf = std::numeric_limits<double>::infinity();
  // (time, payload) in push order; -0.0 and 0.0 are one time, so they keep their push order.
  const std::vector<std::pair<double, std::uint64_t>> pushed = {
      {3.5, 0}, {-2.0, 1}, {0.0, 2}, {-0.0, 3}, {inf, 4}, {-inf, 5}, {-1e-300, 6}, {1e-300, 7}, {-2.0, 8}};
  for (const auto& [t, payload] : pushed) {
    if (payload % 2) queue.push(t, payload, 0, lane);
    else queue.push(t, payload, 0);
  }
  std::vector<std::uint64_t> order;
  std::vector<double> times;
  while (!queue.empty()) {
    order.push_back(queue.top().payload);
    times.push_back(queue.top().time);
    queue.pop();
  }
  EXPECT_EQ(order, (std::vector<std::uint64_t>{5, 1, 8, 6, 2, 3, 7, 0, 4}));
  EXPECT_EQ(times, (std::vector<double>{-inf, -2.0, -2.0, -1e-300, 0.0, 0.0, 1e-300, 3.5, inf}));
}

}  // namespace
}  // namespace desksim::sim
