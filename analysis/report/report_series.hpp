#pragma once
// The across-replication means the report draws: a period series, a cycle profile, a tally's
// quantiles, the credits per month. Replications missing a series are skipped.
#include <string>
#include <vector>

#include "desksim/results.pb.h"

namespace desksim::analysis {

/// Mean over replications of series `name`, per period (shortest length over replications).
std::vector<double> mean_series(const results::RunResult& run, const std::string& name, double* period_hours);

/// Mean over replications of profile `name`; with `per_exposure_hour`, each bin's value divided by
/// its exposure (a rate per hour) before averaging.
std::vector<double> mean_profile(const results::RunResult& run, const std::string& name, bool per_exposure_hour);

/// Distribution points (value, cumulative share) of tally `name` from its min, p50, p90, p95, p99
/// and max, each averaged over replications. Empty when no replication observed it.
std::vector<std::pair<double, double>> tally_distribution(const results::RunResult& run, const std::string& name);

/// Mean credit per service and availability month (730 h) over replications: [service][month].
std::vector<std::pair<std::string, std::vector<double>>> service_credits_by_month(const results::RunResult& run);

}  // namespace desksim::analysis
