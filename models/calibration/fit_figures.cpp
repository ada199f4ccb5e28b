#include "models/calibration/fit_figures.hpp"

#include <algorithm>
#include <cmath>

#include "models/calibration/csv_stream.hpp"
#include "models/calibration/log_time.hpp"
#include "models/calibration/quantile_points.hpp"
#include "models/ticket/lifecycle.hpp"

namespace desksim::models::calibration {

namespace {

const char* const kWeekdays[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// Whether a list of waiting spells, "state@start-end;...", holds a spell of `state`.
bool has_spell(const std::string& spells, const char* state) {
  const std::string tag = std::string(state) + "@";
  for (std::size_t at = spells.find(tag); at != std::string::npos; at = spells.find(tag, at + 1))
    if (at == 0 || spells[at - 1] == ';') return true;
  return false;
}

}  // namespace

std::vector<TicketFacts> facts_from_log(const IncidentLog& log, std::int64_t first_day) {
  const double origin = static_cast<double>(first_day * kMinutesPerDay);
  std::vector<TicketFacts> out;
  out.reserve(log.incidents.size());
  for (const Incident& inc : log.incidents) {
    TicketFacts f;
    f.opened = (static_cast<double>(inc.opened) - origin) / 60.0;
    if (inc.resolved) f.resolved = (static_cast<double>(*inc.resolved) - origin) / 60.0;
    f.priority = inc.priority;
    f.reassignments = inc.reassignment_count;
    f.entered = inc.entered;
    f.made_sla = inc.made_sla;
    f.cancelled = inc.cancelled;
    out.push_back(f);
  }
  return out;
}

std::vector<TicketFacts> facts_from_records(const std::string& path) {
  // Columns (ticket_record_writer.hpp): replication, ticket, opened_h, user, channel, category,
  // priority, state, resolved_h, closed_h, response_met, resolution_met, one hours column per
  // lifecycle state, visits, waits; quoted where a name needs it (RFC 4180).
  constexpr std::size_t kPriority = 6, kColumns = 12 + (kTicketStates - 1) + 2;
  CsvStream in(path);
  std::vector<std::string> cells;
  std::vector<TicketFacts> out;
  while (in.next(&cells)) {
    if (!cells.empty() && cells[0] == "replication") continue;  // the header
    auto fail = [&](const std::string& why) { throw InputError(where(path, in.row(), "", why)); };
    if (cells.size() != kColumns)
      fail("not a per-ticket record (" + std::to_string(cells.size()) + " fields, not " + std::to_string(kColumns) + ")");
    TicketFacts f;
    try {
      f.opened = std::stod(cells[2]);
      f.priority = std::stoi(cells[kPriority]);
      if (!cells[kPriority + 2].empty()) f.resolved = std::stod(cells[kPriority + 2]);
    } catch (const std::exception&) {
      fail("a time or priority that is not a number");
    }
    const std::string& met = cells[kPriority + 5];
    f.made_sla = met.empty() ? -1 : (met == "1" ? 1 : 0);
    f.cancelled = cells[kPriority + 1] == "cancelled";
    const std::string& visits = cells[kColumns - 2];
    const int group_visits = visits.empty() ? 0 : static_cast<int>(std::count(visits.begin(), visits.end(), ';')) + 1;
    f.reassignments = std::max(0, group_visits - 1);  // every change of group after the first, as ServiceNow counts
    for (std::size_t k = 0; k < kWaitKinds; ++k) f.entered[k] = has_spell(cells[kColumns - 1], kWaitNames[k]);
    out.push_back(f);
  }
  return out;
}

std::vector<FitFigure> fit_figures(const std::vector<TicketFacts>& tickets, const FitWindow& window) {
  const double from = static_cast<double>(window.from_day) * 24.0, until = static_cast<double>(window.until_day) * 24.0;
  std::vector<const TicketFacts*> in_window;
  for (const auto& t : tickets)
    if (t.opened >= from && t.opened < until) in_window.push_back(&t);
  std::vector<FitFigure> out;

  // Arrivals per day of the week: the mean count over the window's days of that weekday.
  std::array<double, 7> count{}, days{};
  for (std::int64_t d = window.from_day; d < window.until_day; ++d) days[static_cast<std::size_t>((window.first_weekday + d) % 7)] += 1;
  for (const auto* t : in_window) {
    const auto day = static_cast<std::int64_t>(std::floor(t->opened / 24.0));
    count[static_cast<std::size_t>((window.first_weekday + day) % 7)] += 1;
  }
  for (std::size_t w = 0; w < 7; ++w)
    out.push_back({std::string("arrivals.") + kWeekdays[w], "tickets/day", days[w] > 0 ? count[w] / days[w] : 0.0, days[w] > 0});

  // Time to resolve, overall and per priority.
  for (int p = 0; p <= 4; ++p) {
    std::vector<double> hours;
    for (const auto* t : in_window)
      if (t->resolved && !t->cancelled && (p == 0 || t->priority == p)) hours.push_back(std::max(0.0, *t->resolved - t->opened));
    std::sort(hours.begin(), hours.end());
    for (double q : {0.5, 0.75, 0.9, 0.95}) {
      const std::string name = "resolve_hours.p" + std::to_string(static_cast<int>(std::lround(q * 100))) +
                               (p == 0 ? "" : ".P" + std::to_string(p));
      out.push_back({name, "hours", sample_quantile(&hours, q, true), !hours.empty()});
    }
  }

  // Time to resolve of the tickets never reassigned and of those reassigned at least once: where a
  // misfit of the whole distribution comes from.
  for (const bool reassigned : {false, true}) {
    std::vector<double> hours;
    for (const auto* t : in_window)
      if (t->resolved && !t->cancelled && (t->reassignments > 0) == reassigned)
        hours.push_back(std::max(0.0, *t->resolved - t->opened));
    std::sort(hours.begin(), hours.end());
    for (double q : {0.5, 0.9})
      out.push_back({"resolve_hours.p" + std::to_string(static_cast<int>(std::lround(q * 100))) +
                         (reassigned ? ".reassigned" : ".never_reassigned"),
                     "hours", sample_quantile(&hours, q, true), !hours.empty()});
  }

  // Reassignments and waiting states, over the tickets resolved (their counts are final).
  std::array<double, 4> buckets{};
  std::array<double, kWaitKinds> waited{};
  double resolved = 0, with_sla = 0, met = 0;
  for (const auto* t : in_window) {
    if (!t->resolved || t->cancelled) continue;
    resolved += 1;
    buckets[static_cast<std::size_t>(std::min(t->reassignments, 3))] += 1;
    for (std::size_t k = 0; k < kWaitKinds; ++k) waited[k] += t->entered[k] ? 1 : 0;
    if (t->made_sla >= 0) {
      with_sla += 1;
      met += t->made_sla;
    }
  }
  const bool any = resolved > 0;
  out.push_back({"never_reassigned", "share", any ? buckets[0] / resolved : 0.0, any});
  const char* const bucket_names[4] = {"0", "1", "2", "3plus"};
  for (std::size_t b = 0; b < 4; ++b)
    out.push_back({std::string("reassigned.") + bucket_names[b], "share", any ? buckets[b] / resolved : 0.0, any});
  for (std::size_t k = 0; k < kWaitKinds; ++k)
    out.push_back({std::string("entered.") + kWaitNames[k], "share", any ? waited[k] / resolved : 0.0, any});
  out.push_back({"made_sla", "share", with_sla > 0 ? met / with_sla : 0.0, with_sla > 0});

  // Backlog: tickets opened (ever, not only in the window) and not yet resolved or cancelled at the
  // end of each day of the window.
  for (std::int64_t d = window.from_day; d < window.until_day; ++d) {
    const double end = static_cast<double>(d + 1) * 24.0;
    double open = 0;
    for (const auto& t : tickets)  // a cancelled ticket has no end time in the log: left out on both sides
      if (t.opened < end && !(t.resolved && *t.resolved <= end) && !t.cancelled) open += 1;
    out.push_back({"backlog.day" + std::to_string(d - window.from_day + 1), "tickets", open, true});
  }
  return out;
}

std::vector<double> resolve_quantiles(const std::vector<TicketFacts>& tickets, const FitWindow& window,
                                      const std::vector<double>& probabilities) {
  const double from = static_cast<double>(window.from_day) * 24.0, until = static_cast<double>(window.until_day) * 24.0;
  std::vector<double> hours;
  for (const auto& t : tickets)
    if (t.opened >= from && t.opened < until && t.resolved && !t.cancelled) hours.push_back(std::max(0.0, *t.resolved - t.opened));
  std::sort(hours.begin(), hours.end());
  std::vector<double> out;
  if (hours.empty()) return out;
  for (double p : probabilities) out.push_back(sample_quantile(&hours, p, true));
  return out;
}

}  // namespace desksim::models::calibration
