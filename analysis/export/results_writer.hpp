#pragma once
// Writes a run's results into a directory: `results.pb` (binary protobuf, the exact record) and
// `results.json` (protobuf's JSON mapping, for dashboards and scripts). Both are written atomically
// and deterministically: the same RunResult gives the same bytes.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

/// Creates `directory` if needed. Returns false with *error naming the file at fault.
bool write_results(const results::RunResult& run, const std::string& directory, std::string* error);

/// The JSON text written to results.json.
std::string results_to_json(const results::RunResult& run);

}  // namespace desksim::analysis
