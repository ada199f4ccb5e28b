#pragma once
// Conservation identities of the resolver network, checked on one replication's whole-run counters.
#include <gtest/gtest.h>

#include "tests/models/service_desk_test_support.hpp"

namespace desksim::testing {

inline void expect_resolver_conservation(const results::ReplicationResult& rep) {
  // The desk's books.
  EXPECT_EQ(counter(rep, "tickets.raised_total"), counter(rep, "tickets.resolved_total") +
                                                    counter(rep, "tickets.abandoned_total") +
                                                    counter(rep, "tickets.cancelled_total") + counter(rep, "tickets.open_at_end"));
  // Every visit that ended went to exactly one place: another group of the same supplier, a
  // hand-off to another supplier, or resolution (none of these scenarios cancels tickets).
  const auto departures = counter(rep, "resolver.group_departures_total");
  EXPECT_EQ(departures, counter(rep, "resolver.to_same_supplier_total") + counter(rep, "resolver.to_other_supplier_total") +
                            counter(rep, "resolver.resolved_total"));
  // Every arrival at a group has either left it or is still there.
  EXPECT_EQ(counter(rep, "resolver.group_arrivals_total"), departures + counter(rep, "resolver.in_groups_at_end"));
  // Every hand-off started has arrived or is in transit.
  EXPECT_EQ(counter(rep, "resolver.handoffs_sent_total"),
            counter(rep, "resolver.handoffs_arrived_total") + counter(rep, "resolver.in_handoff_at_end"));
  // Arrivals at groups (or in transit to one) come from the desk or from another group.
  EXPECT_EQ(counter(rep, "resolver.group_arrivals_total") + counter(rep, "resolver.in_handoff_at_end") +
                counter(rep, "resolver.unrouted_total"),
            counter(rep, "resolver.accepted_total") + counter(rep, "resolver.to_same_supplier_total") +
                counter(rep, "resolver.to_other_supplier_total"));
  EXPECT_EQ(counter(rep, "resolver.unrouted_total"), 0u);  // every demand category has a route
}

}  // namespace desksim::testing
