#pragma once
// Helpers shared by the validator tests: load a shipped scenario (it must be valid), and ask
// whether validating a modified copy reports an error at a given field path.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "models/scenario/scenario_loader.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::testing {

inline scenario::Scenario load_ok(const std::string& relative) {
  scenario::Scenario s;
  std::vector<models::Diagnostic> d;
  EXPECT_TRUE(models::load_scenario(std::string(DESKSIM_SOURCE_DIR) + "/" + relative, &s, &d)) << models::format_all(d);
  return s;
}

inline bool has_error(const scenario::Scenario& s, const std::string& path) {
  std::vector<models::Diagnostic> d;
  models::validate_scenario(s, &d);
  return std::any_of(d.begin(), d.end(), [&](const models::Diagnostic& x) { return x.field_path == path; });
}

}  // namespace desksim::testing
