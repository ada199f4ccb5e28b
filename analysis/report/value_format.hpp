#pragma once
// Numbers as people read them, in a metric's unit: "2.1 min", "6.17 h", "99.74%", "£114,190",
// "315,841". A value and its interval are printed in the same scale so that they compare at a glance.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

/// `value` in `unit` (MetricEstimate.unit). Hours under one are shown in minutes.
std::string format_value(double value, const std::string& unit);

/// "mean [low, high]" in the estimate's unit. With one replication, the mean and "no interval"; when
/// the interval is wider than the mean (half the range for a share), the mean and a note that the
/// replications are too few, instead of an interval that says nothing.
std::string format_estimate(const results::MetricEstimate& e);

/// 315841 -> "315,841" (rounded to an integer).
std::string with_thousands(double value);

}  // namespace desksim::analysis
