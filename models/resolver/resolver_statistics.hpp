#pragma once
// Which statistics the resolver network's signals feed (see resolver_network.hpp for the signals).
// Output names (hours for durations; "<s>" supplier, "<g>" group, ".P<k>" per priority):
//   group.<g>.visits (count), group.<g>.wait_hours, group.<g>.sojourn_hours (tallies per visit),
//   group.<g>.queue_length / .busy / .on_duty (time averages; busy and on duty also by hour of week),
//   group.<g>.chases, group.<g>.ola_escalations (counts);
//   supplier.<s>.{handoffs_in, handoffs_out, chases, ola_escalations, escalations_l3, reassignments}[.P<k>] (counts),
//   supplier.<s>.{response_attainment, resolution_attainment}[.P<k>] (tallies of 1/0 at final resolution),
//   supplier.<s>.resolution_hours[.P<k>] (own-clock working hours), supplier.<s>.time_held_hours[.P<k>],
//   supplier.<s>.reassignments_{0,1,2,3plus}[.P<k>] and tickets.reassignments_{0,1,2,3plus}[.P<k>] (counts),
//   tickets.network_hours, tickets.visits, resolver.handoff_hours (tallies), breach.caused_by.* (counts).
#include <vector>

#include "models/desk/service_desk_config.hpp"
#include "models/resolver/resolver_config.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

std::vector<sim::StatisticSpec> resolver_statistics(const ServiceDeskConfig& desk, const ResolverNetworkConfig& config);

}  // namespace desksim::models
