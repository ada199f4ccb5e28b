#pragma once
// Proleptic Gregorian dates as day numbers (days since 1970-01-01) and back, by Howard Hinnant's
// public-domain algorithms (days_from_civil, civil_from_days): exact integer arithmetic, valid far
// beyond any simulated horizon.
#include <cstdint>

namespace desksim::sim {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;  ///< 1..12
  unsigned day = 1;    ///< 1..31
};

/// Days since 1970-01-01 of year-month-day (month 1..12, day 1..31; not range-checked).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// The date of a day number (inverse of days_from_civil).
CivilDate civil_from_days(std::int64_t days);

}  // namespace desksim::sim
