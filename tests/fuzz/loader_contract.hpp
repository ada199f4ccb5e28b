#pragma once
// What every answer of the scenario loader must satisfy, whatever the input: it succeeds exactly
// when it reports nothing, and every problem it reports says where (a line, or a field path) and
// what. A violation stops the fuzzer like a crash (a trap, which libFuzzer reports even where it
// leaves SIGABRT alone), so that the input is kept.
#include <cstdio>
#include <vector>

#include "models/scenario/diagnostic.hpp"

namespace desksim::fuzz {

inline void check_loader_contract(bool ok, const std::vector<models::Diagnostic>& diagnostics) {
  if (ok != diagnostics.empty()) {
    std::fprintf(stderr, "loader contract: ok=%d with %zu diagnostic(s)\n", ok, diagnostics.size());
    __builtin_trap();
  }
  for (const models::Diagnostic& d : diagnostics) {
    if ((d.line <= 0 && d.field_path.empty()) || d.message.empty()) {
      std::fprintf(stderr, "loader contract: a diagnostic without a place or a message: %s\n", d.format().c_str());
      __builtin_trap();
    }
  }
}

}  // namespace desksim::fuzz
