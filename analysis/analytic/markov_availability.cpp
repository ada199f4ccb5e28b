#include "analysis/analytic/markov_availability.hpp"

#include "analysis/analytic/error_reporting.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace desksim::analysis {
namespace {

using detail::fail;
using detail::num;

bool all_probabilities(const std::vector<double>& a) {
  return std::all_of(a.begin(), a.end(), [](double x) { return x >= 0.0 && x <= 1.0; });
}

}  // namespace

bool k_of_n_availability(int k, int n, double mtbf, double mttr, int repair_crews, AvailabilityResult* out,
                         std::string* error) {
  if (n < 1 || n > kAvailabilityMaxComponents)
    return fail(error, "k_of_n_availability: need 1 <= n <= " + std::to_string(kAvailabilityMaxComponents) +
                           ", got n=" + std::to_string(n));
  if (k < 1 || k > n)
    return fail(error, "k_of_n_availability: need 1 <= k <= n, got k=" + std::to_string(k) +
                           ", n=" + std::to_string(n));
  if (!std::isfinite(mtbf) || !(mtbf > 0.0))
    return fail(error, "k_of_n_availability: need finite mtbf > 0, got mtbf=" + num(mtbf));
  if (!std::isfinite(mttr) || !(mttr > 0.0))
    return fail(error, "k_of_n_availability: need finite mttr > 0, got mttr=" + num(mttr));
  if (repair_crews < 1)
    return fail(error, "k_of_n_availability: need repair_crews >= 1, got repair_crews=" +
                           std::to_string(repair_crews));
  if (out == nullptr) return fail(error, "k_of_n_availability: out is null");

  const double fail_rate = 1.0 / mtbf;
  const double repair_rate = 1.0 / mttr;
  const int states = n + 1;
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(states, states);
  for (int i = 0; i < states; ++i) {
    if (i < n) q(i, i + 1) = (n - i) * fail_rate;
    if (i > 0) q(i, i - 1) = std::min(i, repair_crews) * repair_rate;
    q(i, i) = -q.row(i).sum();
  }
  // pi Q = 0  <=>  Q^T pi^T = 0; replace the last balance equation by sum pi = 1.
  Eigen::MatrixXd system = q.transpose();
  system.row(n).setOnes();
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(states);
  rhs[n] = 1.0;
  // Non-singular: all rates are positive, so the chain is irreducible and pi is unique.
  Eigen::VectorXd pi = system.partialPivLu().solve(rhs);
  if (!pi.allFinite()) return fail(error, "k_of_n_availability: generator solve failed");
  pi = pi.cwiseMax(0.0);  // clip round-off below zero where the true mass is ~1e-17 or less
  pi /= pi.sum();

  const int last_up = n - k;  // most failures with the system still up
  AvailabilityResult r;
  r.availability = pi.head(last_up + 1).sum();
  const double failure_frequency = pi[last_up] * k * fail_rate;
  r.mean_up_time_between_failures = failure_frequency > 0.0 ? r.availability / failure_frequency
                                                            : std::numeric_limits<double>::quiet_NaN();
  r.state_probabilities = std::move(pi);
  *out = std::move(r);
  return true;
}

double series_availability(const std::vector<double>& a) {
  if (!all_probabilities(a)) return std::numeric_limits<double>::quiet_NaN();
  double product = 1.0;
  for (double x : a) product *= x;
  return product;
}

double parallel_availability(const std::vector<double>& a) {
  if (!all_probabilities(a)) return std::numeric_limits<double>::quiet_NaN();
  double unavailable = 1.0;
  for (double x : a) unavailable *= 1.0 - x;
  return 1.0 - unavailable;
}

}  // namespace desksim::analysis
