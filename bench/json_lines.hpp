#pragma once
// The benchmark's output: one JSON object per line on stdout, so that scripts (bench/bench_tables.py,
// which writes the README's tables) and dashboards read it without parsing prose. Every object has
// "bench" (which measurement) and the figures it measured, in seconds, bytes or counts; targets are
// given as "target_*" fields beside the figure they apply to.
#include <cstdio>

#include <nlohmann/json.hpp>

namespace desksim::bench {

inline void emit_line(const nlohmann::json& line) {
  std::printf("%s\n", line.dump().c_str());
  std::fflush(stdout);  // a long benchmark shows each line as it is measured
}

}  // namespace desksim::bench
