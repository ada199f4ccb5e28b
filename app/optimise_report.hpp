#pragma once
// The report page and the text summary of `desksim optimise`.
#include <string>

#include "models/optimise/staffing_search.hpp"

namespace desksim::app {

/// Plain-text summary: the method, the search's effort, each station's roster against the scenario's,
/// the totals, and each target with its interval.
std::string optimise_summary(const models::OptimiseResult& result, const std::string& overlay_path, double confidence,
                             unsigned replications, std::uint64_t seed);

/// One self-contained HTML page: per station, staff on duty per half-hour against the offered load,
/// the analytic (Erlang) requirement and the scenario's roster; the targets with their intervals.
std::string optimise_report_html(const models::OptimiseResult& result, const std::string& summary);

}  // namespace desksim::app
