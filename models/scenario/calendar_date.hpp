#pragma once
// Calendar dates in scenario files ("YYYY-MM-DD", proleptic Gregorian) as day numbers.
#include <cstdint>
#include <optional>
#include <string>

#include "sim/calendar/civil_date.hpp"

namespace desksim::models {

/// Days since 1970-01-01 of a "YYYY-MM-DD" date, or nullopt if the text is not a valid date.
std::optional<std::int64_t> parse_date(const std::string& text);

/// Day of the week of a day number: 0 = Monday ... 6 = Sunday.
int weekday_of_day_number(std::int64_t days_since_epoch);

/// The scenario's start date when run.start_date is not set ("2024-01-01", a Monday).
inline constexpr const char* kDefaultStartDate = "2024-01-01";
/// kDefaultStartDate as a day number.
inline constexpr std::int64_t kDefaultStartDay = sim::days_from_civil(2024, 1, 1);

}  // namespace desksim::models
