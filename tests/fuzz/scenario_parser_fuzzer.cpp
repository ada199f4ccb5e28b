// libFuzzer target: any bytes as a scenario (text format, or JSON when built with
// DESKSIM_FUZZ_JSON=1) through the loader's parser and every validator. Diagnostics are the expected
// outcome of almost every input; a crash, a sanitizer report, a hang or a broken contract is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/scenario/scenario_loader.hpp"
#include "tests/fuzz/loader_contract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  desksim::scenario::Scenario scenario;
  std::vector<desksim::models::Diagnostic> diagnostics;
  const bool ok = desksim::models::parse_scenario(text, "fuzz", DESKSIM_FUZZ_JSON != 0, &scenario, &diagnostics);
  desksim::fuzz::check_loader_contract(ok, diagnostics);
  return 0;
}
