#pragma once
// Writes a run's results into a directory: `results.pb` (binary protobuf, the exact record) and
// `results.json` (protobuf's JSON mapping, for dashboards and scripts). Both are written atomically
// and deterministically: the same RunResult gives the same bytes.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

/// Creates `directory` if needed. Returns false with *error naming the file at fault.
bool write_results(const results::RunResult& run, const std::string& directory, std::string* error);

/// The same for a scenario comparison: `comparison.pb` and `comparison.json`.
bool write_comparison(const results::Comparison& comparison, const std::string& directory, std::string* error);

/// Any message as `<stem>.pb` and `<stem>.json` in `directory`, atomically and deterministically.
bool write_message_files(const google::protobuf::Message& message, const std::string& directory,
                         const std::string& stem, std::string* error);

/// The JSON text written next to the binary file (protobuf's JSON mapping, every field printed).
std::string message_to_json(const google::protobuf::Message& message);

}  // namespace desksim::analysis
