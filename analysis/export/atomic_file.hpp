#pragma once
// Writes a whole file or nothing: the bytes go to a temporary name in the same directory, are
// flushed to disk, then renamed over the target. A crash or a full disk never leaves half a file.
#include <string>

namespace desksim::analysis {

/// Returns false with *error naming the file and the cause.
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string* error);

}  // namespace desksim::analysis
