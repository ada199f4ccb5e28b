#pragma once
// The table `desksim compare` prints: for each metric, the base and alternative means and the
// paired interval of their difference, marked when it excludes 0. Headline metrics only unless
// `all_metrics` (see text_summary.hpp for what counts as a headline).
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

std::string comparison_summary(const results::Comparison& comparison, bool all_metrics = false);

}  // namespace desksim::analysis
