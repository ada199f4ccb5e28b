#pragma once
// Reads a scenario file (protobuf text format, or JSON when the name ends in ".json"), then
// validates it. Syntax errors name file:line:column; semantic errors name the field path and, for
// text files, the line and column where that field was written (for an overlay, in the file that
// wrote it). Every error is reported, not only the first.
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Returns true when the file parsed and passed validation. Otherwise false, with every problem in
/// *diagnostics. `bytes`, if given, receives the file's bytes as read (what a run's checkpoint is
/// tied to).
bool load_scenario(const std::string& path, scenario::Scenario* scenario, std::vector<Diagnostic>* diagnostics,
                   std::string* bytes = nullptr);

/// Reads the file and the chain of bases it extends (Scenario.extends) and merges them, without the
/// semantic checks: what `desksim validate --print-merged` prints. Errors of the chain itself
/// (missing base, cycle, bad removal, syntax) are reported.
bool merge_scenario_file(const std::string& path, scenario::Scenario* scenario, std::vector<Diagnostic>* diagnostics);

/// The same as load_scenario for text already in memory (not an overlay: a base is found relative
/// to a file's folder); `display_name` is used in diagnostics, `json` picks the parser.
bool parse_scenario(const std::string& text, const std::string& display_name, bool json, scenario::Scenario* scenario,
                    std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
