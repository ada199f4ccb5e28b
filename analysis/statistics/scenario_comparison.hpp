#pragma once
// Compares two runs of different scenarios made with the same seed and replication count: the
// difference of every metric the two share, with a paired interval (common random numbers make the
// paired differences far less variable than two independent runs would be).
#include "desksim/results.pb.h"

namespace desksim::analysis {

/// Fills out->differences from out->base() and out->alternative() (which must have the same number
/// of replications, paired by index). Returns false with *error set when they cannot be paired.
bool compare_runs(results::Comparison* out, double confidence, std::string* error);

}  // namespace desksim::analysis
