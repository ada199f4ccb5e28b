#include "analysis/export/csv_export.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <memory>
#include <thread>

#include <sqlite3.h>

namespace desksim::analysis {

namespace {

// Whether a field must be quoted. A plain loop: string_view::find_first_of calls memchr on the
// four-character set once per character of the text, which made appending the fields of one
// replication's CSV files 35 million instructions instead of 11.5 (callgrind).
bool needs_quotes(std::string_view text) {
  for (const char c : text)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

}  // namespace

void append_csv_field(std::string_view text, std::string* out) {
  if (!needs_quotes(text)) {
    out->append(text);
    return;
  }
  *out += '"';
  for (char c : text) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

std::string csv_field(const std::string& text) {
  std::string out;
  append_csv_field(text, &out);
  return out;
}

void append_csv_number(double value, std::string* out) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out->append(buffer, end);
}

std::string csv_number(double value) {
  std::string out;
  append_csv_number(value, &out);
  return out;
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

// Appended straight into the file's text: a baseline's CSV files are some 100,000 cells, and a
// string made per cell cost more than SQLite reading them.
void append_cell(const SqliteStatement& row, int column, std::string* out) {
  switch (row.column_type(column)) {
    case SQLITE_NULL: return;
    case SQLITE_INTEGER: {
      char buffer[24];
      const auto end = std::to_chars(buffer, buffer + sizeof buffer, row.column_int64(column)).ptr;
      out->append(buffer, end);
      return;
    }
    case SQLITE_FLOAT: append_csv_number(row.column_double(column), out); return;
    default: append_csv_field(row.column_view(column), out);
  }
}

}  // namespace

namespace {

struct TableOrView {
  std::string name;
  bool table;
};

/// Tables first, then views, each by name: the order of the files.
std::vector<TableOrView> tables_and_views(SqliteDatabase& db) {
  SqliteStatement list(db,
                       "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                       "ORDER BY type = 'view', name");
  std::vector<TableOrView> all;
  while (list.next_row()) all.push_back({list.column_text(0), list.column_text(1) == "table"});
  return all;
}

bool table_csv(SqliteDatabase& db, const std::string& name, CsvFile* file, std::string* error) {
  // A table without rowid has its rows in primary-key order anyway; one with a rowid (PRIMARY
  // KEY INTEGER, or a composite key stored by rowid) in insertion order, which is deterministic.
  SqliteStatement rows(db, "SELECT * FROM \"" + name + "\"");
  if (!rows.ok()) {
    if (error) *error = "CSV of " + name + ": " + db.error();
    return false;
  }
  *file = CsvFile{name, {}};
  for (int c = 0; c < rows.column_count(); ++c) {
    if (c) file->text += ',';
    file->text += csv_field(rows.column_name(c));
  }
  file->text += "\r\n";
  while (rows.next_row()) {
    for (int c = 0; c < rows.column_count(); ++c) {
      if (c) file->text += ',';
      append_cell(rows, c, &file->text);
    }
    file->text += "\r\n";
  }
  return true;
}

// The order in which the threads take the files: the tables with the most rows first (a run's
// biggest is its hour-of-week profiles), then the views, which are small aggregates. Taken in name
// order, the biggest could come last and leave one thread working alone.
std::vector<std::size_t> largest_first(SqliteDatabase& db, const std::vector<TableOrView>& all) {
  std::vector<std::pair<std::int64_t, std::size_t>> rows_and_index;
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::int64_t rows = 0;
    if (all[i].table) {
      SqliteStatement count(db, "SELECT count(*) FROM \"" + all[i].name + "\"");
      if (count.next_row()) rows = count.column_int64(0);
    }
    rows_and_index.emplace_back(-rows, i);
  }
  std::sort(rows_and_index.begin(), rows_and_index.end());
  std::vector<std::size_t> order;
  for (const auto& [rows, i] : rows_and_index) order.push_back(i);
  return order;
}

}  // namespace

bool export_csv(SqliteDatabase& db, std::vector<CsvFile>* files, std::string* error) {
  for (const TableOrView& t : tables_and_views(db)) {
    CsvFile file;
    if (!table_csv(db, t.name, &file, error)) return false;
    files->push_back(std::move(file));
  }
  return true;
}

bool export_csv(const std::string& database, unsigned threads, std::vector<CsvFile>* files, std::string* error) {
  SqliteDatabase db(database, /*read_only=*/true);
  if (!db.ok()) {
    if (error) *error = db.error();
    return false;
  }
  if (threads <= 1) return export_csv(db, files, error);
  const std::vector<TableOrView> all = tables_and_views(db);
  const std::vector<std::size_t> order = largest_first(db, all);
  std::vector<std::string> names;
  for (const TableOrView& t : all) names.push_back(t.name);
  std::vector<CsvFile> made(names.size());
  std::vector<std::string> errors(names.size());
  std::atomic<std::size_t> next{0};
  // Each thread reads through a connection of its own (SQLite allows concurrent readers of one file);
  // the files come out in the same order and with the same bytes whatever the number of threads.
  auto work = [&](SqliteDatabase* connection) {
    for (std::size_t k; (k = next.fetch_add(1)) < order.size();) {
      const std::size_t i = order[k];
      if (!table_csv(*connection, names[i], &made[i], &errors[i]) && errors[i].empty()) errors[i] = "CSV of " + names[i];
    }
  };
  std::vector<std::unique_ptr<SqliteDatabase>> connections;
  std::vector<std::thread> helpers;
  bool opened = true;
  for (unsigned t = 1; t < std::min<std::size_t>(threads, names.size()); ++t) {
    connections.push_back(std::make_unique<SqliteDatabase>(database, /*read_only=*/true));
    if (!connections.back()->ok()) {
      if (error) *error = connections.back()->error();
      opened = false;
      next = order.size();  // the helpers already started stop after their current file
      break;
    }
    helpers.emplace_back(work, connections.back().get());
  }
  work(&db);
  for (std::thread& helper : helpers) helper.join();
  if (!opened) return false;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!errors[i].empty()) {
      if (error) *error = errors[i];
      return false;
    }
    files->push_back(std::move(made[i]));
  }
  return true;
}

}  // namespace desksim::analysis
