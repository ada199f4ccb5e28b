#pragma once
// A CLI11 check for options that take a whole number in a range (--seed, --replications, --jobs).
// CLI11 converts "-1" for an unsigned option by wrapping it to 2^64 - 1 and reports overflow only
// as "Could not convert"; this check runs on the text before any conversion and accepts only
// decimal digits whose value lies in [low, high], naming the range when it refuses.
#include <cstdint>

#include <CLI/CLI.hpp>

#include "models/scenario/input_limits.hpp"

namespace desksim::app {

/// Most replications run in parallel: more processes than this only compete for the same cores.
inline constexpr std::uint64_t kMaxJobs = 1024;

CLI::Validator whole_number(std::uint64_t low, std::uint64_t high);

}  // namespace desksim::app
