#pragma once
// The report page and the text summary of `desksim optimise`.
#include <string>

#include "models/optimise/phased_staffing.hpp"
#include "models/optimise/staffing_search.hpp"

namespace desksim::app {

/// Plain-text summary: the method, the search's effort, each station's roster against the scenario's,
/// the totals, and each target with its interval.
std::string optimise_summary(const models::OptimiseResult& result, const std::string& overlay_path, double confidence,
                             unsigned replications, std::uint64_t seed);

/// One self-contained HTML page: per station, staff on duty per half-hour against the offered load,
/// the analytic (Erlang) requirement and the scenario's roster; the targets with their intervals.
std::string optimise_report_html(const models::OptimiseResult& result, const std::string& summary);

/// The same for a phased result: each phase's summary, then staff and cost per calendar month.
std::string phased_summary(const models::PhasedResult& result, const std::string& overlay_path, double confidence,
                           unsigned replications, std::uint64_t seed);

/// The page of a phased result: FTE per month, then each phase's page body.
std::string phased_report_html(const models::PhasedResult& result, const std::string& summary);

}  // namespace desksim::app
