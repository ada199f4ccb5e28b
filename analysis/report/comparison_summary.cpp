#include "analysis/report/comparison_summary.hpp"

#include <cstdio>

#include "analysis/report/text_summary.hpp"

namespace desksim::analysis {

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
    if (!all_metrics && !is_headline_metric(d.name())) {
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
  return out;
}

}  // namespace desksim::analysis
