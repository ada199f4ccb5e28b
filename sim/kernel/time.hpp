#pragma once
// Simulation time is a double in SECONDS since the start of the replication, the unit of SimGrid's
// clock. Scenario files speak minutes and hours; convert at the boundary with these helpers so that
// no other code multiplies by 60 or 3600 itself.

#include <cmath>

namespace desksim::sim {

using Time = double;

/// Dates handed to SimGrid are whole multiples of this power-of-two quantum (2^-10 s, about a
/// millisecond: finer than anything a service desk measures). SimGrid advances its clock with
/// `now += date - now`; on such a grid, below kMaxSimGridDate, that sum, the difference, and every
/// sleep's end date are exact, so SimGrid lands exactly on the date it was asked for. Off the grid the
/// sum can round one ulp past the date, and SimGrid then aborts the process on its next step ("that's
/// in the past already").
inline constexpr double kSimGridQuantum = 1.0 / 1024.0;
/// The last date of that exact grid: 2^53 quanta, about 278,000 years.
inline constexpr double kMaxSimGridDate = 9007199254740992.0 * kSimGridQuantum;

/// The first SimGrid grid date at or after t (t itself when it is on the grid). Multiplying and
/// dividing by a power of two is exact, so only the ceiling moves the value. A date past the grid's
/// end (a sleep of centuries, +infinity) becomes its end: later than any horizon a scenario may have,
/// so for the run it is "never", and SimGrid is never handed a date it cannot reach exactly.
inline Time simgrid_date_at_or_after(Time t) {
  if (!(t < kMaxSimGridDate)) return kMaxSimGridDate;
  return std::ceil(t / kSimGridQuantum) * kSimGridQuantum;
}

inline constexpr double kSecondsPerMinute = 60.0;
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kSecondsPerDay = 86400.0;
inline constexpr double kSecondsPerWeek = 7 * kSecondsPerDay;
/// The average month, the unit of rates "per user per month": 365.25 days / 12 = 730.5 hours.
/// Monthly reports and credits use calendar months instead (sim/calendar/reporting_months.hpp).
inline constexpr double kSecondsPerAverageMonth = 730.5 * kSecondsPerHour;

constexpr Time minutes(double m) { return m * kSecondsPerMinute; }
constexpr Time hours(double h) { return h * kSecondsPerHour; }
constexpr Time days(double d) { return d * kSecondsPerDay; }
constexpr double to_hours(Time t) { return t / kSecondsPerHour; }
constexpr double to_minutes(Time t) { return t / kSecondsPerMinute; }

}  // namespace desksim::sim
