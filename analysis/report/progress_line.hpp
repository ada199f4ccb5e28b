#pragma once
// The progress line a long run shows on stderr: replications done of the total, time elapsed and
// an estimate of the time left (elapsed / done × the replications left: with replications of equal
// cost this is exact for one job, and within one replication's time for several).
#include <string>
#include <string_view>

namespace desksim::analysis {

/// e.g. "base: replications 2/5 · elapsed 0:10 · ETA 0:15"; no ETA before the first replication ends.
std::string progress_line(std::string_view label, unsigned done, unsigned total, double elapsed_seconds);

/// 75 -> "1:15", 3725 -> "1:02:05".
std::string clock_time(double seconds);

}  // namespace desksim::analysis
