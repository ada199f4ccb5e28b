#pragma once
// What `desksim sweep` prints and writes as sweep-summary.csv: the headline measures of each point
// with their intervals, beside the values the point gives the varied fields.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

/// A few lines per point: its settings, then the planner's measures present in the runs (SLA
/// attainment, wait, abandonment, backlog, utilisation, staff and cost), each "mean [low, high]".
std::string sweep_summary(const results::Sweep& sweep);

/// One row per point and headline metric (text_summary.hpp): point, each varied field, metric, unit,
/// n, mean, ci_low, ci_high, method. A long table: a chart plots any metric against any field.
std::string sweep_summary_csv(const results::Sweep& sweep);

}  // namespace desksim::analysis
