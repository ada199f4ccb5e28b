#pragma once
// A file written so that, once the call returns true, it is whole and stays so: the bytes go to a
// temporary name beside it (path + ".tmp.XXXXXX"), are flushed to disk, and the file is renamed into
// place; then its folder is flushed, so that the rename survives the machine stopping. A reader sees
// the previous file or the new one, never part of one. POSIX only, and free of SimGrid, so that
// desksim-mpi (launcher/) compiles it too.
#include <string>

namespace desksim::sim {

/// False with *error naming `path` and what failed; no temporary file is left then.
bool write_durably(const std::string& path, const std::string& bytes, std::string* error);

}  // namespace desksim::sim
