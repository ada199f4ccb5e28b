#include "analysis/export/csv_export.hpp"

#include <charconv>

#include <sqlite3.h>

namespace desksim::analysis {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_number(double value) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

void append_csv_row(std::initializer_list<std::string> cells, std::string* out) {
  bool first = true;
  for (const std::string& cell : cells) {
    if (!first) *out += ',';
    *out += cell;
    first = false;
  }
  *out += "\r\n";
}

namespace {

std::string cell(const SqliteStatement& row, int column) {
  switch (row.column_type(column)) {
    case SQLITE_NULL: return "";
    case SQLITE_INTEGER: return std::to_string(row.column_int64(column));
    case SQLITE_FLOAT: return csv_number(row.column_double(column));
    default: return csv_field(row.column_text(column));
  }
}

}  // namespace

bool export_csv(SqliteDatabase& db, std::vector<CsvFile>* files, std::string* error) {
  SqliteStatement list(db,
                       "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                       "ORDER BY type = 'view', name");
  std::vector<std::string> names;
  while (list.next_row()) names.push_back(list.column_text(0));
  for (const std::string& name : names) {
    // A table without rowid has its rows in primary-key order anyway; one with a rowid (PRIMARY
    // KEY INTEGER, or a composite key stored by rowid) in insertion order, which is deterministic.
    SqliteStatement rows(db, "SELECT * FROM \"" + name + "\"");
    if (!rows.ok()) {
      if (error) *error = "CSV of " + name + ": " + db.error();
      return false;
    }
    CsvFile file{name, {}};
    for (int c = 0; c < rows.column_count(); ++c) {
      if (c) file.text += ',';
      file.text += csv_field(rows.column_name(c));
    }
    file.text += "\r\n";
    while (rows.next_row()) {
      for (int c = 0; c < rows.column_count(); ++c) {
        if (c) file.text += ',';
        file.text += cell(rows, c);
      }
      file.text += "\r\n";
    }
    files->push_back(std::move(file));
  }
  return true;
}

}  // namespace desksim::analysis
