#include "models/calibration/log_columns.hpp"

#include <fstream>
#include <sstream>

#include "models/calibration/csv_stream.hpp"

namespace desksim::models::calibration {
namespace {

constexpr std::array<const char*, kFields> kNames = {
    "number", "opened_at", "resolved_at", "closed_at", "state", "priority", "category", "assignment_group",
    "reassignment_count", "made_sla", "sys_updated_at", "sys_mod_count"};
// ServiceNow's column names (the shared log): only `state` differs from the field's name.
constexpr std::array<const char*, kFields> kServiceNow = {
    "number", "opened_at", "resolved_at", "closed_at", "incident_state", "priority", "category",
    "assignment_group", "reassignment_count", "made_sla", "sys_updated_at", "sys_mod_count"};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

const char* field_name(Field f) { return kNames[static_cast<std::size_t>(f)]; }
bool field_optional(Field f) { return f == Field::kModCount; }

ColumnMap ColumnMap::servicenow() {
  ColumnMap m;
  for (std::size_t i = 0; i < kFields; ++i) m.header[i] = kServiceNow[i];
  return m;
}

void ColumnMap::apply(const std::string& spec) {
  std::vector<std::string> entries;
  std::ifstream file(spec);
  std::string item;
  if (file) {
    while (std::getline(file, item))
      if (!trim(item).empty() && trim(item)[0] != '#') entries.push_back(item);
  } else {
    std::istringstream in(spec);
    while (std::getline(in, item, ',')) entries.push_back(item);
  }
  for (const std::string& e : entries) {
    const auto eq = e.find('=');
    if (eq == std::string::npos)
      throw InputError("--columns: \"" + e + "\" is not field=Header (fields: number, opened_at, ...)");
    const std::string key = trim(e.substr(0, eq)), value = trim(e.substr(eq + 1));
    std::size_t k = 0;
    while (k < kFields && key != kNames[k]) ++k;
    if (k == kFields) {
      std::string known;
      for (const char* n : kNames) known += std::string(known.empty() ? "" : ", ") + n;
      throw InputError("--columns: unknown field \"" + key + "\" (known: " + known + ")");
    }
    if (value.empty()) throw InputError("--columns: field " + key + " has an empty header name");
    header[k] = value;
  }
}

std::array<int, kFields> resolve_columns(const ColumnMap& map, const std::vector<std::string>& header,
                                         const std::string& file) {
  std::array<int, kFields> index;
  std::string missing;
  for (std::size_t k = 0; k < kFields; ++k) {
    index[k] = -1;
    for (std::size_t c = 0; c < header.size(); ++c)
      if (trim(header[c]) == map.header[k]) {
        if (index[k] >= 0)
          throw InputError(where(file, 1, map.header[k], "header names this column twice (columns " +
                                                             std::to_string(index[k] + 1) + " and " +
                                                             std::to_string(c + 1) + ")"));
        index[k] = static_cast<int>(c);
      }
    if (index[k] < 0 && !field_optional(static_cast<Field>(k)))
      missing += std::string(missing.empty() ? "" : ", ") + map.header[k] + " (" + kNames[k] + ")";
  }
  if (!missing.empty())
    throw InputError(where(file, 1, "", "header lacks required column(s) " + missing +
                                            "; use --columns field=Header to name them"));
  return index;
}

}  // namespace desksim::models::calibration
