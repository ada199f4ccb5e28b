#pragma once
// `desksim report`: one self-contained HTML file (inline SVG and CSS, no script, nothing fetched)
// for people who would rather look at a chart than read a table: throughput and backlog over time,
// time to resolve as a distribution, SLA attainment by supplier and priority and availability by
// service against their targets, desk load against staff by hour of week, credits and cost by
// month. A comparison draws both runs on each chart and lists the differences.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

std::string html_report(const results::RunResult& run);
std::string html_report(const results::Comparison& comparison);

}  // namespace desksim::analysis
