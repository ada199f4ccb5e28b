#pragma once
// What a metric measures, read from its name: the unit of a metric, and the kind of a scalar (the
// one source whose range the results schema does not imply). Names put the unit in a word of their
// own, e.g. "desk.wait_hours.p90", "service.x.downtime_minutes", "supplier.y.credit_pounds"
// (results.proto: "Times are in hours unless a field or metric name says otherwise").
#include <string>
#include <string_view>

#include "analysis/statistics/metric_interval.hpp"

namespace desksim::analysis {

/// "hours", "minutes", "pounds", "share" (kind share or indicator), "agents", "tickets", or "".
std::string unit_of(std::string_view metric, MetricKind kind);

/// The group a metric is reported under: "demand", "desk", "sla", "resolver", "availability",
/// "infrastructure", "cost" or "other".
std::string_view metric_topic(std::string_view metric);

/// Kind of a `Scalar` by its name: availabilities and attainments are shares, target_met is an
/// indicator, durations and money are non-negative, anything else real.
MetricKind scalar_kind(std::string_view name);

/// Kind of a time average: utilisations and up-states are shares, other levels non-negative.
MetricKind time_average_kind(std::string_view name);

}  // namespace desksim::analysis
