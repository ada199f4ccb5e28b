#pragma once
// Limits on what desksim accepts as input, each chosen so that a mistyped or hostile file is refused
// with a message instead of exhausting the machine or crashing a parser.
#include <cstdint>

namespace desksim::models {

/// A scenario file larger than this is refused before it is read (the baseline is about 40 KB).
inline constexpr std::uint64_t kMaxScenarioBytes = 64ull << 20;

/// Messages nest at most this deep, in text and in JSON. protobuf's parsers recurse once per level,
/// so a file nested thousands deep would overflow the stack; 100 is protobuf's own default for
/// binary and JSON input and leaves room for about 48 levels of dependency rules.
inline constexpr int kMaxMessageNesting = 100;

/// Replications of one run. Each keeps its result in memory until the run ends (a baseline
/// replication's result is about 0.3 MB), so the count must be bounded before anything runs.
inline constexpr std::uint32_t kMaxReplications = 100000;

}  // namespace desksim::models
