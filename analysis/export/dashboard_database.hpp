#pragma once
// The dashboard database (SQLite, schema in dashboard_schema.cpp): a run or a comparison as tables
// and views that Grafana, Power BI or Metabase read directly. Everything is inserted in one
// transaction, so a reader of the file never sees part of a run; the writers here create a new file
// (the caller renames it into place, see staged_files.hpp) and the same results give the same bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/export/sqlite_database.hpp"
#include "desksim/results.pb.h"

namespace desksim::analysis {

/// Writes `run` into a new (empty) database file at `path`. False with *error on failure.
/// `tickets_csv`, when not empty, is the run's per-ticket records (desksim run --tickets), which fill
/// the `tickets` table.
bool write_run_database(const results::RunResult& run, const std::string& path, std::string* error,
                        const std::string& tickets_csv = "");

/// The per-ticket records CSV at `csv_path` as rows of `tickets` (dashboard_tickets.cpp).
bool insert_tickets(SqliteDatabase& db, std::int64_t run_id, const std::string& csv_path, std::int64_t start_day,
                    std::string* error);

/// Every point's run of a sweep (role 'sweep point', in point order) and the sweep tables.
bool write_sweep_database(const results::Sweep& sweep, const std::vector<results::RunResult>& runs,
                          const std::string& path, std::string* error);

/// Both runs of a comparison (roles 'base' and 'alternative') and their differences.
bool write_comparison_database(const results::Comparison& comparison, const std::string& path, std::string* error);

/// Creates the tables and views and records the schema version (no transaction of its own).
bool create_dashboard_schema(SqliteDatabase& db);

/// Inserts one run (every table a run fills) and returns its run_id, or -1 with db.error() set.
std::int64_t insert_run(SqliteDatabase& db, const results::RunResult& run, const std::string& role);

}  // namespace desksim::analysis
