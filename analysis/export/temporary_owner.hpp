#pragma once
// Who made a temporary file. Its name carries "<host>.<pid>." after a fixed prefix, so that a later
// process can remove the temporaries of one killed outright (SIGKILL, the OOM killer) on its own
// host, and never those of a process still running or of another host (a folder shared over NFS).
// POSIX only and free of the rest of desksim: desksim-mpi (launcher/) compiles it too.
#include <string>

namespace desksim::analysis {

/// "<host>.<pid>." of this process: the host's name up to its first dot (dots separate the parts),
/// slashes made '_', at most 64 characters.
std::string temporary_owner();

/// `rest`, what follows a temporary's prefix, is "<host>.<pid>.XXXXXX" (the six characters mkstemp
/// fills) with this host, another process's pid, and no process of that number (one that reuses it
/// keeps the file).
bool left_by_dead_process(const std::string& rest);

/// Removes the files of `folder` named `prefix` + "<host>.<pid>.XXXXXX" that dead processes of this
/// host left. Best effort: a file that cannot be read or removed stays.
void remove_left_by_dead_processes(const std::string& folder, const std::string& prefix);

}  // namespace desksim::analysis
