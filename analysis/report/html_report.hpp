#pragma once
// `desksim report`: one self-contained HTML file (inline SVG and CSS, no script, nothing fetched)
// for people who would rather look at a chart than read a table: throughput and backlog over time,
// time to resolve as a distribution, SLA attainment by supplier and priority and availability by
// service against their targets, desk load against staff by hour of week, credits and cost by
// month, and the headline measures month by month. A comparison draws both runs on each chart and
// adds a forest plot of the differences and the differences month by month; a sweep draws each
// measure against the varied field; a check-fit sets the log beside the simulation with a QQ plot.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

std::string html_report(const results::RunResult& run);
std::string html_report(const results::Comparison& comparison);
std::string html_report(const results::Sweep& sweep);
std::string html_report(const results::FitCheck& check);

/// A complete page with the report's style around `body` (HTML).
std::string html_page(const std::string& title, const std::string& body);

}  // namespace desksim::analysis
