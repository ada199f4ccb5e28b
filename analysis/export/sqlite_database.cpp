#include "analysis/export/sqlite_database.hpp"

#include <cmath>

#include <sqlite3.h>

namespace desksim::analysis {

namespace {

// By default SQLite counts every allocation under a global mutex (its memory statistics) and
// serialises every call on a connection with another. Nothing here reads the statistics, and each
// connection is used by one thread at a time, so both are switched off: writing a run's outputs made
// some 25 mutex calls per statement step, 9% of the parent's instructions for one replication
// (callgrind). The setting must come before SQLite initialises; if something initialised it first,
// sqlite3_config refuses, harmlessly, and the statistics stay on.
void configure_sqlite() {
  static const bool configured = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
  (void)configured;
}

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path, bool read_only) {
  configure_sqlite();
  const int flags =
      SQLITE_OPEN_NOMUTEX | (read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    error_ = path + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open the database");
    sqlite3_close(db_);
    db_ = nullptr;
  }
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close(db_); }

bool SqliteDatabase::exec(std::string_view sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
  error_ = message ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  return false;
}

void SqliteDatabase::note_error() { error_ = db_ ? sqlite3_errmsg(db_) : "no database"; }

bool SqliteDatabase::close() {
  if (db_ && sqlite3_close(db_) != SQLITE_OK) {
    error_ = sqlite3_errmsg(db_);
    return false;
  }
  db_ = nullptr;
  return true;
}

SqliteStatement::SqliteStatement(SqliteDatabase& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) != SQLITE_OK) {
    db.note_error();
    statement_ = nullptr;
  }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
  if (std::isnan(value)) return bind_null(index);
  sqlite3_bind_double(statement_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view value) {
  sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

bool SqliteStatement::run() {
  const int rc = sqlite3_step(statement_);
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  if (rc != SQLITE_DONE) db_.note_error();
  return rc == SQLITE_DONE;
}

bool SqliteStatement::next_row() { return sqlite3_step(statement_) == SQLITE_ROW; }

}  // namespace desksim::analysis

namespace desksim::analysis {

std::int64_t SqliteDatabase::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int SqliteStatement::column_count() const { return sqlite3_column_count(statement_); }
std::string SqliteStatement::column_name(int column) const { return sqlite3_column_name(statement_, column); }
int SqliteStatement::column_type(int column) const { return sqlite3_column_type(statement_, column); }
std::int64_t SqliteStatement::column_int64(int column) const { return sqlite3_column_int64(statement_, column); }
double SqliteStatement::column_double(int column) const { return sqlite3_column_double(statement_, column); }
std::string SqliteStatement::column_text(int column) const { return std::string(column_view(column)); }
std::string_view SqliteStatement::column_view(int column) const {
  const auto* text = sqlite3_column_text(statement_, column);
  return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
              : std::string_view();
}

}  // namespace desksim::analysis
