#pragma once
// How the cost of a population-mode run grows with users and horizon: the shipped baseline with
// its users and its desk and resolver rosters scaled by the same factor (so that the desk's load per agent stays the
// same), and with shorter and longer horizons. Prints, per run: users, tickets raised, events,
// wall seconds, nanoseconds per ticket and per event, and peak memory of the replication's process.
#include <string>

namespace desksim::bench {

void population_scaling(const std::string& baseline_path);

}  // namespace desksim::bench
