#pragma once
// The estimates that have targets, gathered with their targets: SLA attainment per supplier,
// priority and clock, and service availability per service. The database, the summary and the
// HTML report all read these, so that they agree.
#include <optional>
#include <string>
#include <vector>

#include "desksim/results.pb.h"

namespace desksim::analysis {

struct SlaAttainment {
  std::string supplier;   ///< a supplier, or "end-to-end" for the desk's own clock ("sla.*")
  std::string priority;   ///< "all", "P1".."P4"
  std::string clock;      ///< "response" or "resolution"
  const results::MetricEstimate* estimate;
  std::optional<double> target_percent;     ///< contract attainment threshold
  std::optional<double> target_time_hours;  ///< per-ticket time target of this priority
  std::string calendar;
};

/// In the order of run.estimates; every attainment estimate named supplier.<s>.<clock>_attainment[.Pk].mean
/// or sla.<clock>_attainment[.Pk].mean.
std::vector<SlaAttainment> sla_attainments(const results::RunResult& run);

struct ServiceAvailability {
  std::string service;
  double target_percent;
  const results::MetricEstimate* availability;                 ///< service.<s>.availability
  const results::MetricEstimate* business_hours_availability;  ///< may be null
  const results::MetricEstimate* target_met;                   ///< may be null
  const results::MetricEstimate* downtime_minutes;             ///< may be null
  const results::MetricEstimate* planned_downtime_minutes;     ///< may be null
  const results::MetricEstimate* credit_pounds;                ///< may be null
};

/// One per service of the first replication's infrastructure that has an availability estimate.
std::vector<ServiceAvailability> service_availabilities(const results::RunResult& run);

}  // namespace desksim::analysis
