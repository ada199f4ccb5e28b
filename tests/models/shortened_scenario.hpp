#pragma once
// A shipped scenario cut short for tests that run every one of them: one replication of at most
// `hours` hours or `tickets` measured tickets.
#include "desksim/scenario.pb.h"

namespace desksim::testing {

inline scenario::Scenario shortened(scenario::Scenario s, double hours = 1000, std::uint64_t tickets = 20000) {
  auto* run = s.mutable_run();
  run->set_replications(1);
  run->set_seed(1);
  if (run->horizon_hours() > hours) run->set_horizon_hours(hours);
  if (run->warmup_hours() >= run->horizon_hours()) run->set_warmup_hours(0);
  if (run->max_tickets() > tickets) run->set_max_tickets(tickets);
  if (run->warmup_tickets() > tickets) run->set_warmup_tickets(tickets / 10);
  return s;
}

}  // namespace desksim::testing
