#include "analysis/report/comparison_summary.hpp"

#include <cstdio>
#include <map>
#include <vector>

#include "analysis/report/planner_measures.hpp"
#include "analysis/report/text_summary.hpp"
#include "analysis/report/value_format.hpp"

namespace desksim::analysis {

namespace {

// A table of the monthly differences of the headline series, one row per month: in which months
// the alternative is better or worse, and by how much.
std::string monthly_table(const results::Comparison& comparison) {
  std::map<std::string, std::map<std::string, const results::MetricDifference*>> by_month;  // month -> series
  std::vector<const PlannerMeasure*> columns;
  for (const auto& column : planner_monthly_series()) {
    bool present = false;
    for (const auto& d : comparison.monthly_differences())
      if (d.name() == column.metric) {
        by_month[d.period()][column.metric] = &d;
        present = true;
      }
    if (present) columns.push_back(&column);
  }
  if (columns.empty()) return "";
  std::string out = "\nPer month, alternative - base (* the interval excludes 0):\n";
  char cell[64];
  std::snprintf(cell, sizeof cell, "%-8s", "month");
  out += cell;
  for (const auto* c : columns) {
    std::snprintf(cell, sizeof cell, " %18s", c->label);
    out += cell;
  }
  out += "\n";
  for (const auto& [month, row] : by_month) {
    std::snprintf(cell, sizeof cell, "%-8s", month.c_str());
    out += cell;
    for (const auto* c : columns) {
      const auto it = row.find(c->metric);
      std::string text = "-";
      if (it != row.end()) {
        const auto& d = *it->second;
        if (d.unit() == "share") {  // a difference of shares is in percentage points, not percent
          char points[32];
          std::snprintf(points, sizeof points, "%+.2f pts", d.difference_mean() * 100);
          text = points;
        } else {
          text = d.difference_mean() >= 0 ? "+" : "";
          text += format_value(d.difference_mean(), d.unit());
        }
        text += d.significant() ? " *" : "  ";
      }
      std::snprintf(cell, sizeof cell, " %18s", text.c_str());
      out += cell;
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string comparison_summary(const results::Comparison& comparison, bool all_metrics) {
  std::string out;
  char line[320];
  std::snprintf(line, sizeof line, "base %s vs alternative %s: %d paired replication(s), seed %llu\n",
                comparison.base().scenario_name().c_str(), comparison.alternative().scenario_name().c_str(),
                comparison.base().replications_size(), static_cast<unsigned long long>(comparison.base().seed()));
  out += line;
  if (comparison.differences_size() == 0) return out;
  std::snprintf(line, sizeof line, "%-52s %12s %12s %12s   %.0f%% interval of the difference\n", "metric", "base",
                "alternative", "difference", comparison.differences(0).confidence() * 100);
  out += line;
  std::size_t hidden = 0;
  for (const auto& d : comparison.differences()) {
    if (!all_metrics && !d.headline()) {
      ++hidden;
      continue;
    }
    std::snprintf(line, sizeof line, "%-52s %12.6g %12.6g %12.6g   [%.6g, %.6g]%s\n", d.name().c_str(), d.base_mean(),
                  d.alternative_mean(), d.difference_mean(), d.ci_low(), d.ci_high(), d.significant() ? " *" : "");
    out += line;
  }
  out += "* the interval excludes 0: the scenarios differ on this metric\n";
  if (hidden > 0) {
    std::snprintf(line, sizeof line, "(%zu more metrics in the comparison files; --all prints them here)\n", hidden);
    out += line;
  }
  out += monthly_table(comparison);
  return out;
}

}  // namespace desksim::analysis
