#include "analysis/export/results_writer.hpp"

#include <functional>
#include <thread>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "analysis/export/csv_export.hpp"
#include "analysis/export/dashboard_database.hpp"
#include "analysis/export/json_text.hpp"
#include "analysis/export/staged_files.hpp"

namespace desksim::analysis {
namespace {

std::string deterministic_bytes(const google::protobuf::Message& message) {
  std::string binary;
  google::protobuf::io::StringOutputStream stream(&binary);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.SerializeToCodedStream(&coded);
  return binary;
}

using DatabaseWriter = std::function<bool(const std::string& path, std::string* error)>;

// Stages <prefix><stem>.pb, .json, .sqlite and <prefix>csv/ (prefix "" or "folder/"). With more than
// one thread, the .pb and .json are made beside the database, and the CSV files are read from it by
// several connections at once: the same bytes either way.
bool stage_all(StagedFiles& files, const std::string& prefix, const google::protobuf::Message& message,
               const std::string& stem, const DatabaseWriter& write_database, const WriteOptions& options,
               std::string* error) {
  std::string binary, json, database;
  const auto encode = [&] {
    binary = deterministic_bytes(message);
    json = json_text(message);
  };
  std::thread beside;
  if (options.threads > 1) beside = std::thread(encode);
  const bool written = files.reserve(prefix + stem + ".sqlite", &database, error) && write_database(database, error);
  if (beside.joinable()) beside.join();
  else if (written) encode();
  if (!written || !files.add(prefix + stem + ".pb", binary, error) || !files.add(prefix + stem + ".json", json, error))
    return false;
  std::vector<CsvFile> tables;
  if (!export_csv(database, options.threads, &tables, error)) return false;
  for (const CsvFile& t : tables)
    if (!files.add(prefix + "csv/" + t.name + ".csv", t.text, error)) return false;
  return true;
}

bool write_all(const google::protobuf::Message& message, const std::string& directory, const std::string& stem,
               const DatabaseWriter& write_database, const MoreOutputs& more, const WriteOptions& options,
               std::string* error) {
  StagedFiles files(directory);
  // The further outputs first: the database may read one of them (the per-ticket records).
  if (more && !more(files, error)) return false;
  if (!stage_all(files, "", message, stem, write_database, options, error)) return false;
  return files.commit(error);
}

}  // namespace

bool write_results(const results::RunResult& run, const std::string& directory, std::string* error,
                   const MoreOutputs& more, const std::string* tickets_csv, const WriteOptions& options) {
  return write_all(run, directory, "results",
                   [&](const std::string& path, std::string* e) {
                     return write_run_database(run, path, e, tickets_csv ? *tickets_csv : std::string());
                   },
                   more, options, error);
}

bool write_sweep(const results::Sweep& sweep, const std::vector<results::RunResult>& runs, const std::string& directory,
                 const std::string& summary_csv, std::string* error, const WriteOptions& options) {
  StagedFiles files(directory);
  for (int k = 0; k < sweep.points_size() && static_cast<std::size_t>(k) < runs.size(); ++k) {
    const results::RunResult& run = runs[static_cast<std::size_t>(k)];
    if (!stage_all(files, sweep.points(k).directory() + "/", run, "results",
                   [&](const std::string& path, std::string* e) { return write_run_database(run, path, e); }, options,
                   error))
      return false;
  }
  return stage_all(files, "", sweep, "sweep",
                   [&](const std::string& path, std::string* e) { return write_sweep_database(sweep, runs, path, e); },
                   options, error) &&
         files.add("sweep-summary.csv", summary_csv, error) && files.commit(error);
}

bool write_comparison(const results::Comparison& comparison, const std::string& directory, std::string* error,
                      const WriteOptions& options) {
  return write_all(comparison, directory, "comparison",
                   [&](const std::string& path, std::string* e) {
                     return write_comparison_database(comparison, path, e);
                   },
                   nullptr, options, error);
}

}  // namespace desksim::analysis
