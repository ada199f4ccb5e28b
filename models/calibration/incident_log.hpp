#pragma once
// An incident event log (many rows per incident, one per update) read in one pass into one compact
// record per incident: its times, final attributes, and its visits to assignment groups with the
// time spent waiting in each visit. The row text is never kept, so memory grows with the number of
// incidents and state changes, not with the file's size.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/log_columns.hpp"

namespace desksim::models::calibration {

/// The waiting states of the model (scenario WaitingState): user, vendor, change.
enum WaitKind : std::uint8_t { kWaitUser = 0, kWaitVendor = 1, kWaitChange = 2 };
inline constexpr std::size_t kWaitKinds = 3;
inline constexpr std::array<const char*, kWaitKinds> kWaitNames = {"waiting_on_user", "waiting_on_vendor",
                                                                   "waiting_on_change"};

/// A maximal run of rows with one assignment group before resolution (unassigned rows belong to the
/// group that holds the ticket next, or held it last): ServiceNow's unit of reassignment.
struct GroupVisit {
  std::int32_t group = 0;           // index into IncidentLog::groups
  std::int64_t start = 0, end = 0;  // minutes since epoch; the first visit starts at opened_at
  bool later_visit = false;         // the incident was with this group before
  std::array<std::int64_t, kWaitKinds> wait_minutes{};  // time in each waiting state during the visit
  std::array<bool, kWaitKinds> entered{};
  std::int64_t work_minutes() const;  // duration without the waits
};

struct Incident {
  std::string number;
  std::int64_t opened = 0;
  std::optional<std::int64_t> resolved;  // resolved_at, else the last Resolved row; none = never resolved
  std::optional<std::int64_t> closed;
  bool cancelled = false;  // closed without resolution (or a Canceled state)
  int priority = 0;        // 1..4, final row; 0 = missing
  std::int32_t category = -1;  // final row; index into IncidentLog::categories, -1 = missing
  int reassignment_count = 0;  // final row
  int made_sla = -1;           // final row: 1 true, 0 false, -1 missing
  std::array<bool, kWaitKinds> entered{};  // entered each waiting state at least once
  std::vector<GroupVisit> visits;
  double resolve_hours() const { return resolved ? (*resolved - opened) / 60.0 : -1.0; }
};

struct IncidentLog {
  std::vector<Incident> incidents;  // in order of opened_at, then number
  std::vector<std::string> categories, groups;
  std::uint64_t rows = 0;
  std::uint64_t resolved_at_missing = 0;  // incidents whose final resolved_at is missing ('?')
  std::uint64_t resolved_before_opened = 0;  // resolved_at earlier than opened_at: set to opened_at
};

/// Reads the whole file. Throws InputError ("file:row R: column C: message") on an empty file, a
/// header without a required column, a row with the wrong number of fields (a truncated last line
/// is named as such), an unparsable date or number, or an incident whose rows disagree on opened_at.
IncidentLog read_incident_log(const std::string& path, const ColumnMap& columns);

}  // namespace desksim::models::calibration
