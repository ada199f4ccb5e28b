#include "analysis/report/grouped_summary.hpp"

#include <cstdio>
#include <map>
#include <vector>

#include "analysis/export/calendar_dates.hpp"
#include "analysis/report/value_format.hpp"
#include "analysis/statistics/run_estimates.hpp"
#include "analysis/statistics/target_views.hpp"

namespace desksim::analysis {
namespace {

// One line: a group label in a fixed column, then "label value" parts joined by " · ".
class Lines {
 public:
  explicit Lines(const results::RunResult& run) : run_(run) {}
  // Appends "label mean [low, high]" when the metric exists.
  void part(const std::string& label, const std::string& metric) {
    if (const auto* e = find_estimate(run_, metric)) parts_.push_back(label + " " + format_estimate(*e));
  }
  void text(const std::string& t) { parts_.push_back(t); }
  void end(const std::string& group) {
    if (parts_.empty()) return;
    char head[32];
    std::snprintf(head, sizeof head, "%-14s ", group.c_str());
    out_ += head;
    for (std::size_t i = 0; i < parts_.size(); ++i) out_ += (i ? " · " : "") + parts_[i];
    out_ += "\n";
    parts_.clear();
  }
  std::string out_;

 private:
  const results::RunResult& run_;
  std::vector<std::string> parts_;
};

std::string header(const results::RunResult& run) {
  std::uint64_t events = 0;
  double hours = 0, warmup = 0;
  for (const auto& r : run.replications()) {
    events += r.events();
    hours = std::max(hours, r.simulated_hours());
    warmup = r.measured_from_hours();
  }
  const std::int64_t start = start_day_of(run.scenario().start_date());
  const std::string name = run.scenario_name();
  char line[320];
  std::snprintf(line, sizeof line, "%s: %d replication(s), seed %llu, %s to %s (measured from %s), %s events\n",
                name.c_str(), run.replications_size(), static_cast<unsigned long long>(run.seed()),
                iso_date(start).c_str(), iso_datetime(start, hours).substr(0, 10).c_str(),
                iso_datetime(start, warmup).substr(0, 10).c_str(), with_thousands(static_cast<double>(events)).c_str());
  std::string out = line;
  if (run.estimates_size() > 0) {
    std::snprintf(line, sizeof line, "means over the measured window, [%.0f%% interval]\n",
                  run.estimates(0).confidence() * 100);
    out += line;
  }
  return out;
}

void sla_lines(const results::RunResult& run, Lines* lines) {
  // Per supplier: both clocks over all priorities, then the priority furthest below target.
  std::map<std::string, std::vector<SlaAttainment>> by_supplier;
  std::vector<std::string> order;
  for (auto& a : sla_attainments(run)) {
    if (!by_supplier.count(a.supplier)) order.push_back(a.supplier);
    by_supplier[a.supplier].push_back(a);
  }
  for (const std::string& supplier : order) {
    const SlaAttainment* worst = nullptr;
    for (const auto& a : by_supplier[supplier]) {
      if (a.priority == "all") lines->text(a.clock + " " + format_estimate(*a.estimate));
      else if (!worst || a.estimate->mean() < worst->estimate->mean()) worst = &a;
    }
    const auto& first = by_supplier[supplier].front();
    if (first.target_percent) lines->text("target " + format_value(*first.target_percent / 100, "share"));
    if (worst) lines->text("lowest " + worst->priority + " " + worst->clock + " " + format_estimate(*worst->estimate));
    lines->end("SLA " + supplier);
  }
}

void availability_lines(const results::RunResult& run, Lines* lines) {
  int perfect = 0;
  for (const ServiceAvailability& s : service_availabilities(run)) {
    if (s.availability->method() == "degenerate" && s.availability->mean() == 1.0) {
      ++perfect;  // never down in any replication: one shared line says so
      continue;
    }
    const double target = s.target_percent / 100.0;
    const char* status = s.availability->ci_low() >= target   ? "met"
                         : s.availability->ci_high() < target ? "missed"
                                                              : "uncertain";
    lines->text(s.service + " " + format_estimate(*s.availability) + " vs " + format_value(target, "share") + " " +
                status);
    lines->end("Availability");
  }
  if (perfect > 0) {
    lines->text(std::to_string(perfect) + " service(s) never down in any replication");
    lines->end("Availability");
  }
}

}  // namespace

std::string grouped_summary(const results::RunResult& run) {
  Lines lines(run);
  lines.part("raised", "tickets.raised");
  lines.part("resolved", "tickets.resolved");
  lines.end("Demand");
  lines.part("wait to answer", "desk.wait_hours.mean");
  lines.part("abandoned", "desk.abandon.mean");
  lines.part("first-contact resolution", "desk.fcr.mean");
  lines.end("Desk");
  lines.part("agents busy", "desk.utilisation.mean");
  lines.part("queue", "desk.queue_length.mean");
  lines.part("open tickets", "tickets.open.mean");
  lines.part("time with resolvers", "tickets.network_hours.mean");
  lines.end("");  // the desk's second line
  sla_lines(run, &lines);
  availability_lines(run, &lines);
  for (const auto& e : run.estimates()) {
    const std::string& n = e.name();
    if (!n.starts_with("supplier.") || !n.ends_with(".credit_pounds")) continue;
    const std::string supplier = n.substr(9, n.size() - 9 - 14);
    lines.text(supplier + " credits " + (e.mean() == 0 ? format_value(0, "pounds") : format_estimate(e)));
  }
  double total = 0;
  for (const auto& e : run.estimates())
    if (e.name().starts_with("service.") && e.name().ends_with(".credit_pounds")) total += e.mean();
  if (total > 0) lines.text("service credits " + format_value(total, "pounds"));
  lines.end("Cost");
  lines.part("staff", "staff.fte");
  lines.part("staff cost", "staff.cost_pounds");
  lines.part("staff and credits, completed months", "cost.total_pounds");
  lines.end("");  // the cost's second line
  return header(run) + lines.out_;
}

}  // namespace desksim::analysis
