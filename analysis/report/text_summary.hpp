#pragma once
// The summary `desksim run` prints: by default the grouped dozen lines of grouped_summary.hpp; with
// `all_metrics`, one line per metric with its mean, interval, unit and interval method.
// is_headline_metric picks the metrics `desksim compare` prints by default: breakdowns (per
// priority, channel, resolver group, component, hour of week, month), quantiles, threshold shares
// and whole-run bookkeeping counters (`*_total`, `*_at_end`) are left to the results files.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

std::string text_summary(const results::RunResult& run, bool all_metrics = false);

/// True for the metrics the default summary prints.
bool is_headline_metric(const std::string& name);

}  // namespace desksim::analysis
