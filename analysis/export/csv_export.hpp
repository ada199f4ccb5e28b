#pragma once
// CSV of the dashboard database for spreadsheets: one file per table and per view, produced from
// the database itself so that the two can never disagree. RFC 4180: comma-separated, a header row,
// fields quoted when they hold a comma, quote or line break; NULL is an empty field; numbers in the
// shortest form that reads back to the same double.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/export/sqlite_database.hpp"

namespace desksim::analysis {

struct CsvFile {
  std::string name;  ///< table or view name; the file is <name>.csv
  std::string text;
};

/// Every table and view (tables first, then views, each by name) as CSV, rows in primary-key order
/// for tables and in the view's own order for views. False with *error on a database error.
bool export_csv(SqliteDatabase& db, std::vector<CsvFile>* files, std::string* error);
/// The same for the database file at `database`, read by up to `threads` threads, each through a
/// connection of its own: the same files, in the same order, whatever `threads` is.
bool export_csv(const std::string& database, unsigned threads, std::vector<CsvFile>* files, std::string* error);

/// One field as CSV (quoted when needed).
std::string csv_field(const std::string& text);
void append_csv_field(std::string_view text, std::string* out);
/// A number as CSV cells hold it: the shortest text that reads back to the same double.
std::string csv_number(double value);
void append_csv_number(double value, std::string* out);
/// Appends one record of cells already made CSV fields (csv_field, csv_number), ended by CRLF.
void append_csv_row(std::initializer_list<std::string> cells, std::string* out);

}  // namespace desksim::analysis
