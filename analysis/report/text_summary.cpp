#include "analysis/report/text_summary.hpp"

#include <cstdio>

namespace desksim::analysis {

std::string text_summary(const results::RunResult& run) {
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
  std::snprintf(line, sizeof line, "%-36s %14s   %.0f%% confidence interval\n", "metric", "mean", confidence * 100);
  out += line;
  for (const auto& e : run.estimates()) {
    if (e.n() > 1)
      std::snprintf(line, sizeof line, "%-36s %14.6g   [%.6g, %.6g]\n", e.name().c_str(), e.mean(), e.ci_low(),
                    e.ci_high());
    else
      std::snprintf(line, sizeof line, "%-36s %14.6g\n", e.name().c_str(), e.mean());
    out += line;
  }
  return out;
}

}  // namespace desksim::analysis
