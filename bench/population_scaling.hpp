#pragma once
// How the cost of a population-mode run grows with users and horizon: the shipped baseline with
// its users and its desk and resolver rosters scaled by the same factor (so that the load per agent
// stays the same), 4,400 to 440,000 users (4.4 million with `largest`), and horizons of a month, a
// year and ten years. One JSON line per run: users, tickets, events, CPU seconds of the replication,
// nanoseconds per ticket, and peak memory of the replication's process.
#include <string>

namespace desksim::bench {

void population_scaling(const std::string& baseline_path, bool largest);

}  // namespace desksim::bench
