#pragma once
// Writes a run's results into a directory, all together (staged_files.hpp):
//   results.pb      binary protobuf, the exact record, for programs
//   results.json    its JSON mapping, for scripts
//   results.sqlite  the dashboard database (dashboard_database.hpp), for Grafana, Power BI, Metabase
//   csv/*.csv       every table and view of that database, for spreadsheets
// Deterministic: the same RunResult gives the same bytes in every file.
#include <functional>
#include <string>
#include <vector>

#include "analysis/export/staged_files.hpp"
#include "desksim/results.pb.h"

namespace desksim::analysis {

/// Stages further outputs of the same command with the results (e.g. the per-ticket records), so
/// that they are renamed into place together with them or not at all.
using MoreOutputs = std::function<bool(StagedFiles& files, std::string* error)>;

struct WriteOptions {
  /// Threads that may make the outputs at once (the commands pass their --jobs): with more than one,
  /// the .pb and .json are made while the database is written, and the CSV files are read from the
  /// database by up to this many connections. Every file has the same bytes whatever it is.
  unsigned threads = 1;
};

/// Creates `directory` if needed. Returns false with *error naming the file at fault; then no output
/// of this call is in place and none of an earlier run's has been touched. `more` runs first; when
/// `tickets_csv` is given, the path it holds once `more` has run (the staged per-ticket records)
/// fills the database's `tickets` table.
bool write_results(const results::RunResult& run, const std::string& directory, std::string* error,
                   const MoreOutputs& more = nullptr, const std::string* tickets_csv = nullptr,
                   const WriteOptions& options = {});

/// A sweep: each point's run in its own folder (SweepPoint.directory), exactly as write_results would
/// write it, and sweep.pb, sweep.json, sweep.sqlite (every point's run and the sweep tables), csv/ and
/// sweep-summary.csv (`summary_csv`) at the top; all renamed into place together.
bool write_sweep(const results::Sweep& sweep, const std::vector<results::RunResult>& runs, const std::string& directory,
                 const std::string& summary_csv, std::string* error, const WriteOptions& options = {});

/// The same for a scenario comparison: comparison.pb, comparison.json, comparison.sqlite, csv/.
bool write_comparison(const results::Comparison& comparison, const std::string& directory, std::string* error,
                      const WriteOptions& options = {});

}  // namespace desksim::analysis
