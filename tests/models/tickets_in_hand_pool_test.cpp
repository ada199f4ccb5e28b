// TicketsInHandPool by hand: who takes a new ticket, tickets staying in hand across a roster drop,
// people off duty taking none, repairs taking a whole person, and the effort carried.
#include <gtest/gtest.h>

#include "models/station/tickets_in_hand_pool.hpp"

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

}  // namespace
}  // namespace desksim::models
