#include "app/optimise_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "analysis/report/html_report.hpp"
#include "analysis/report/svg_chart.hpp"

namespace desksim::app {

namespace {

std::string fixed(double x, int digits) {
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", digits, x);
  return b;
}

double hours(const std::vector<std::uint32_t>& r) {
  double h = 0;
  for (auto x : r) h += 0.5 * x;
  return h;
}

}  // namespace

std::string optimise_summary(const models::OptimiseResult& r, const std::string& overlay_path, double confidence,
                             unsigned replications, std::uint64_t seed) {
  std::ostringstream out;
  out << "Staffing optimiser: square-root staffing per station (staff = load + beta sqrt(load) per half-hour,\n"
         "covered by shifts); first guess by Erlang C/A, then a simulation search on beta (repair, then descent)\n"
         "on common random numbers.\n";
  out << "Search: " << r.candidates << " candidate rosters, " << r.simulations << " simulations (" << replications
      << " replications each, seed " << seed << "), " << fixed(r.seconds, 1) << " s"
      << (r.budget_exhausted ? "; stopped by the time budget" : "") << ".\n";
  out << (r.feasible ? "Every target is met" : "NO ROSTER FOUND THAT MEETS EVERY TARGET; the last one tried is shown")
      << " (" << fixed(100 * confidence, 0) << "% intervals).\n\n";
  out << "station                          beta  staff-hours/week   FTE   (scenario: staff-hours  FTE)";
  if (r.cost_in_pounds) out << "   pounds/week";
  out << "\n";
  double scenario_hours = 0, scenario_fte = 0;
  for (const auto& s : r.stations) {
    char line[256];
    std::snprintf(line, sizeof line, "%-30s %6s  %16.1f %6.1f   (%20.1f %5.1f)", s.name.c_str(),
                  s.fixed ? "fixed" : fixed(s.beta, 2).c_str(), s.staffed_hours_per_week, s.fte,
                  s.scenario_staffed_hours_per_week, s.scenario_fte);
    out << line;
    if (r.cost_in_pounds) out << "   " << fixed(s.pounds_per_week, 0);
    out << "\n";
    scenario_hours += s.scenario_staffed_hours_per_week;
    scenario_fte += s.scenario_fte;
  }
  char total[256];
  std::snprintf(total, sizeof total, "%-30s %6s  %16.1f %6.1f   (%20.1f %5.1f)", "all", "", r.staffed_hours_per_week,
                r.fte, scenario_hours, scenario_fte);
  out << total;
  if (r.cost_in_pounds) out << "   " << fixed(r.pounds_per_week, 0) << " (" << fixed(r.pounds_per_week * 52.1786, 0) << " a year)";
  out << "\n\ntarget                                              required    mean    [interval]          met\n";
  for (const auto& t : r.targets) {
    char line[320];
    if (t.observed)
      std::snprintf(line, sizeof line, "%-50s %s%6.2f%%  %6.2f%%  [%6.2f%%, %6.2f%%]  %s", t.target.label.c_str(),
                    t.target.ceiling ? "<=" : ">=", 100 * t.target.level, 100 * t.mean, 100 * t.low, 100 * t.high,
                    t.met ? "yes" : "NO");
    else
      std::snprintf(line, sizeof line, "%-50s %s%6.2f%%  not observed (%s)", t.target.label.c_str(),
                    t.target.ceiling ? "<=" : ">=", 100 * t.target.level, t.target.metric.c_str());
    out << line << "\n";
  }
  out << "\nRosters written as an overlay: " << overlay_path << "\n";
  return out.str();
}

namespace {

/// Targets and per-station charts of one result.
std::string result_body(const models::OptimiseResult& r) {
  std::ostringstream body;
  std::vector<analysis::IntervalRow> rows;
  for (const auto& t : r.targets)
    if (t.observed)
      rows.push_back({t.target.label, 100 * t.mean, 100 * t.low, 100 * t.high, 100 * t.target.level,
                      t.met ? analysis::palette(0) : "#d62728"});
  if (!rows.empty()) {
    double low = 100;
    for (const auto& row : rows) low = std::min(low, std::min(row.low, *row.target));
    body << analysis::interval_chart("Attainment against target", rows, std::max(0.0, std::floor(low / 5) * 5 - 5), 100, "%");
  }
  analysis::AxisLabels axes{"half-hour of the week", "staff / Erlangs"};
  const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  for (int d = 0; d < 7; ++d) axes.x_ticks.push_back({d * 48.0, days[d]});
  for (const auto& s : r.stations) {
    std::vector<double> x;
    for (std::size_t h = 0; h < s.on_duty.size(); ++h) x.push_back(static_cast<double>(h));
    auto series = [&x](const std::string& label, const std::vector<double>& y, std::size_t colour, bool dashed) {
      return analysis::LineSeries{label, x, y, analysis::palette(colour), dashed};
    };
    auto as_double = [](const std::vector<std::uint32_t>& v) { return std::vector<double>(v.begin(), v.end()); };
    std::vector<analysis::LineSeries> lines = {
        series("offered load (Erlangs)", s.offered_load, 0, false),
        series("Erlang C/A requirement", as_double(s.analytic), 1, true),
        series("scenario's roster", as_double(s.scenario_on_duty), 2, true),
        series("optimised roster", as_double(s.on_duty), 3, false),
    };
    body << "<h2>" << analysis::escape_xml(s.name) << "</h2><p>" << fixed(hours(s.on_duty), 1)
         << " staff-hours a week (" << fixed(s.fte, 1) << " FTE) against the scenario's "
         << fixed(s.scenario_staffed_hours_per_week, 1) << " (" << fixed(s.scenario_fte, 1) << " FTE)"
         << (s.fixed ? "; fixed, not searched" : "; beta " + fixed(s.beta, 2)) << ".</p>";
    body << analysis::line_chart(s.name + ": staff on duty per half-hour against offered load", lines, axes);
  }
  return body.str();
}

}  // namespace

std::string optimise_report_html(const models::OptimiseResult& r, const std::string& summary) {
  return analysis::html_page("Staffing optimiser",
                             "<pre>" + analysis::escape_xml(summary) + "</pre>" + result_body(r));
}

std::string phased_summary(const models::PhasedResult& result, const std::string& overlay_path, double confidence,
                           unsigned replications, std::uint64_t seed) {
  std::ostringstream out;
  out << "Staffing per phase of the programme: " << result.phases.size() << " phases, " << result.simulations
      << " simulations, " << fixed(result.seconds, 1) << " s; "
      << (result.feasible ? "every phase meets every target." : "SOME PHASE DOES NOT MEET EVERY TARGET.") << "\n\n";
  for (const auto& phase : result.phases) {
    out << "=== phase from " << phase.from_date << " (" << phase.label << ") ===\n";
    out << optimise_summary(phase.result, overlay_path, confidence, replications, seed) << "\n";
  }
  out << "month      rostered FTE   staff cost (pounds)   (scenario's rosters: FTE)\n";
  for (const auto& m : result.months) {
    char line[160];
    std::snprintf(line, sizeof line, "%-10s %12.1f   %19.0f   %25.1f", m.month.c_str(), m.fte, m.pounds, m.scenario_fte);
    out << line << "\n";
  }
  return out.str();
}

std::string phased_report_html(const models::PhasedResult& result, const std::string& summary) {
  std::ostringstream body;
  std::vector<double> x, y, scenario_y;
  analysis::AxisLabels axes{"month", "rostered FTE"};
  const std::size_t every = std::max<std::size_t>(1, (result.months.size() + 11) / 12);  // at most about 12 labels
  for (std::size_t m = 0; m < result.months.size(); ++m) {
    x.push_back(static_cast<double>(m));
    y.push_back(result.months[m].fte);
    scenario_y.push_back(result.months[m].scenario_fte);
    if (m % every == 0) axes.x_ticks.push_back({static_cast<double>(m), result.months[m].month});
  }
  body << analysis::line_chart("Rostered FTE per month",
                               {analysis::LineSeries{"optimised rosters", x, y, analysis::palette(3), false},
                                analysis::LineSeries{"scenario's rosters", x, scenario_y, analysis::palette(2), true}},
                               axes);
  body << "<pre>" << analysis::escape_xml(summary) << "</pre>";
  for (const auto& phase : result.phases)
    body << "<h2>Phase from " << analysis::escape_xml(phase.from_date) << "</h2>" << result_body(phase.result);
  return analysis::html_page("Staffing optimiser, per phase", body.str());
}

}  // namespace desksim::app
