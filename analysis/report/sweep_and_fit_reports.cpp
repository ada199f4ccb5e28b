// The report of a sweep (each measure against the varied field) and of a check-fit (the log beside
// the simulation, and a QQ plot of time to resolve).
#include <charconv>
#include <cmath>
#include <cstdio>

#include "analysis/report/fit_check_summary.hpp"
#include "analysis/report/html_report.hpp"
#include "analysis/report/planner_measures.hpp"
#include "analysis/report/sweep_summary.hpp"
#include "analysis/report/svg_chart.hpp"
#include "analysis/report/value_format.hpp"

namespace desksim::analysis {

namespace {

bool as_number(const std::string& text, double* v) {
  const char* end = text.data() + text.size();
  const auto r = std::from_chars(text.data(), end, *v);
  return r.ec == std::errc() && r.ptr == end && std::isfinite(*v);
}

double shown(double v, const std::string& unit) { return unit == "share" ? 100 * v : v; }

}  // namespace

std::string html_report(const results::Sweep& sweep) {
  std::string body = "<pre>" + escape_xml(sweep_summary(sweep)) + "</pre>";
  if (sweep.points_size() == 0 || sweep.fields_size() == 0) return html_page("desksim sweep: " + sweep.scenario_name(), body);
  // x: the first varied field's value when every point's is a number, else the point's number.
  bool numeric = true;
  std::vector<double> x;
  std::vector<std::pair<double, std::string>> ticks;
  for (const auto& p : sweep.points()) {
    double v = 0;
    numeric = numeric && p.settings_size() > 0 && as_number(p.settings(0).value(), &v);
    x.push_back(v);
  }
  if (!numeric)
    for (int k = 0; k < sweep.points_size(); ++k) {
      x[static_cast<std::size_t>(k)] = k;
      std::string label;
      for (const auto& s : sweep.points(k).settings()) label += (label.empty() ? "" : " ") + s.value();
      ticks.emplace_back(k, label);
    }
  // One line per value of the other fields (a grid of two or more fields), in the order they come.
  std::vector<std::string> groups;
  std::vector<std::size_t> group_of;
  for (const auto& p : sweep.points()) {
    std::string key;
    for (int k = numeric ? 1 : sweep.fields_size(); k < p.settings_size(); ++k)
      key += (key.empty() ? "" : ", ") + p.settings(k).field() + "=" + p.settings(k).value();
    std::size_t g = 0;
    while (g < groups.size() && groups[g] != key) ++g;
    if (g == groups.size()) groups.push_back(key);
    group_of.push_back(g);
  }
  std::string charts;
  for (const auto& m : planner_measures()) {
    std::vector<LineSeries> lines;
    std::string unit;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      LineSeries mean{groups[g].empty() ? "mean" : groups[g], {}, {}, palette(g)}, low{"", {}, {}, palette(g), true},
          high{"", {}, {}, palette(g), true};
      for (int k = 0; k < sweep.points_size(); ++k) {
        if (group_of[static_cast<std::size_t>(k)] != g) continue;
        for (const auto& e : sweep.points(k).estimates())
          if (e.name() == m.metric) {
            unit = e.unit();
            const double xv = x[static_cast<std::size_t>(k)];
            mean.x.push_back(xv), low.x.push_back(xv), high.x.push_back(xv);
            mean.y.push_back(shown(e.mean(), unit)), low.y.push_back(shown(e.ci_low(), unit)),
                high.y.push_back(shown(e.ci_high(), unit));
          }
      }
      if (!mean.x.empty()) lines.push_back(mean), lines.push_back(low), lines.push_back(high);
    }
    if (lines.empty()) continue;
    charts += line_chart(std::string(m.label) + " (mean, dashed: 95% interval)", lines,
                         AxisLabels{numeric ? sweep.fields(0) : "point", unit == "share" ? "%" : unit, ticks});
  }
  return html_page("desksim sweep: " + sweep.scenario_name(),
                   body + (charts.empty() ? "" : "<h2>Each measure against the varied field</h2>" + charts) +
                       "<p>Every point's results are in its folder, and all of them in sweep.sqlite.</p>");
}

std::string html_report(const results::FitCheck& check) {
  std::string body = "<pre>" + escape_xml(fit_check_text(check)) + "</pre>";
  if (check.log_quantiles_size() == check.probabilities_size() &&
      check.simulated_quantiles_size() == check.probabilities_size() && check.probabilities_size() > 0) {
    LineSeries qq{"quantiles, 1% to 99.5%", {}, {}, palette(0)}, diagonal{"simulated = log", {}, {}, "#999", true};
    double low = INFINITY, high = 0;
    for (int k = 0; k < check.probabilities_size(); ++k) {
      qq.x.push_back(check.log_quantiles(k));
      qq.y.push_back(check.simulated_quantiles(k));
      for (double v : {check.log_quantiles(k), check.simulated_quantiles(k)})
        if (v > 0) low = std::min(low, v), high = std::max(high, v);
    }
    if (std::isfinite(low)) {
      diagonal.x = {low, high};
      diagonal.y = {low, high};
    }
    body += "<h2>Time to resolve: QQ plot</h2><p>Each point is one quantile of time to resolve of the incidents opened "
            "in the window: the log's (x) against the simulation's (y), in hours on log scales. On the grey line the "
            "two agree; above it the simulation is slower at that quantile.</p>" +
            line_chart("Time to resolve, simulated against log (hours)", {qq, diagonal},
                       AxisLabels{"log (hours)", "simulated (hours)", {}, true, std::nullopt, true});
  }
  return html_page("desksim check-fit: " + check.scenario_name() + " against " + check.log(), body);
}

}  // namespace desksim::analysis
