#pragma once
// The measures a capacity planner reads first, declared once with the label they are shown under:
// the sweep summary and its charts, the comparison's month-by-month table and the report's monthly
// charts all draw from these lists, so that they show the same measures under the same names.
#include <span>

namespace desksim::analysis {

struct PlannerMeasure {
  const char* metric;  ///< an estimate's name (MetricEstimate.name), or a monthly series' name
  const char* label;   ///< as shown, e.g. "SLA resolution"
};

/// Per run (sweeps): SLA attainment, desk wait and abandonment, utilisation, backlog, time to
/// resolve, staff and cost, in reading order; a run shows those it has.
std::span<const PlannerMeasure> planner_measures();

/// Per calendar month (comparisons and reports): the same story month by month.
std::span<const PlannerMeasure> planner_monthly_series();

}  // namespace desksim::analysis
