#pragma once
// What `desksim check-fit` prints and writes as CSV, from its results::FitCheck: each figure of the
// log beside the simulated mean and its interval, and the hold-out targets met.
#include <string>

#include "desksim/results.pb.h"

namespace desksim::analysis {

std::string fit_check_text(const results::FitCheck& check);
/// figure, unit, log, simulated, ci_low, ci_high, replications, target, met (RFC 4180).
std::string fit_check_csv(const results::FitCheck& check);

}  // namespace desksim::analysis
