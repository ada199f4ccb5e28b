// The HTML report: self-contained (no script, nothing fetched), every section present for a run
// that has the data, charts placing values where a hand calculation says.
#include "analysis/report/html_report.hpp"

#include <gtest/gtest.h>

#include "analysis/report/svg_chart.hpp"
#include "analysis/statistics/run_estimates.hpp"

namespace desksim::analysis {
namespace {

results::RunResult run_with_everything() {
  results::RunResult run;
  run.set_scenario_name("tiny <desk>");
  run.mutable_scenario()->set_start_date("2025-01-06");
  auto* supplier = run.mutable_scenario()->add_suppliers();
  supplier->set_name("infra");
  supplier->set_attainment_target_percent(95);
  supplier->set_monthly_fee_pounds(1000);
  for (int r = 0; r < 3; ++r) {
    auto* rep = run.add_replications();
    for (const char* name : {"tickets.raised_per_day", "tickets.resolved_per_day", "tickets.backlog_end_of_day"}) {
      auto* s = rep->add_series();
      s->set_name(name);
      s->set_period_hours(24);
      for (int d = 0; d < 60; ++d) s->add_values(100 + d + r);
    }
    auto* credit = rep->add_series();
    credit->set_name("supplier.infra.credit_pounds_per_month");
    credit->set_period_hours(730.5);
    credit->add_values(100);
    credit->add_values(300);
    auto* t = rep->add_tallies();
    t->set_name("supplier.infra.resolution_attainment");
    t->set_proportion(true);
    t->set_count(10);
    t->set_mean(0.9 + 0.01 * r);
    auto* h = rep->add_tallies();
    h->set_name("tickets.network_hours");
    h->set_count(10);
    h->set_min(0.1);
    h->set_p50(1);
    h->set_p90(5);
    h->set_p95(8);
    h->set_p99(20);
    h->set_max(50);
    for (const char* name : {"desk.busy_agents_by_hour_of_week", "desk.agents_on_duty_by_hour_of_week"}) {
      auto* p = rep->add_profiles();
      p->set_name(name);
      p->set_cycle_hours(168);
      p->set_bin_hours(1);
      for (int b = 0; b < 168; ++b) {
        p->add_values(b % 24);
        p->add_exposure_hours(52);
      }
    }
    auto* service = rep->mutable_infrastructure()->add_services();
    service->set_name("records");
    service->set_target_percent(99.5);
    auto* a = rep->add_scalars();
    a->set_name("service.records.availability");
    a->set_value(0.996 + 0.001 * r);
  }
  add_estimates(&run);
  return run;
}

TEST(HtmlReport, IsSelfContainedAndHasEverySection) {
  const std::string html = html_report(run_with_everything());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  // The only URL is the SVG namespace, which browsers never fetch.
  std::size_t urls = 0;
  for (std::size_t at = html.find("http"); at != std::string::npos; at = html.find("http", at + 1)) {
    EXPECT_EQ(html.compare(at, 26, "http://www.w3.org/2000/svg"), 0) << html.substr(at, 40);
    ++urls;
  }
  EXPECT_GT(urls, 0u);
  for (const char* section : {"Throughput and backlog", "Time to resolve", "SLA attainment by supplier and priority",
                              "Availability by service", "Desk load against staff by hour of week",
                              "Credits and cost by month"})
    EXPECT_NE(html.find(section), std::string::npos) << section;
  EXPECT_NE(html.find("tiny &lt;desk&gt;"), std::string::npos);  // names are escaped
  EXPECT_NE(html.find("2025-02"), std::string::npos);            // months on the time axis
  // Net cost: the fee less the mean monthly credit, 1000 - (100 + 300) / 2.
  EXPECT_NE(html.find("<td>£1,000</td><td>£200</td><td>£800</td>"), std::string::npos);
}

TEST(SvgChart, PlacesPointsOnItsScales) {
  // x from 0 to 10 maps onto [70, 880] (width 900 less the margins 70 and 20); y from 0 to the top
  // tick onto [275, 52] (height 320 less the margins). Ticks of 2 over [0, 10 * 1.05] end at 12,
  // the first at or above 10.5, so y = 5 sits at 275 - 5/12 * 223 = 182.1 and y = 10 at 89.2.
  const std::string svg = line_chart("t", {LineSeries{"s", {0, 5, 10}, {0, 5, 10}, "#000"}}, AxisLabels{"x", "y", {}, false, std::nullopt});
  EXPECT_NE(svg.find("points=\"70.0,275.0 475.0,182.1 880.0,89.2 \""), std::string::npos) << svg;
  // An interval chart from 90 to 100 on [260, 880]: a mean of 95 at 570.
  const std::string rows =
      interval_chart("t", {IntervalRow{"a", 95, 94, 96, 99.0, "#000"}}, 90, 100, "%");
  EXPECT_NE(rows.find("cx=\"570.0\""), std::string::npos) << rows;
}

}  // namespace
}  // namespace desksim::analysis

namespace desksim::analysis {
namespace {

TEST(SvgChart, ANegativeDifferenceGetsAnAxisBelowZeroAndALogAxisPlacesDecades) {
  // y from -10 to 10: the axis starts at -10.5 (5% below the lowest point), so no point falls off it.
  const std::string svg = line_chart("t", {LineSeries{"d", {0, 1}, {-10, 10}, "#000"}}, AxisLabels{"x", "y"});
  EXPECT_NE(svg.find(">-10<"), std::string::npos) << svg;
  // Log-log: 1, 10 and 100 hours on equal steps, the first at the bottom (275) and the last at the top tick.
  const std::string qq = line_chart("q", {LineSeries{"q", {1, 10, 100}, {1, 10, 100}, "#000"}},
                                    AxisLabels{"x", "y", {}, true, std::nullopt, true});
  EXPECT_NE(qq.find("points=\"70.0,275.0 475.0,"), std::string::npos) << qq;
}

TEST(HtmlReport, AComparisonHasAForestPlotAndItsMonthlyDifferences) {
  results::Comparison c;
  *c.mutable_base() = run_with_everything();
  *c.mutable_alternative() = run_with_everything();
  for (const char* month : {"2025-01", "2025-02"}) {
    auto* d = c.add_monthly_differences();
    d->set_name("sla.resolution_attainment_per_month");
    d->set_period(month);
    d->set_unit("share");
    d->set_difference_mean(-0.02);
    d->set_ci_low(-0.03);
    d->set_ci_high(-0.01);
  }
  auto* d = c.add_differences();
  d->set_name("sla.resolution_attainment.mean");
  d->set_base_mean(0.95);
  d->set_difference_mean(-0.019);
  d->set_ci_low(-0.0285);
  d->set_ci_high(-0.0095);
  d->set_method("paired-t");
  d->set_significant(true);
  const std::string html = html_report(c);
  EXPECT_NE(html.find("Forest plot of the differences"), std::string::npos);
  EXPECT_NE(html.find("Differences by month"), std::string::npos);
  EXPECT_NE(html.find("SLA resolution: alternative − base per month"), std::string::npos);
}

TEST(HtmlReport, ASweepDrawsEachMeasureAgainstTheVariedFieldAndACheckFitItsQqPlot) {
  results::Sweep sweep;
  sweep.set_scenario_name("s");
  sweep.add_fields("desk.agents");
  for (int k = 0; k < 3; ++k) {
    auto* p = sweep.add_points();
    p->set_point(k);
    auto* s = p->add_settings();
    s->set_field("desk.agents");
    s->set_value(std::to_string(10 + k));
    auto* e = p->add_estimates();
    e->set_name("desk.wait_hours.mean");
    e->set_unit("hours");
    e->set_mean(1.0 / (k + 1));
    e->set_ci_low(0.9 / (k + 1));
    e->set_ci_high(1.1 / (k + 1));
  }
  const std::string html = html_report(sweep);
  EXPECT_NE(html.find("wait to answer (mean, dashed: 95% interval)"), std::string::npos) << html;
  EXPECT_NE(html.find(">desk.agents<"), std::string::npos);

  results::FitCheck check;
  check.set_scenario_name("fit");
  check.set_log("log.csv");
  for (double p : {0.5, 0.9}) check.add_probabilities(p);
  for (double q : {1.5, 280.0}) check.add_log_quantiles(q);
  for (double q : {8.0, 290.0}) check.add_simulated_quantiles(q);
  auto* f = check.add_figures();
  f->set_name("resolve_hours.p90");
  f->set_target_kind("relative");
  f->set_target_tolerance(0.2);
  f->set_target_met(true);
  const std::string fit = html_report(check);
  EXPECT_NE(fit.find("Time to resolve: QQ plot"), std::string::npos);
  EXPECT_NE(fit.find("met (±20%)"), std::string::npos);
}

}  // namespace
}  // namespace desksim::analysis
