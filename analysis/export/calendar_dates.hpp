#pragma once
// ISO-8601 dates for simulated time. Simulated time 0 is 00:00 local time on the scenario's
// start_date (scenario.proto, RunControl.start_date); local time has no daylight-saving shifts in
// the model, so hour h is simply start + h hours. Proleptic Gregorian calendar (Hinnant's
// days_from_civil algorithm, http://howardhinnant.github.io/date_algorithms.html).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace desksim::analysis {

/// The model's default when a scenario gives no start date (scenario.proto: a Monday).
inline constexpr std::string_view kDefaultStartDate = "2024-01-01";

/// Days since 1970-01-01 of a "YYYY-MM-DD" date, or nullopt when it is not a valid date.
std::optional<std::int64_t> parse_iso_date(std::string_view text);

/// "YYYY-MM-DD" of a day number (days since 1970-01-01).
std::string iso_date(std::int64_t day);

/// "YYYY-MM-DDTHH:MM:SS" of `hours` after 00:00 of `start_day`, to the nearest second.
std::string iso_datetime(std::int64_t start_day, double hours);

/// Day number of the start of simulated time for a start date ("" or invalid: the default).
std::int64_t start_day_of(std::string_view start_date);

}  // namespace desksim::analysis
