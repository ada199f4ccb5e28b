#pragma once
// Reads a scenario file's bytes, refusing what cannot be a scenario before reading it: a FIFO, a
// device such as /dev/zero or a directory (reading them would block or never end), and a file
// larger than kMaxScenarioBytes.
#include <string>

#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Returns true with the file's bytes in *text, or false with *problem set (file and message).
bool read_scenario_file(const std::string& path, std::string* text, Diagnostic* problem);

}  // namespace desksim::models
