#include "analysis/report/sweep_summary.hpp"

#include <cstdio>

#include "analysis/export/csv_export.hpp"
#include "analysis/report/planner_measures.hpp"
#include "analysis/report/text_summary.hpp"
#include "analysis/report/value_format.hpp"

namespace desksim::analysis {

namespace {

const results::MetricEstimate* find(const results::SweepPoint& p, const std::string& name) {
  for (const auto& e : p.estimates())
    if (e.name() == name) return &e;
  return nullptr;
}


}  // namespace

std::string sweep_summary(const results::Sweep& sweep) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "sweep of %s: %d point(s) x %u replication(s), seed %llu, common random numbers\n",
                sweep.scenario_name().c_str(), sweep.points_size(), sweep.replications(),
                static_cast<unsigned long long>(sweep.seed()));
  out += line;
  for (const auto& p : sweep.points()) {
    std::snprintf(line, sizeof line, "point %-4u ", p.point());
    out += line;
    for (int k = 0; k < p.settings_size(); ++k)
      out += (k ? "  " : "") + p.settings(k).field() + "=" + p.settings(k).value();
    out += "\n";
    std::string parts;
    for (const auto& m : planner_measures())
      if (const auto* e = find(p, m.metric)) {
        if (!parts.empty()) parts += " · ";
        parts += m.label;
        parts += " ";
        parts += format_estimate(*e);
      }
    if (!parts.empty()) out += "           " + parts + "\n";
  }
  return out;
}

std::string sweep_summary_csv(const results::Sweep& sweep) {
  std::string out = "point";
  for (const auto& f : sweep.fields()) {
    out += ',';
    out += csv_field(f);
  }
  out += ",metric,unit,n,mean,ci_low,ci_high,method\r\n";
  for (const auto& p : sweep.points()) {
    std::string head = std::to_string(p.point());
    for (const auto& s : p.settings()) {
      head += ',';
      head += csv_field(s.value());
    }
    for (const auto& e : p.estimates()) {
      if (!e.headline()) continue;
      append_csv_row({head, csv_field(e.name()), csv_field(e.unit()), std::to_string(e.n()), csv_number(e.mean()),
                      csv_number(e.ci_low()), csv_number(e.ci_high()), csv_field(e.method())},
                     &out);
    }
  }
  return out;
}

}  // namespace desksim::analysis
