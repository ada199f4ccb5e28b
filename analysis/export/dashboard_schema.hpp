#pragma once
// The dashboard database's schema (tables and views), as SQL. The SQL's comments are its
// documentation: SQLite keeps them in sqlite_master, so `sqlite3 results.sqlite .schema` shows them.
#include <string_view>

namespace desksim::analysis {

/// Bumped on any change a reader could notice; stored in schema_info and PRAGMA user_version.
inline constexpr int kDashboardSchemaVersion = 2;

/// CREATE TABLE and CREATE VIEW statements for an empty database.
std::string_view dashboard_schema_sql();

}  // namespace desksim::analysis
