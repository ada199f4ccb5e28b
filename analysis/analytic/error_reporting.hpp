#pragma once
// How the analytic models report bad input (Ceres style): return false and name the violated
// constraint with the offending value, never assert or throw.
#include <sstream>
#include <string>

namespace desksim::analysis::detail {

/// A number as it should appear in an error message: up to 10 significant digits.
inline std::string num(double x) {
  std::ostringstream os;
  os.precision(10);
  os << x;
  return os.str();
}

/// Sets *error (when non-null) and returns false, so that checks read `return fail(error, "...")`.
inline bool fail(std::string* error, const std::string& message) {
  if (error != nullptr) *error = message;
  return false;
}

}  // namespace desksim::analysis::detail
