#pragma once
// Simulation time is a double in SECONDS since the start of the replication, the unit of SimGrid's
// clock. Scenario files speak minutes and hours; convert at the boundary with these helpers so that
// no other code multiplies by 60 or 3600 itself.

namespace desksim::sim {

using Time = double;

inline constexpr double kSecondsPerMinute = 60.0;
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kSecondsPerDay = 86400.0;
inline constexpr double kSecondsPerWeek = 7 * kSecondsPerDay;
/// The average month for rates "per user per month": 365.25 days / 12 = 730.5 hours.
inline constexpr double kSecondsPerAverageMonth = 730.5 * kSecondsPerHour;
/// The month of monthly reports (availability, credits): 8760 hours / 12 = 730 hours, so that a
/// 365-day run is exactly twelve reporting months.
inline constexpr double kSecondsPerReportingMonth = 730.0 * kSecondsPerHour;

constexpr Time minutes(double m) { return m * kSecondsPerMinute; }
constexpr Time hours(double h) { return h * kSecondsPerHour; }
constexpr Time days(double d) { return d * kSecondsPerDay; }
constexpr double to_hours(Time t) { return t / kSecondsPerHour; }
constexpr double to_minutes(Time t) { return t / kSecondsPerMinute; }

}  // namespace desksim::sim
