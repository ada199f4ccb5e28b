#pragma once
// Which column of an export holds each field the calibration reads. Columns are found by their
// header name, never by position, so an export with its columns in another order reads the same.
// The default names are ServiceNow's, as in the shared incident log; `--columns` renames any of them
// ("field=Header Name,field=..." or a file with one "field=Header Name" a line) for other tools.
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace desksim::models::calibration {

enum class Field {
  kNumber,
  kOpenedAt,
  kResolvedAt,
  kClosedAt,
  kState,
  kPriority,
  kCategory,
  kAssignmentGroup,
  kReassignmentCount,
  kMadeSla,
  kUpdatedAt,
  kModCount,
  kCount
};
inline constexpr std::size_t kFields = static_cast<std::size_t>(Field::kCount);

/// The calibration's name of a field ("number", "opened_at", ...), as written in a column map.
const char* field_name(Field f);
/// Whether a file without this column can still be read (only sys_mod_count: rows are then taken
/// in the order of their sys_updated_at, file order among equals).
bool field_optional(Field f);

struct ColumnMap {
  std::array<std::string, kFields> header;  // header name per field
  static ColumnMap servicenow();
  /// Applies "field=Header,..." or, if `spec` names a readable file, its lines. Throws InputError
  /// naming an unknown field or a malformed entry.
  void apply(const std::string& spec);
};

/// Index of each field's column in a header row; -1 for an absent optional column. Throws
/// InputError naming every required column the header lacks, and any header name given twice.
std::array<int, kFields> resolve_columns(const ColumnMap& map, const std::vector<std::string>& header,
                                         const std::string& file);

}  // namespace desksim::models::calibration
