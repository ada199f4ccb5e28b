#pragma once
// A scenario fitted to an incident log, written as commented text: every number says where in the
// log it came from. One segment of users, every category raised straight into its first assignment
// group (the log has no level-1 contact to model), groups as ample servers (the log records how long
// a group held a ticket, not engineer effort, so queueing is inside the fitted in-group time).
#include <cstdint>
#include <optional>
#include <string>

#include "models/calibration/incident_log.hpp"

namespace desksim::models::calibration {

struct CalibrationOptions {
  std::optional<std::int64_t> fit_until;  // last day (day number, inclusive) of incidents opened; none = all
  unsigned users = 0;                     // 0 = one incident per user per month, rounded
  std::string source;                     // the log's file name, quoted in the comments
};

struct CalibrationResult {
  std::string scenario_text;
  std::string summary;  // what was fitted and excluded, for the terminal
};

/// Throws InputError if the fit window holds no incident.
CalibrationResult calibrate(const IncidentLog& log, const CalibrationOptions& options);

}  // namespace desksim::models::calibration
