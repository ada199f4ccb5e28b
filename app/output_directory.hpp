#pragma once
// Checks, before a run starts, that its outputs can be written: the folder exists or can be created,
// is a folder, and accepts a new file. A run of hours must not end in "cannot write".
#include <string>

namespace desksim::app {

/// Creates `folder` if needed and proves it writable by creating and removing a file in it.
/// Returns false with *error naming the folder and the cause.
bool prepare_output_folder(const std::string& folder, std::string* error);

}  // namespace desksim::app
