#pragma once
// The summary `desksim run` prints by default: about a dozen lines, grouped as a manager reads them
// (demand, desk, SLA by supplier, availability, cost), each figure in its unit with its interval.
// Lines whose metrics a scenario does not produce are left out. Everything else is in the results
// files; `--all` prints every metric (text_summary.hpp).
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

std::string grouped_summary(const results::RunResult& run);

}  // namespace desksim::analysis
