#include "models/optimise/analytic_staffing.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/analytic/erlang_a.hpp"
#include "analysis/analytic/erlang_c.hpp"
#include "models/desk/service_desk_config.hpp"

namespace desksim::models {

namespace {

/// Resolution target of a supplier's priority, in hours (0 = all priorities: the longest, which most
/// tickets have); 0 when the scenario has none.
double resolution_hours(const scenario::Scenario& s, const std::string& supplier, std::uint32_t priority) {
  double hours = 0;
  for (const auto& sla : s.slas())
    if (sla.supplier() == supplier)
      for (const auto& t : sla.targets())
        if (priority == 0 || t.priority() == priority) hours = std::max(hours, t.resolution_hours());
  return hours;
}

/// Response target of a supplier's priority, in hours (0 = all priorities: the longest).
double response_hours(const scenario::Scenario& s, const std::string& supplier, std::uint32_t priority) {
  double hours = 0;
  for (const auto& sla : s.slas())
    if (sla.supplier() == supplier)
      for (const auto& t : sla.targets())
        if (priority == 0 || t.priority() == priority) hours = std::max(hours, t.response_minutes() / 60.0);
  return hours;
}

/// Smallest c with Erlang C service level P(W <= t) >= level; 0 without arrivals.
std::uint32_t erlang_c_staff(double lambda, double mu, double t, double level) {
  if (lambda <= 0) return 0;
  const int c = analysis::erlang_c_agents_for_service_level(lambda, mu, std::max(0.0, t), level);
  return c < 0 ? static_cast<std::uint32_t>(std::ceil(lambda / mu)) : static_cast<std::uint32_t>(c);
}

/// Smallest c whose Erlang A abandonment, as a share of the impatient callers, is at most `ceiling`.
std::uint32_t erlang_a_staff(double lambda, double mu, double theta, double impatient_share, double ceiling) {
  if (lambda <= 0 || theta <= 0 || impatient_share <= 0) return 0;
  for (int c = 1; c < 100000; ++c) {
    analysis::ErlangAResult r{};
    if (analysis::erlang_a(lambda, mu, c, theta, &r, nullptr) && r.p_abandon / impatient_share <= ceiling)
      return static_cast<std::uint32_t>(c);
  }
  return 0;
}

}  // namespace

/// The analytic first guess of one station per half-hour: the most any target asks of it. Erlang C
/// and A count places (a ticket holds one for its work time); a person is places_per_server of them.
std::vector<std::uint32_t> analytic_requirement(const scenario::Scenario& s, const StationLoad& load,
                                                const StationPlan& plan, const std::vector<StaffingTarget>& targets) {
  std::vector<std::uint32_t> need(kHalfHoursPerWeek, plan.minimum_on_duty);
  const double mu = load.mean_work_hours > 0 ? 1.0 / load.mean_work_hours : 0.0;
  for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) {
    const double lambda = load.arrivals_per_hour[h];
    std::uint32_t c = lambda > 0 && mu > 0 ? static_cast<std::uint32_t>(std::floor(lambda / mu)) + 1 : 0;
    for (const auto& t : targets) {
      if (mu <= 0) break;
      if (load.is_desk && t.ceiling) {
        c = std::max(c, erlang_a_staff(lambda, mu, load.patience_rate_per_hour, load.impatient_share, t.level));
      } else if (load.is_desk && t.desk_only) {
        const double threshold = t.station_supplier.empty()
                                     ? (s.desk().service_level_threshold_seconds() > 0 ? s.desk().service_level_threshold_seconds() : 20.0) / 3600.0
                                     : response_hours(s, t.station_supplier, t.priority);
        c = std::max(c, erlang_c_staff(lambda, mu, threshold, t.level));
      } else if (!load.is_desk && !t.desk_only && t.response && t.station_supplier == load.supplier) {
        c = std::max(c, erlang_c_staff(lambda, mu, response_hours(s, t.station_supplier, t.priority), t.level));
      } else if (!load.is_desk && !t.desk_only && t.station_supplier == load.supplier) {
        // The group's share of the resolution target: its wait in queue may use the target less the work.
        const double hours = resolution_hours(s, t.station_supplier, t.priority) - load.mean_work_hours;
        c = std::max(c, erlang_c_staff(lambda, mu, std::max(hours, 0.0), t.level));
      }
    }
    const std::uint32_t k = std::max(1u, load.places_per_server);
    need[h] = std::max(need[h], (c + k - 1) / k);
  }
  return need;
}

}  // namespace desksim::models
