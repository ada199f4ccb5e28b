#include "models/run/monthly_statistics.hpp"

#include "sim/calendar/reporting_months.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

RunMonths run_months(std::int64_t start_day, double horizon_seconds) {
  const sim::ReportingMonths calendar(start_day);
  RunMonths m;
  const std::vector<sim::Time> bounds = calendar.bounds_until(horizon_seconds);
  for (sim::Time b : bounds) m.bounds_hours.push_back(sim::to_hours(b));
  for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
    m.labels.push_back(calendar.label(k));
    if (calendar.end(k) <= horizon_seconds * (1 + 1e-12)) m.completed = k + 1;  // the credits' rule
  }
  return m;
}

std::vector<sim::StatisticSpec> monthly_statistics(const ResolverNetworkConfig* network, const RunMonths& months) {
  using Kind = sim::StatisticSpec::Kind;
  constexpr double to_hours = 1.0 / sim::kSecondsPerHour;
  std::vector<double> bounds;
  for (double h : months.bounds_hours) bounds.push_back(sim::hours(h));
  std::vector<sim::StatisticSpec> specs;
  auto add = [&](const std::string& signal, Kind kind, const std::string& output, double scale = 1.0) {
    sim::StatisticSpec s{signal, kind, output + "_per_month", scale, {}};
    s.period_bounds = bounds;
    s.period_labels = months.labels;
    specs.push_back(std::move(s));
  };
  for (const char* name : {"tickets.raised", "tickets.resolved", "tickets.abandoned", "tickets.cancelled"})
    add(name, Kind::kSumPerPeriod, name);
  add("tickets.open", Kind::kTimeAveragePerPeriod, "tickets.open");
  add("desk.agents_rostered", Kind::kTimeAveragePerPeriod, "desk.agents_rostered");
  add("desk.wait", Kind::kMeanPerPeriod, "desk.wait_hours", to_hours);
  std::vector<std::string> priorities = {""};
  for (std::size_t p = 1; p <= kPriorities; ++p) priorities.push_back(".P" + std::to_string(p));
  for (const std::string& p : priorities) {
    add("tickets.resolve_time" + p, Kind::kMeanPerPeriod, "tickets.resolve_hours" + p, to_hours);
    add("sla.response_met" + p, Kind::kMeanPerPeriod, "sla.response_attainment" + p);
    add("sla.resolution_met" + p, Kind::kMeanPerPeriod, "sla.resolution_attainment" + p);
  }
  if (network == nullptr) return specs;
  for (const auto& s : network->suppliers) {
    const std::string base = "supplier." + s.name + ".";
    for (const std::string& p : priorities) {
      add(base + "response_met" + p, Kind::kMeanPerPeriod, base + "response_attainment" + p);
      if (!p.empty()) add(base + "resolution_met" + p, Kind::kMeanPerPeriod, base + "resolution_attainment" + p);
    }
  }
  for (const auto& g : network->groups)
    add("group." + g.name + ".rostered", Kind::kTimeAveragePerPeriod, "group." + g.name + ".rostered");
  return specs;
}

}  // namespace desksim::models
