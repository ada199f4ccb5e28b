#pragma once
// The short human summary `desksim run` prints: one line per metric with its across-replication
// mean and confidence interval.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

std::string text_summary(const results::RunResult& run);

}  // namespace desksim::analysis
