#pragma once
// Across-replication estimates for every scalar metric of a run: each tally's mean, quantiles and
// threshold shares, each time average, each counter, each scalar. Replications are independent; each
// metric's interval is built by the method its kind calls for (metric_interval.hpp), so that no
// interval leaves the range its quantity can take.
#include <string>
#include <vector>

#include "analysis/statistics/metric_interval.hpp"
#include "desksim/results.pb.h"

namespace desksim::analysis {

/// Per-replication values of every scalar metric, by name, in first-seen order. A tally that observed
/// nothing in a replication (the waits of a priority no ticket had) has no value there: the metric
/// keeps the values of the replications that have it, and `replications` says which they are, so
/// that its estimate reports its own n and paired comparisons pair by replication.
struct MetricSamples {
  std::string name;
  std::vector<double> values;
  std::vector<int> replications;        ///< index in RunResult.replications of each value, increasing
  MetricKind kind = MetricKind::kReal;  ///< the range of the quantity, from its source and name
  std::string unit;                     ///< metric_units.hpp
  std::string period{};                 ///< the month ("YYYY-MM") of one period of a monthly series
  bool headline = false;                ///< declared a headline figure by the models (ReplicationResult.headline_metrics)
};
std::vector<MetricSamples> collect_metric_samples(const results::RunResult& run);
/// The same for each calendar month of every monthly series (a series with a label per period): one
/// MetricSamples per series and month, in first-seen order. A month of a mean-of-observations series
/// that observed nothing in a replication has no value there.
std::vector<MetricSamples> collect_monthly_samples(const results::RunResult& run);

/// Replaces run->estimates with one MetricEstimate per metric, each over the replications that
/// observed it (MetricEstimate.n), and run->monthly_estimates with one per series and month.
void add_estimates(results::RunResult* run, double confidence = 0.95);

/// The estimate of the named metric, or nullptr.
const results::MetricEstimate* find_estimate(const results::RunResult& run, const std::string& name);

}  // namespace desksim::analysis
