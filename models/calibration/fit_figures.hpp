#pragma once
// The figures `desksim check-fit` sets side by side, computed the same way from the log's incidents
// and from the simulated tickets (one replication's per-ticket records): what happened to the tickets
// opened in a window of days.
//
// Both sides are censored alike: the simulation runs from the log's first day to its last, so a
// ticket still open at the end of the log is open at the end of the run. Times to resolve are those
// of the tickets resolved by then (their quantiles), as in the log.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/incident_log.hpp"

namespace desksim::models::calibration {

/// One incident, or one simulated ticket, reduced to what the figures need. Times in hours since
/// 00:00 of the log's first day.
struct TicketFacts {
  double opened = 0.0;
  std::optional<double> resolved;
  int priority = 0;          ///< 1..4, 0 unknown
  int reassignments = 0;     ///< changes of group after the first
  std::array<bool, kWaitKinds> entered{};
  int made_sla = -1;         ///< resolution target met: 1, 0, or -1 unknown
  bool cancelled = false;
};

/// The log's incidents, with times from 00:00 of `first_day` (a day number).
std::vector<TicketFacts> facts_from_log(const IncidentLog& log, std::int64_t first_day);

/// One replication's records in the per-ticket CSV (models/flow/ticket_record_writer.hpp) at `path`,
/// whose time 0 is 00:00 of the log's first day. Throws InputError naming the line of a bad record.
std::vector<TicketFacts> facts_from_records(const std::string& path);

struct FitFigure {
  std::string name;   ///< e.g. "arrivals.Mon", "resolve_hours.p90.P3", "never_reassigned"
  std::string unit;   ///< "tickets/day", "hours", "share", "tickets"
  double value = 0.0;
  bool defined = true;  ///< false when nothing was observed (a priority with no resolved ticket)
};

struct FitWindow {
  std::int64_t from_day = 0;   ///< days since the log's first day, inclusive
  std::int64_t until_day = 0;  ///< exclusive
  int first_weekday = 0;       ///< weekday of the log's first day, 0 = Monday
};

/// Arrivals per day of the week (mean per such day in the window), time to resolve at p50, p75, p90
/// and p95 overall and per priority (and p50, p90 of the never reassigned and the reassigned), the share never reassigned and the reassignment histogram
/// (0, 1, 2, 3+), the share entering each waiting state, the made_sla share, and the backlog (tickets
/// open) at the end of each day of the window.
std::vector<FitFigure> fit_figures(const std::vector<TicketFacts>& tickets, const FitWindow& window);

/// Time to resolve (hours) of the tickets opened in the window and resolved, at each probability
/// (type-7 quantiles); empty when none was resolved.
std::vector<double> resolve_quantiles(const std::vector<TicketFacts>& tickets, const FitWindow& window,
                                      const std::vector<double>& probabilities);

}  // namespace desksim::models::calibration
