#include "analysis/report/text_summary.hpp"

#include <cstdio>

#include "analysis/report/grouped_summary.hpp"

namespace desksim::analysis {

std::string text_summary(const results::RunResult& run, bool all_metrics) {
  if (!all_metrics) {
    char tail[160];
    std::snprintf(tail, sizeof tail, "(%d metrics with their interval methods in the results files; --all prints them)\n",
                  run.estimates_size());
    return grouped_summary(run) + tail;
  }
  std::string out;
  char line[256];
  std::uint64_t events = 0;
  double hours = 0;
  for (const auto& r : run.replications()) {
    events += r.events();
    hours += r.simulated_hours();
  }
  std::snprintf(line, sizeof line, "scenario %s: %d replication(s), seed %llu, %.0f simulated hours, %llu events\n",
                run.scenario_name().c_str(), run.replications_size(), static_cast<unsigned long long>(run.seed()), hours,
                static_cast<unsigned long long>(events));
  out += line;
  if (run.estimates_size() == 0) return out;
  const double confidence = run.estimates(0).confidence();
  char interval_head[48];
  std::snprintf(interval_head, sizeof interval_head, "%.0f%% confidence interval", confidence * 100);
  std::snprintf(line, sizeof line, "%-52s %14s   %-34s %-9s %s\n", "metric", "mean", interval_head, "unit", "method");
  out += line;
  std::size_t hidden = 0;
  for (const auto& e : run.estimates()) {
    if (!all_metrics && !e.headline()) {
      ++hidden;
      continue;
    }
    char interval[96] = "";
    if (e.n() > 1) std::snprintf(interval, sizeof interval, "[%.6g, %.6g]", e.ci_low(), e.ci_high());
    std::snprintf(line, sizeof line, "%-52s %14.6g   %-34s %-9s %s", e.name().c_str(), e.mean(), interval,
                  e.unit().c_str(), e.method().c_str());
    out += line;
    // A metric some replications did not observe says so: its mean is over the others only.
    if (static_cast<int>(e.n()) < run.replications_size()) {
      std::snprintf(line, sizeof line, "   (observed in %u of %d replications)", e.n(), run.replications_size());
      out += line;
    }
    out += "\n";
  }
  if (hidden > 0) {
    std::snprintf(line, sizeof line, "(%zu more metrics in the results files; --all prints them here)\n", hidden);
    out += line;
  }
  return out;
}

}  // namespace desksim::analysis
