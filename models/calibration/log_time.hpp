#pragma once
// Timestamps of an export as minutes since 1970-01-01 00:00 (local time of the export; no zone is
// given). Minute resolution is what ServiceNow exports carry.
#include <cstdint>
#include <optional>
#include <string>

namespace desksim::models::calibration {

/// "29/2/2016 01:16" (day first, as ServiceNow's export), "2016-02-29 01:16" or "2016-02-29T01:16:05"
/// (seconds dropped); nullopt when the text is none of these or not a real date.
std::optional<std::int64_t> parse_log_time(const std::string& text);

/// "2016-05-01" -> day number (days since 1970-01-01); nullopt if invalid.
std::optional<std::int64_t> parse_day(const std::string& text);

/// Day number -> "2016-05-01".
std::string format_day(std::int64_t day);

inline constexpr std::int64_t kMinutesPerDay = 24 * 60;

}  // namespace desksim::models::calibration
