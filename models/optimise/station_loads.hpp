#pragma once
// The offered load of every station (the level-1 desk and each resolver group) per half-hour of the
// week, from the scenario alone: the analytic side of the staffing optimiser.
//
//   desk:   arrivals per half-hour from the demand profile (population: each segment's rate times its
//           hour-of-week weight; simple form: the constant rate), tickets of categories routed past
//           the desk excluded; work = the channel-weighted mean handle time.
//   groups: per category, the tickets reaching the network (those the desk does not resolve at first
//           contact, or all when the route bypasses the desk) times the expected visits to each group
//           from the routing chain (escalation, misroute, transfer; (I - Q)^-1 solved with Eigen,
//           models/scenario/resolver_visits.hpp); work per visit = mean work plus, for each waiting
//           rule that applies to any category and priority, its probability times the mean work
//           after the wait (the waits themselves hold no engineer); a group whose people hold
//           several tickets at once (tickets_in_hand k) offers 1/k of that in people.
// Approximations, which the simulation search corrects: a group's arrivals follow the demand profile
// without the lag of the desk and of waiting states; work overrides, later-visit and hand-over work
// are taken at the first-visit mean; repair work drawn from a group is not counted.
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"

namespace desksim::models {

struct StationLoad {
  std::string name;                       ///< "desk" or the resolver group's name
  std::string supplier;                   ///< who runs it ("" for the simple desk)
  bool is_desk = false;
  std::vector<double> arrivals_per_hour;  ///< 336 values, index 0 = Monday 00:00-00:30
  double mean_work_hours = 0.0;           ///< per arrival: the time it holds a place
  /// Places per person (a resolver group's tickets_in_hand; 1 at the desk): a visit costs
  /// mean_work_hours / places_per_server of a person.
  std::uint32_t places_per_server = 1;
  /// Desk only: the share of arrivals on a channel whose contacts abandon, and their abandonment rate
  /// per hour while waiting (1 / mean patience); 0 when no channel has patience.
  double impatient_share = 0.0;
  double patience_rate_per_hour = 0.0;

  /// Offered load in people (Erlangs of effort) in half-hour h: arrivals per hour times work in hours,
  /// divided by the places per person.
  double offered_load(std::size_t h) const { return arrivals_per_hour[h] * mean_work_hours / places_per_server; }
};

/// One entry for the desk (first) and one per resolver group, in the scenario's order. The scenario
/// must have passed validation.
std::vector<StationLoad> station_loads(const scenario::Scenario& scenario);

}  // namespace desksim::models
