#include "analysis/report/fit_check_summary.hpp"

#include "analysis/export/csv_export.hpp"

#include <cstdio>

namespace desksim::analysis {

namespace {


std::string target_text(const results::FitCheck::Figure& f) {
  if (f.target_kind().empty()) return "";
  char text[64];
  if (f.target_kind() == "relative") std::snprintf(text, sizeof text, " (±%g%%)", f.target_tolerance() * 100);
  else std::snprintf(text, sizeof text, " (±%g pts)", f.target_tolerance() * 100);
  return (f.target_met() ? "met" : "MISSED") + std::string(text);
}

}  // namespace

std::string fit_check_text(const results::FitCheck& check) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "check-fit of %s against %s: incidents opened %s to %s, %u replications\n",
                check.scenario_name().c_str(), check.log().c_str(), check.window_from().c_str(),
                check.window_until().c_str(), check.replications());
  out += line;
  std::snprintf(line, sizeof line, "%-34s %12s %12s   %-28s %s\n", "figure", "log", "simulated", "95% interval", "target");
  out += line;
  int met = 0, targets = 0;
  for (const auto& f : check.figures()) {
    char interval[64];
    std::snprintf(interval, sizeof interval, "[%.4g, %.4g]", f.ci_low(), f.ci_high());
    std::snprintf(line, sizeof line, "%-34s %12.4g %12.4g   %-28s %s\n", f.name().c_str(), f.log(), f.simulated(), interval,
                  target_text(f).c_str());
    out += line;
    if (!f.target_kind().empty()) {
      ++targets;
      met += f.target_met() ? 1 : 0;
    }
  }
  std::snprintf(line, sizeof line, "targets met: %d of %d\n", met, targets);
  return out + line;
}

std::string fit_check_csv(const results::FitCheck& check) {
  std::string out = "figure,unit,log,simulated,ci_low,ci_high,replications,target,met\r\n";
  for (const auto& f : check.figures()) {
    append_csv_row({csv_field(f.name()), csv_field(f.unit()), csv_number(f.log()), csv_number(f.simulated()),
                    csv_number(f.ci_low()), csv_number(f.ci_high()), std::to_string(f.replications()),
                    f.target_kind().empty() ? std::string() : csv_number(f.target_tolerance()) + " " + f.target_kind(),
                    f.target_kind().empty() ? std::string() : std::string(f.target_met() ? "1" : "0")},
                   &out);
  }
  return out;
}

}  // namespace desksim::analysis
