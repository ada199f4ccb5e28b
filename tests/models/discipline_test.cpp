// Queue disciplines, by hand: the order in which each serves the same set of tickets.
#include "models/station/discipline.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace desksim::models {
namespace {

struct Arrival {
  std::uint8_t priority;
  std::uint8_t channel;
  double deadline;
  bool chased;
};

std::vector<std::uint32_t> serve(DisciplineKind kind, const std::vector<Arrival>& arrivals) {
  auto d = make_discipline(kind, {true, false, false, true});  // phone and walk-in are live
  for (std::uint32_t i = 0; i < arrivals.size(); ++i) {
    Ticket t;
    t.priority = t.queue_priority = arrivals[i].priority;
    t.channel = arrivals[i].channel;
    t.deadline = arrivals[i].deadline;
    t.chased = arrivals[i].chased;
    d->push(t, QueueEntry{i, i + 1});
  }
  std::vector<std::uint32_t> order;
  QueueEntry e;
  while (d->pop(&e)) order.push_back(e.ticket);
  return order;
}

const std::vector<Arrival> kArrivals = {
    {3, 1, 50.0, false},  // 0: P3 portal
    {1, 1, 90.0, false},  // 1: P1 portal
    {3, 0, 20.0, false},  // 2: P3 phone
    {4, 0, 10.0, true},   // 3: P4 phone, chased
    {1, 0, 90.0, false},  // 4: P1 phone (same deadline as 1: arrival order)
};

TEST(Discipline, FifoServesInArrivalOrderWithChasedTicketsFirst) {
  EXPECT_EQ(serve(DisciplineKind::kFifo, kArrivals), (std::vector<std::uint32_t>{3, 0, 1, 2, 4}));
}

TEST(Discipline, PriorityServesP1FirstAndAChasedTicketOnePriorityHigher) {
  // The chased P4 is served as a P3, ahead of the unchased P3s.
  EXPECT_EQ(serve(DisciplineKind::kPriority, kArrivals), (std::vector<std::uint32_t>{1, 4, 3, 0, 2}));
}

TEST(Discipline, LiveFirstServesLiveContactsFirstWithinAPriority) {
  EXPECT_EQ(serve(DisciplineKind::kLiveFirst, kArrivals), (std::vector<std::uint32_t>{4, 1, 2, 0, 3}));
}

TEST(Discipline, EarliestDeadlineFirstBreaksTiesByArrival) {
  EXPECT_EQ(serve(DisciplineKind::kEarliestDeadline, kArrivals), (std::vector<std::uint32_t>{3, 2, 0, 1, 4}));
}

}  // namespace
}  // namespace desksim::models
