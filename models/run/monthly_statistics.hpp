#pragma once
// Calendar-month series of the headline measures, so that a planner sees the months of risk and
// `compare` can difference them month by month. Every series covers the whole run (the warm-up
// month included), one value per calendar month of the start date, the last cut at the horizon.
// Output names end in "_per_month":
//   tickets.{raised,resolved,abandoned,cancelled}_per_month (sums),
//   tickets.open_per_month (mean backlog), desk.agents_rostered_per_month, group.<g>.rostered_per_month
//     (time averages),
//   desk.wait_hours_per_month, tickets.resolve_hours[.P<k>]_per_month,
//   sla.{response,resolution}_attainment[.P<k>]_per_month,
//   supplier.<s>.response_attainment[.P<k>]_per_month, supplier.<s>.resolution_attainment.P<k>_per_month
//     (means of what was observed in the month; the overall supplier resolution attainment per month
//     is the contract's own series, from the flow).
// The staff and cost series come from these (models/cost); availability per month from the
// infrastructure model.
#include <string>
#include <vector>

#include "models/cost/cost_results.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/resolver/resolver_config.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

/// The calendar months of a run from the start date to `horizon_seconds` (> 0), in hours.
RunMonths run_months(std::int64_t start_day, double horizon_seconds);

/// Needs the signals of the flow (desk, tickets, SLA, suppliers and groups) declared.
std::vector<sim::StatisticSpec> monthly_statistics(const ResolverNetworkConfig* network, const RunMonths& months);

}  // namespace desksim::models
