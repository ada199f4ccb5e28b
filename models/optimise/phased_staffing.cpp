#include "models/optimise/phased_staffing.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "analysis/export/calendar_dates.hpp"
#include "models/scenario/calendar_date.hpp"
#include "models/scenario/programme.hpp"
#include "sim/calendar/civil_date.hpp"

namespace desksim::models {

namespace {

constexpr double kSecondsPerDay = 86400.0;

double total_offered_load(const scenario::Scenario& s) {
  double total = 0;
  for (const auto& l : station_loads(s))
    for (std::size_t h = 0; h < l.arrivals_per_hour.size(); ++h) total += l.offered_load(h);
  return total;
}

std::string month_of(std::int64_t day) {
  const auto d = sim::civil_from_days(day);
  char b[16];
  std::snprintf(b, sizeof b, "%04lld-%02u", static_cast<long long>(d.year), static_cast<unsigned>(d.month));
  return b;
}

}  // namespace

bool optimise_phases(const scenario::Scenario& s, const OptimiseSettings& settings, const SearchLimits& limits,
                     PhasedResult* out, std::string* error, std::vector<Diagnostic>* problems) {
  const auto started = std::chrono::steady_clock::now();
  *out = PhasedResult{};
  std::vector<Epoch> epochs;
  if (!expand_programme(s, &epochs, problems)) return false;
  const std::int64_t start_day = s.run().start_date().empty() ? kDefaultStartDay : *parse_date(s.run().start_date());

  // Phases: every epoch but the intermediate steps of a ramp, which belong to the phase their ramp began.
  struct Span {
    std::size_t first, end;  // epochs [first, end)
  };
  std::vector<Span> spans;
  for (std::size_t e = 0; e < epochs.size(); ++e) {
    const bool ramp_step = epochs[e].label.find("(ramp)") != std::string::npos &&
                           epochs[e].label.find("(ramp done)") == std::string::npos;
    if (e == 0 || !ramp_step) spans.push_back({e, e + 1});
    else spans.back().end = e + 1;
  }
  SearchLimits phase_limits = limits;
  out->feasible = true;
  for (std::size_t p = 0; p < spans.size(); ++p) {
    const Span& span = spans[p];
    // What is left of the budget, shared by the phases still to size: time a phase does not use
    // goes to the later ones.
    const std::chrono::duration<double> used = std::chrono::steady_clock::now() - started;
    phase_limits.budget = (limits.budget - used) / static_cast<double>(spans.size() - p);
    std::size_t heaviest = span.first;
    for (std::size_t e = span.first; e < span.end; ++e)
      if (total_offered_load(epochs[e].scenario) > total_offered_load(epochs[heaviest].scenario)) heaviest = e;
    StaffingPhase phase;
    phase.start_seconds = epochs[span.first].start_seconds;
    phase.from_date = analysis::iso_date(start_day + static_cast<std::int64_t>(phase.start_seconds / kSecondsPerDay));
    phase.label = epochs[span.first].label;
    scenario::Scenario in_force = epochs[heaviest].scenario;
    in_force.clear_programme();
    if (!optimise_staffing(in_force, settings, phase_limits, &phase.result, error)) return false;
    out->feasible = out->feasible && phase.result.feasible;
    out->simulations += phase.result.simulations;
    out->phases.push_back(std::move(phase));
  }

  // Staff per calendar month: each day takes the rosters of the phase in force on it.
  const double horizon_days = s.run().horizon_hours() / 24.0;
  std::size_t p = 0;
  for (std::int64_t d = 0; d < static_cast<std::int64_t>(std::ceil(horizon_days)); ++d) {
    while (p + 1 < out->phases.size() && out->phases[p + 1].start_seconds <= d * kSecondsPerDay) ++p;
    const std::string month = month_of(start_day + d);
    if (out->months.empty() || out->months.back().month != month) out->months.push_back({month, 0.0, 0.0, 0.0});
    out->months.back().fte += out->phases[p].result.fte;  // summed here, averaged below
    for (const auto& station : out->phases[p].result.stations) out->months.back().scenario_fte += station.scenario_fte;
    out->months.back().pounds += out->phases[p].result.pounds_per_week / 7.0;
  }
  for (auto& m : out->months) {
    std::size_t days = 0;
    for (std::int64_t d = 0; d < static_cast<std::int64_t>(std::ceil(horizon_days)); ++d) days += month_of(start_day + d) == m.month;
    m.fte /= static_cast<double>(days);
    m.scenario_fte /= static_cast<double>(days);
  }
  out->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return true;
}

}  // namespace desksim::models
