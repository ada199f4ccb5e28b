#pragma once
// A thin RAII layer over the SQLite C API: a connection and prepared statements, with errors as
// messages rather than codes. Only what the dashboard writer and the CSV export need.
#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace desksim::analysis {

class SqliteDatabase {
 public:
  /// Opens (creating if needed) the database file at `path`; ok() tells whether it worked.
  explicit SqliteDatabase(const std::string& path, bool read_only = false);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  bool ok() const { return db_ != nullptr; }
  const std::string& error() const { return error_; }
  sqlite3* handle() const { return db_; }
  /// Runs one or more statements without results. False with error() set on failure.
  bool exec(std::string_view sql);
  /// Records the connection's latest error message as error() (after a failed statement).
  void note_error();
  /// Row id of the latest INSERT on this connection.
  std::int64_t last_insert_rowid() const;
  /// Closes the connection, reporting a failure to close (e.g. an unfinished statement).
  bool close();

 private:
  sqlite3* db_ = nullptr;
  std::string error_;
};

/// A prepared statement: bind the parameters (1-based) in order, then step(); reset() for reuse.
class SqliteStatement {
 public:
  SqliteStatement(SqliteDatabase& db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  bool ok() const { return statement_ != nullptr; }
  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, double value);  // NaN is stored as NULL
  SqliteStatement& bind(int index, std::string_view value);
  SqliteStatement& bind_null(int index);
  /// Executes an INSERT/UPDATE (false with the database's error on failure) and resets for reuse.
  bool run();
  /// For queries: true while a row is available.
  bool next_row();
  int column_count() const;
  std::string column_name(int column) const;
  /// SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL (0-based column).
  int column_type(int column) const;
  std::int64_t column_int64(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  /// The same without a copy, valid until the next step of this statement.
  std::string_view column_view(int column) const;
  sqlite3_stmt* handle() const { return statement_; }

 private:
  SqliteDatabase& db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace desksim::analysis
