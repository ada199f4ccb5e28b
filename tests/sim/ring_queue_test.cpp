// RingQueue against std::deque: the same contents through growth and wrap-around.
#include "sim/kernel/ring_queue.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <random>

namespace desksim::sim {
namespace {

TEST(RingQueue, KeepsFifoOrderThroughGrowthAndWrapAround) {
  RingQueue<int> ring;
  std::deque<int> reference;
  std::mt19937 random(7);
  int next = 0;
  // Phases that fill (growth while the head is not at 0) and drain (wrap-around).
  for (int phase = 0; phase < 40; ++phase) {
    const double push_share = phase % 2 == 0 ? 0.7 : 0.3;
    for (int step = 0; step < 500; ++step) {
      if (reference.empty() || std::uniform_real_distribution<>(0, 1)(random) < push_share) {
        ring.push_back(next);
        reference.push_back(next);
        ++next;
      } else {
        ASSERT_EQ(ring.front(), reference.front());
        ring.pop_front();
        reference.pop_front();
      }
      ASSERT_EQ(ring.size(), reference.size());
      ASSERT_EQ(ring.empty(), reference.empty());
      if (!reference.empty()) {
        ASSERT_EQ(ring.front(), reference.front());
        ASSERT_EQ(ring.back(), reference.back());
      }
    }
  }
  EXPECT_GT(next, 5000);
}

TEST(RingQueue, EmptiedAndRefilledStartsAgainAtAnyHead) {
  RingQueue<int> ring;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 37; ++i) ring.push_back(100 * round + i);
    for (int i = 0; i < 37; ++i) {
      ASSERT_EQ(ring.front(), 100 * round + i);
      ring.pop_front();
    }
    EXPECT_TRUE(ring.empty());
  }
}

}  // namespace
}  // namespace desksim::sim
