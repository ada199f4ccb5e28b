// The lifecycle table, walked whole: every allowed transition succeeds, emits one declared signal
// with the time spent in the old state and is counted; every other transition is refused.
#include "models/ticket/lifecycle.hpp"

#include <gtest/gtest.h>

#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {
namespace {

TEST(Lifecycle, EveryTransitionOfTheTableIsAllowedAndEveryOtherRefused) {
  sim::SignalBus bus;
  Lifecycle lifecycle(bus);
  std::size_t allowed = 0;
  for (std::size_t from = 0; from < kTicketStates; ++from) {
    for (std::size_t to = 0; to < kTicketStates; ++to) {
      Ticket t;
      t.state = static_cast<TicketState>(from);
      t.state_since = 1.0;
      if (Lifecycle::allowed(t.state, static_cast<TicketState>(to))) {
        ++allowed;
        lifecycle.enter(t, static_cast<TicketState>(to), 3.5);
        EXPECT_EQ(t.state, static_cast<TicketState>(to));
        EXPECT_EQ(t.state_since, 3.5);
        if (from != 0) {
          EXPECT_EQ(t.seconds_in_state[from], 2.5f) << state_name(static_cast<TicketState>(from));
        }
      } else {
        EXPECT_THROW(lifecycle.enter(t, static_cast<TicketState>(to), 3.5), std::logic_error)
            << state_name(static_cast<TicketState>(from)) << " -> " << state_name(static_cast<TicketState>(to));
        EXPECT_EQ(t.state, static_cast<TicketState>(from));
      }
    }
  }
  EXPECT_GT(allowed, 40u);
  // Every state is reachable from raised and can reach free again (no dead ends).
  for (std::size_t s = 1; s < kTicketStates; ++s) {
    std::uint64_t in = 0, out = 0;
    for (std::size_t k = 0; k < kTicketStates; ++k) {
      in += Lifecycle::allowed(static_cast<TicketState>(k), static_cast<TicketState>(s));
      out += Lifecycle::allowed(static_cast<TicketState>(s), static_cast<TicketState>(k));
    }
    EXPECT_GT(in, 0u) << state_name(static_cast<TicketState>(s));
    EXPECT_GT(out, 0u) << state_name(static_cast<TicketState>(s));
  }
}

TEST(Lifecycle, EmitsTheTimeSpentInTheStateItLeavesAndCountsEntriesAndExits) {
  sim::SignalBus bus;
  Lifecycle lifecycle(bus);
  sim::StatisticsRecorder recorder(bus, {{"state.queued", sim::StatisticSpec::Kind::kTally, "q", 1.0, {}},
                                         {"state.in_service", sim::StatisticSpec::Kind::kTally, "s", 1.0, {}}});
  Ticket t;
  lifecycle.enter(t, TicketState::kRaised, 0.0);
  lifecycle.enter(t, TicketState::kQueued, 0.0);
  lifecycle.enter(t, TicketState::kInService, 4.0);
  lifecycle.enter(t, TicketState::kResolved, 10.0);
  const auto r = recorder.recorded();
  EXPECT_EQ(r[0].tally->count(), 1u);
  EXPECT_DOUBLE_EQ(r[0].tally->mean(), 4.0);
  EXPECT_DOUBLE_EQ(r[1].tally->mean(), 6.0);
  EXPECT_EQ(lifecycle.entered(TicketState::kQueued), 1u);
  EXPECT_EQ(lifecycle.left(TicketState::kQueued), 1u);
  EXPECT_EQ(lifecycle.entered(TicketState::kResolved), 1u);
  EXPECT_EQ(lifecycle.left(TicketState::kResolved), 0u);
}

}  // namespace
}  // namespace desksim::models
