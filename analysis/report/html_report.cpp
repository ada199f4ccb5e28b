#include "analysis/report/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/export/calendar_dates.hpp"
#include "analysis/report/grouped_summary.hpp"
#include "analysis/report/planner_measures.hpp"
#include "analysis/report/report_series.hpp"
#include "analysis/report/svg_chart.hpp"
#include "analysis/report/text_summary.hpp"
#include "analysis/report/value_format.hpp"
#include "analysis/statistics/target_views.hpp"

namespace desksim::analysis {
namespace {

struct Named {
  std::string label;  // "" for a single run; "base"/"alternative" in a comparison
  const results::RunResult* run;
};

std::string label_for(const Named& r, const std::string& what) { return r.label.empty() ? what : r.label + " " + what; }

// x ticks at the first day of each calendar month (every second month beyond a year).
std::vector<std::pair<double, std::string>> month_ticks(const results::RunResult& run, std::size_t days) {
  const std::int64_t start = start_day_of(run.scenario().start_date());
  std::vector<std::pair<double, std::string>> ticks;
  for (std::size_t d = 0; d < days; ++d) {
    const std::string date = iso_date(start + static_cast<std::int64_t>(d));
    if (date.substr(8, 2) == "01") ticks.emplace_back(static_cast<double>(d), date.substr(0, 7));
  }
  if (ticks.size() > 13)
    for (std::size_t i = 1; i < ticks.size(); i += 2) ticks[i].second.clear();
  return ticks;
}

std::string throughput(const std::vector<Named>& runs) {
  std::vector<LineSeries> flow, backlog;
  std::size_t days = 0;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const bool dashed = runs.size() > 1 && k == 0;
    auto add = [&](std::vector<LineSeries>* to, const std::string& name, const std::string& label, std::size_t colour) {
      const auto y = mean_series(*runs[k].run, name, nullptr);
      if (y.empty()) return;
      std::vector<double> x(y.size());
      for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
      days = std::max(days, y.size());
      to->push_back(LineSeries{label_for(runs[k], label), x, y, palette(colour), dashed});
    };
    add(&flow, "tickets.raised_per_day", "raised", 0 + 2 * k);
    add(&flow, "tickets.resolved_per_day", "resolved", 1 + 2 * k);
    add(&backlog, "tickets.backlog_end_of_day", "open at end of day", 0 + 2 * k);
  }
  if (flow.empty()) return "";
  const AxisLabels axes{"date (mean over replications; the first week is the warm-up)", "tickets per day",
                        month_ticks(*runs[0].run, days), false, std::nullopt};
  std::string out = "<h2>Throughput and backlog</h2>" + line_chart("Tickets raised and resolved per day", flow, axes);
  if (!backlog.empty()) {
    AxisLabels b = axes;
    b.y = "open tickets";
    out += line_chart("Backlog: tickets open at the end of each day", backlog, b);
  }
  return out;
}

std::string time_to_resolve(const std::vector<Named>& runs) {
  std::vector<LineSeries> lines;
  std::size_t colour = 0;
  for (const Named& r : runs) {
    std::vector<std::string> names;
    for (const auto& t : r.run->replications(0).tallies()) {
      const std::string& n = t.name();
      if (n == "tickets.network_hours" || n == "desk.wait_hours" ||
          (n.starts_with("supplier.") && n.ends_with(".resolution_hours") && std::count(n.begin(), n.end(), '.') == 2))
        names.push_back(n);
    }
    for (const std::string& n : names) {
      const auto points = tally_distribution(*r.run, n);
      if (points.empty()) continue;
      const std::string what = n == "tickets.network_hours" ? "all (resolver network)"
                               : n == "desk.wait_hours"     ? "desk: wait to answer"
                                                            : n.substr(9, n.size() - 26);
      LineSeries s{label_for(r, what), {}, {},
                   palette(colour++), runs.size() > 1 && &r == &runs[0]};
      for (const auto& [value, share] : points) {
        s.x.push_back(std::max(value, 1.0 / 60));  // log axis: a zero time plots at one minute
        s.y.push_back(100 * share);
      }
      lines.push_back(std::move(s));
    }
  }
  if (lines.empty()) return "";
  AxisLabels axes{"hours to resolve (log scale)", "% of tickets resolved within", {}, true, 100.0};
  return "<h2>Time to resolve</h2><p>Share of tickets resolved (or, for the desk, answered) within a time, "
         "through the minimum, median, 90th, 95th and 99th percentiles and maximum of each replication (averaged "
         "over replications).</p>" +
         line_chart("Time to resolve, cumulative distribution", lines, axes);
}

double axis_floor(double lowest) {
  // Percent axis from a round value below everything to 100.
  const double gap = 100 - lowest;
  const double step = gap <= 1 ? 0.1 : gap <= 5 ? 1 : gap <= 20 ? 5 : 10;
  return std::max(0.0, std::floor((lowest - gap * 0.05) / step) * step);
}

std::string sla(const std::vector<Named>& runs) {
  std::vector<IntervalRow> rows;
  double lowest = 100;
  for (std::size_t k = 0; k < runs.size(); ++k)
    for (const SlaAttainment& a : sla_attainments(*runs[k].run)) {
      IntervalRow row{label_for(runs[k], a.supplier + " " + a.priority + " " + a.clock), 100 * a.estimate->mean(),
                      100 * a.estimate->ci_low(), 100 * a.estimate->ci_high(), a.target_percent, palette(2 * k)};
      lowest = std::min({lowest, row.low, row.target.value_or(100)});
      rows.push_back(row);
    }
  if (rows.empty()) return "";
  if (runs.size() > 1)  // pair each row of the base with the alternative's
    std::stable_sort(rows.begin(), rows.end(), [](const IntervalRow& a, const IntervalRow& b) {
      return a.label.substr(a.label.find(' ') + 1) < b.label.substr(b.label.find(' ') + 1);
    });
  return "<h2>SLA attainment by supplier and priority</h2><p>Share of tickets within the time target, on each "
         "supplier's own clock (end-to-end: the desk's). The red tick is the contract's attainment threshold: "
         "below it credits are paid.</p>" +
         interval_chart("SLA attainment (%) with 95% intervals", rows, axis_floor(lowest), 100, "% of tickets within target");
}

std::string availability(const std::vector<Named>& runs) {
  std::vector<IntervalRow> rows;
  double lowest = 100;
  for (std::size_t k = 0; k < runs.size(); ++k)
    for (const ServiceAvailability& s : service_availabilities(*runs[k].run)) {
      IntervalRow row{label_for(runs[k], s.service), 100 * s.availability->mean(), 100 * s.availability->ci_low(),
                      100 * s.availability->ci_high(), s.target_percent, palette(2 * k)};
      lowest = std::min({lowest, row.low, s.target_percent});
      rows.push_back(row);
    }
  if (rows.empty()) return "";
  return "<h2>Availability by service</h2>" +
         interval_chart("Service availability (%) with 95% intervals against target", rows, axis_floor(lowest), 100,
                        "% of agreed service time available");
}

std::string desk_load(const std::vector<Named>& runs) {
  std::vector<LineSeries> staff, demand;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const bool dashed = runs.size() > 1 && k == 0;
    auto x_of = [](std::size_t n) {
      std::vector<double> x(n);
      for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(i);
      return x;
    };
    const auto busy = mean_profile(*runs[k].run, "desk.busy_agents_by_hour_of_week", false);
    const auto duty = mean_profile(*runs[k].run, "desk.agents_on_duty_by_hour_of_week", false);
    const auto raised = mean_profile(*runs[k].run, "tickets.raised_by_hour_of_week", true);
    if (!duty.empty()) staff.push_back(LineSeries{label_for(runs[k], "agents on duty"), x_of(duty.size()), duty, palette(2 * k + 1), dashed});
    if (!busy.empty()) staff.push_back(LineSeries{label_for(runs[k], "agents busy"), x_of(busy.size()), busy, palette(2 * k), dashed});
    if (!raised.empty()) demand.push_back(LineSeries{label_for(runs[k], "tickets raised per hour"), x_of(raised.size()), raised, palette(2 * k), dashed});
  }
  if (staff.empty() && demand.empty()) return "";
  AxisLabels axes{"hour of week (Monday 00:00 first)", "agents",
                  {{0, "Mon"}, {24, "Tue"}, {48, "Wed"}, {72, "Thu"}, {96, "Fri"}, {120, "Sat"}, {144, "Sun"}},
                  false, std::nullopt};
  std::string out = "<h2>Desk load against staff by hour of week</h2>";
  if (!demand.empty()) {
    AxisLabels d = axes;
    d.y = "tickets per hour";
    out += line_chart("Demand: tickets raised per hour", demand, d);
  }
  if (!staff.empty()) out += line_chart("Staff: agents on duty and agents busy", staff, axes);
  return out;
}

std::string credits(const std::vector<Named>& runs) {
  std::string out;
  for (const Named& r : runs) {
    std::vector<std::string> parts;
    std::vector<std::vector<double>> values;  // [part][month]
    for (const auto& s : r.run->scenario().suppliers()) {
      const auto v = mean_series(*r.run, "supplier." + s.name() + ".credit_pounds_per_month", nullptr);
      if (v.empty()) continue;
      parts.push_back("supplier " + s.name());
      values.push_back(v);
    }
    for (auto& [service, months] : service_credits_by_month(*r.run)) {
      if (std::all_of(months.begin(), months.end(), [](double v) { return v == 0; })) continue;
      parts.push_back("service " + service);
      values.push_back(months);
    }
    if (parts.empty()) continue;
    std::size_t months = 0;
    for (const auto& v : values) months = std::max(months, v.size());
    std::vector<BarGroup> groups(months);
    const std::int64_t start = start_day_of(r.run->scenario().start_date());
    for (std::size_t m = 0; m < months; ++m) {
      groups[m].label = iso_datetime(start, 730.5 * static_cast<double>(m)).substr(0, 7);
      for (const auto& v : values) groups[m].values.push_back(m < v.size() ? v[m] : 0.0);
    }
    std::vector<std::string> colours;
    for (std::size_t k = 0; k < parts.size(); ++k) colours.push_back(palette(k));
    out += stacked_bar_chart(label_for(r, "Service credits by month (£, mean over replications)"), groups, parts,
                             colours, "pounds");
    // Cost: the contract's monthly fee less the credits it earns back.
    out += "<table><tr><th>supplier</th><th>monthly fee</th><th>mean credit per month</th><th>net cost per month</th></tr>";
    for (const auto& s : r.run->scenario().suppliers()) {
      const auto v = mean_series(*r.run, "supplier." + s.name() + ".credit_pounds_per_month", nullptr);
      double credit = 0;
      for (double c : v) credit += c;
      credit = v.empty() ? 0 : credit / static_cast<double>(v.size());
      out += "<tr><td>" + escape_xml(s.name()) + "</td><td>" + format_value(s.monthly_fee_pounds(), "pounds") +
             "</td><td>" + format_value(credit, "pounds") + "</td><td>" +
             format_value(s.monthly_fee_pounds() - credit, "pounds") + "</td></tr>";
    }
    out += "</table>";
  }
  return out.empty() ? "" : "<h2>Credits and cost by month</h2>" + out;
}

std::string differences(const results::Comparison& c) {
  std::string out =
      "<h2>Differences (alternative − base), paired 95% intervals</h2><table><tr><th>metric</th><th>base</th>"
      "<th>alternative</th><th>difference</th><th>interval</th><th></th></tr>";
  for (const auto& d : c.differences()) {
    if (!d.headline()) continue;
    out += "<tr><td>" + escape_xml(d.name()) + "</td><td>" + format_value(d.base_mean(), d.unit()) + "</td><td>" +
           format_value(d.alternative_mean(), d.unit()) + "</td><td>" + format_value(d.difference_mean(), d.unit()) +
           "</td><td>[" + format_value(d.ci_low(), d.unit()) + ", " + format_value(d.ci_high(), d.unit()) + "]</td><td>" +
           (d.significant() ? "differs" : "") + "</td></tr>";
  }
  return out + "</table>";
}

// Values of one period of a set of per-month estimates or differences, in display units.
double display(double v, const std::string& unit) { return unit == "share" ? 100 * v : v; }
std::string display_unit(const std::string& unit) { return unit == "share" ? "% (points for a difference)" : unit; }

template <typename Row>
std::vector<std::pair<double, std::string>> period_ticks(const std::vector<const Row*>& rows) {
  std::vector<std::pair<double, std::string>> ticks;
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (rows.size() <= 13 || k % 3 == 0) ticks.emplace_back(static_cast<double>(k), rows[k]->period());
  return ticks;
}

// Per month, each run's mean with its 95% interval: the months of risk.
std::string monthly(const std::vector<Named>& runs) {
  std::string out;
  for (const auto& chart : planner_monthly_series()) {
    std::vector<LineSeries> lines;
    std::vector<std::pair<double, std::string>> ticks;
    std::string unit;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      std::vector<const results::MetricEstimate*> rows;
      for (const auto& e : runs[k].run->monthly_estimates())
        if (e.name() == chart.metric) rows.push_back(&e);
      if (rows.empty()) continue;
      unit = rows[0]->unit();
      LineSeries mean{label_for(runs[k], "mean"), {}, {}, palette(k)}, low{label_for(runs[k], "95% interval"), {}, {}, palette(k), true},
          high{"", {}, {}, palette(k), true};
      for (std::size_t m = 0; m < rows.size(); ++m) {
        const double x = static_cast<double>(m);
        mean.x.push_back(x), low.x.push_back(x), high.x.push_back(x);
        mean.y.push_back(display(rows[m]->mean(), unit));
        low.y.push_back(display(rows[m]->ci_low(), unit));
        high.y.push_back(display(rows[m]->ci_high(), unit));
      }
      if (ticks.empty()) ticks = period_ticks(rows);
      lines.push_back(mean), lines.push_back(low), lines.push_back(high);
    }
    if (lines.empty()) continue;
    out += line_chart(std::string(chart.label) + " per month", lines, AxisLabels{"calendar month", display_unit(unit), ticks});
  }
  return out.empty() ? "" : "<h2>By month</h2><p>Each month's mean over replications and its 95% interval (the first month "
                            "includes the warm-up; the last is cut at the horizon).</p>" + out;
}

// A forest plot of the headline differences, each relative to the base's mean, and the monthly
// differences with their paired intervals: where and when the alternative is better or worse.
std::string comparison_charts(const results::Comparison& c) {
  std::vector<IntervalRow> rows;
  double extent = 1;
  // The measures a planner weighs, in reading order (those a run lacks are left out).
  auto forest_rank = [](const std::string& n) {
    static const char* const fixed[] = {"tickets.raised", "desk.wait_hours.mean", "desk.abandon.mean", "desk.fcr.mean",
                                        "sla.response_attainment.mean", "sla.resolution_attainment.mean",
                                        "tickets.resolve_hours.mean", "tickets.resolve_hours.p90", "tickets.open.mean",
                                        "staff.fte", "staff.cost_pounds", "cost.credit_pounds", "cost.total_pounds"};
    for (std::size_t k = 0; k < std::size(fixed); ++k)
      if (n == fixed[k]) return static_cast<int>(k);
    if (n.starts_with("supplier.") && n.ends_with(".resolution_attainment.mean") && n.find(".P") == std::string::npos) return 100;
    if (n.starts_with("service.") && n.ends_with(".availability")) return 200;
    return -1;
  };
  std::vector<const results::MetricDifference*> chosen;
  for (const auto& d : c.differences())
    if (forest_rank(d.name()) >= 0) chosen.push_back(&d);
  std::stable_sort(chosen.begin(), chosen.end(), [&](auto* a, auto* b) { return forest_rank(a->name()) < forest_rank(b->name()); });
  for (const auto* dp : chosen) {
    const auto& d = *dp;
    if (d.base_mean() == 0 || d.method() == "none") continue;
    const double scale = 100 / std::fabs(d.base_mean());
    IntervalRow r{d.name(), d.difference_mean() * scale, d.ci_low() * scale, d.ci_high() * scale, std::nullopt,
                  d.significant() ? palette(5) : palette(0)};
    extent = std::max({extent, std::fabs(r.low), std::fabs(r.high)});
    rows.push_back(r);
  }
  std::string out;
  if (!rows.empty()) {
    extent = std::min(extent * 1.1, 200.0);  // a difference of several times the base runs off the axis
    out += "<h2>Forest plot of the differences</h2><p>Alternative − base, as a percentage of the base's mean, with the "
           "paired 95% interval; red where the interval excludes 0.</p>" +
           interval_chart("Relative difference (%)", rows, -extent, extent, "% of the base's mean");
  }
  std::string months;
  for (const auto& chart : planner_monthly_series()) {
    std::vector<const results::MetricDifference*> diffs;
    for (const auto& d : c.monthly_differences())
      if (d.name() == chart.metric) diffs.push_back(&d);
    if (diffs.empty()) continue;
    const std::string unit = diffs[0]->unit();
    LineSeries mean{"difference", {}, {}, palette(0)}, low{"paired 95% interval", {}, {}, palette(0), true},
        high{"", {}, {}, palette(0), true}, zero{"no difference", {}, {}, "#999"};
    for (std::size_t m = 0; m < diffs.size(); ++m) {
      const double x = static_cast<double>(m);
      for (auto* s : {&mean, &low, &high, &zero}) s->x.push_back(x);
      mean.y.push_back(display(diffs[m]->difference_mean(), unit));
      low.y.push_back(display(diffs[m]->ci_low(), unit));
      high.y.push_back(display(diffs[m]->ci_high(), unit));
      zero.y.push_back(0);
    }
    months += line_chart(std::string(chart.label) + ": alternative − base per month", {mean, low, high, zero},
                         AxisLabels{"calendar month", display_unit(unit), period_ticks(diffs)});
  }
  if (!months.empty()) out += "<h2>Differences by month</h2>" + months;
  return out;
}

std::string page(const std::string& title, const std::vector<Named>& runs, const std::string& extra) {
  std::string body;
  for (const Named& r : runs) body += "<pre>" + escape_xml(grouped_summary(*r.run)) + "</pre>";
  body += extra + throughput(runs) + time_to_resolve(runs) + sla(runs) + availability(runs) + desk_load(runs) +
          credits(runs) + monthly(runs);
  return html_page(title, body + "<p>Written by desksim " + escape_xml(runs[0].run->desksim_version()) +
                              "; every figure is in results.sqlite.</p>");
}

}  // namespace

std::string html_page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape_xml(title) +
         "</title><style>body{font-family:sans-serif;max-width:940px;margin:20px auto;color:#222}"
         "h2{border-bottom:1px solid #ccc;margin-top:32px}pre{background:#f6f6f6;padding:8px;overflow-x:auto;font-size:12px}"
         "svg{display:block;margin:8px 0}table{border-collapse:collapse;font-size:13px}"
         "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}"
         "</style></head><body><h1>" + escape_xml(title) + "</h1>" + body + "</body></html>\n";
}

std::string html_report(const results::RunResult& run) {
  return page("desksim: " + run.scenario_name(), {{"", &run}}, "");
}

std::string html_report(const results::Comparison& c) {
  return page("desksim: " + c.base().scenario_name() + " against " + c.alternative().scenario_name(),
              {{"base", &c.base()}, {"alternative", &c.alternative()}}, differences(c) + comparison_charts(c));
}

}  // namespace desksim::analysis
