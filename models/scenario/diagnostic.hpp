#pragma once
// One problem found in a scenario file, located as precisely as the input allows: file, line and
// column (1-based; 0 when unknown, e.g. for JSON semantic errors) and the field path
// ("desk.handle_time_minutes.exponential.mean").
#include <string>
#include <vector>

namespace desksim::models {

struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field_path;
  std::string message;

  /// "file:line:column: field.path: message", omitting what is unknown.
  std::string format() const;
};

std::string format_all(const std::vector<Diagnostic>& diagnostics);

}  // namespace desksim::models
