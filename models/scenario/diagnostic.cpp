#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

std::string Diagnostic::format() const {
  std::string out = file;
  // Appended piece by piece: `":" + std::to_string(n)` trips a false -Wrestrict in GCC 12.
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    if (column > 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  if (!out.empty()) out += ": ";
  if (!field_path.empty()) out += field_path + ": ";
  return out + message;
}

std::string format_all(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.format() + "\n";
  return out;
}

}  // namespace desksim::models
