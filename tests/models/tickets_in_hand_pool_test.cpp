// TicketsInHandPool by hand: who takes a new ticket, tickets staying in hand across a roster drop,
// people off duty taking none, repairs taking a whole person, and the effort carried; then, on a long
// random sequence, the same choices as a scan of every person (the rule, written the plain way).
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "models/station/tickets_in_hand_pool.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::models {
namespace {

TEST(TicketsInHandPool, TicketsStayInHandOffDutyAndOnlyPeopleOnDutyTakeNewOnes) {
  TicketsInHandPool pool(3);
  EXPECT_FALSE(pool.can_take());  // nobody on duty yet
  pool.set_on_duty(2);
  EXPECT_EQ(pool.places(), 6u);
  // The person holding fewest takes the next ticket, the lower index among equals: 0, 1, 0, 1.
  EXPECT_EQ(pool.take(), 0u);
  EXPECT_EQ(pool.take(), 3u);
  EXPECT_EQ(pool.take(), 1u);
  EXPECT_EQ(pool.take(), 4u);
  EXPECT_DOUBLE_EQ(pool.busy(), 4.0 / 3.0);

  pool.set_on_duty(1);  // person 1 goes home with two tickets in hand
  EXPECT_EQ(pool.on_duty(), 1.0);
  EXPECT_DOUBLE_EQ(pool.busy(), 2.0 / 3.0);  // the person at work
  ASSERT_TRUE(pool.can_take());
  EXPECT_EQ(pool.take(), 2u);  // person 0's last place
  EXPECT_FALSE(pool.can_take());
  pool.release(4);  // person 1's ticket is done while off duty
  EXPECT_FALSE(pool.can_take());  // a free place off duty takes nothing
  EXPECT_DOUBLE_EQ(pool.busy(), 1.0);

  pool.set_on_duty(2);  // person 1 is back, holding one
  ASSERT_TRUE(pool.can_take());
  EXPECT_EQ(pool.take(), 4u);
  EXPECT_DOUBLE_EQ(pool.busy(), 5.0 / 3.0);
}

TEST(TicketsInHandPool, ARepairTakesTheWholePersonHoldingFewest) {
  TicketsInHandPool pool(3);
  pool.set_on_duty(2);
  for (int k = 0; k < 5; ++k) pool.take();  // person 0 holds 3, person 1 holds 2
  ASSERT_TRUE(pool.can_take());
  ASSERT_TRUE(pool.can_repair());
  EXPECT_EQ(pool.start_repair(), 1u);
  EXPECT_FALSE(pool.can_take());    // person 0 is full, person 1 repairs
  EXPECT_TRUE(pool.can_repair());   // person 0 could still be taken, full hands or not
  EXPECT_DOUBLE_EQ(pool.busy(), 1.0 + 1.0);  // person 0's full hands, and the repair
  pool.set_on_duty(1);  // person 1 stays on duty until the repair ends
  EXPECT_EQ(pool.on_duty(), 2.0);
  pool.end_repair(1);
  EXPECT_EQ(pool.on_duty(), 1.0);
  EXPECT_FALSE(pool.can_take());
  pool.release(0);
  EXPECT_TRUE(pool.can_take());
  EXPECT_DOUBLE_EQ(pool.busy(), 2.0 / 3.0);  // person 1 is off duty
}

/// The rule of who takes a ticket or a repair, as a scan: the person on duty and not repairing
/// holding the fewest, the lowest index among equals.
struct ScanReference {
  std::uint32_t k, on_duty = 0;
  std::vector<std::uint32_t> held;
  std::vector<bool> repairing;
  std::uint32_t fewest() const {
    std::uint32_t best = ~0u;
    for (std::uint32_t p = 0; p < held.size(); ++p)
      if (p < on_duty && !repairing[p] && (best == ~0u || held[p] < held[best])) best = p;
    return best;
  }
};

TEST(TicketsInHandPool, ChoosesAsAScanOfEveryPersonWouldOnALongRandomSequence) {
  constexpr std::uint32_t k = 4;
  TicketsInHandPool pool(k);
  ScanReference ref{k, 0, {}, {}};
  sim::RandomStream draw(11, 0, sim::stream_id_for("test.tickets_in_hand_pool"));
  std::vector<std::uint32_t> in_hand;                    // places holding a ticket
  std::vector<std::uint32_t> repairs;                    // people repairing
  std::uint32_t takes = 0;
  for (int step = 0; step < 200000; ++step) {
    const double u = draw.uniform();
    if (u < 0.02) {  // a roster change, up to 300 people
      const auto people = static_cast<std::uint32_t>(draw.uniform() * 300);
      pool.set_on_duty(people);
      ref.on_duty = people;
      if (ref.held.size() < people) {
        ref.held.resize(people, 0);
        ref.repairing.resize(people, false);
      }
    } else if (u < 0.55) {
      ASSERT_EQ(pool.can_take(), ref.fewest() != ~0u && ref.held[ref.fewest()] < k);
      if (!pool.can_take()) continue;
      const std::uint32_t expected = ref.fewest();
      const std::uint32_t place = pool.take();
      ASSERT_EQ(place / k, expected) << "at step " << step;
      ++ref.held[expected];
      in_hand.push_back(place);
      ++takes;
    } else if (u < 0.97) {
      if (in_hand.empty()) continue;
      const auto at = static_cast<std::size_t>(draw.uniform() * in_hand.size());
      pool.release(in_hand[at]);
      --ref.held[in_hand[at] / k];
      in_hand[at] = in_hand.back();
      in_hand.pop_back();
    } else if (u < 0.985) {
      ASSERT_EQ(pool.can_repair(), ref.fewest() != ~0u);
      if (!pool.can_repair()) continue;
      const std::uint32_t expected = ref.fewest();
      ASSERT_EQ(pool.start_repair(), expected) << "at step " << step;
      ref.repairing[expected] = true;
      repairs.push_back(expected);
    } else if (!repairs.empty()) {
      pool.end_repair(repairs.back());
      ref.repairing[repairs.back()] = false;
      repairs.pop_back();
    }
  }
  EXPECT_GT(takes, 50000u);
}

}  // namespace
}  // namespace desksim::models
