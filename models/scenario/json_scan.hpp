#pragma once
// A first pass over a JSON scenario with nlohmann::json's SAX parser, before protobuf's JSON parser
// sees it. protobuf accepts duplicate keys (the last wins), reports syntax errors without a position
// and recurses once per nesting level; this pass refuses, each at file:line:column:
//   - syntax errors, and numbers outside the range of a double (1e999);
//   - a key given twice in one object;
//   - objects nested deeper than kMaxMessageNesting (and arrays twice that).
// It also records where every key was written, so that later errors (protobuf's, and the semantic
// ones) can be located by their field path.
#include <map>
#include <string>
#include <vector>

#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Where the keys of a JSON document were written, looked up by field path in either spelling
/// ("desk.handle_time_minutes" or "desk.handleTimeMinutes"; "components[2].name").
class JsonLocations {
 public:
  /// Sets d->line and d->column to the place of the deepest known part of `path`. A path naming
  /// nothing known gives the place of the document's first character.
  void locate(const std::string& path, Diagnostic* d) const;
  void add(const std::string& path, int line, int column);

 private:
  std::map<std::string, std::pair<int, int>> places_;  // by normalised path
  std::pair<int, int> root_{1, 1};
};

/// Returns true when the text passed every check above; otherwise false with one diagnostic (the
/// scan stops at the first problem, as a syntax error leaves nothing reliable after it).
bool scan_json(const std::string& text, const std::string& display_name, JsonLocations* locations,
               std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
