#pragma once
// The summary `desksim run` prints: by default the grouped dozen lines of grouped_summary.hpp; with
// `all_metrics`, one line per metric with its mean, interval, unit and interval method. Which
// metrics are headlines (what `compare` and the sweep summary print by default) the models declare
// with each statistic (MetricEstimate.headline): breakdowns, quantiles, threshold shares and
// bookkeeping counters are left to the results files.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

std::string text_summary(const results::RunResult& run, bool all_metrics = false);

}  // namespace desksim::analysis
