#pragma once
// Steady-state availability from a continuous-time Markov chain (birth-death on the number of
// failed components), and series/parallel composition of independent blocks.
//
// k-out-of-n system of identical components with a shared repair facility of r crews:
//     state i = number of failed components, i = 0..n
//     i -> i+1 at rate (n - i) lambda_f        lambda_f = 1/MTBF
//     i -> i-1 at rate min(i, r) mu_r          mu_r     = 1/MTTR
// ASSUMPTION: every working component keeps failing at lambda_f whatever the system state, i.e.
// components are NOT suspended while the system is down (independent failures, as in the classic
// machine-repairman model). For a system that stops its survivors while down, the failure rate
// above i = n - k would be 0; that variant is not modelled here.
// The system is up while at least k components work: availability = sum_{i <= n-k} pi(i).
// The generator Q is built with Eigen and pi Q = 0, sum pi = 1 solved by LU (one balance
// equation replaced by the normalisation; partial-pivoting LU). Its product form is
//     pi(i) ∝ prod_{j=1..i} (n - j + 1) lambda_f / (min(j, r) mu_r)
// (Barlow & Proschan, "Statistical Theory of Reliability and Life Testing" (1975), repairable
// systems; Trivedi, "Probability and Statistics with Reliability, Queuing, and Computer Science
// Applications", 2nd ed. (2002), CTMC availability models).
// Mean up time (system MTBF): up->down transitions occur only from i = n-k, at rate k lambda_f,
// so the failure frequency is w = pi(n-k) k lambda_f and the mean up period is
//     MUT = availability / w       (one component: MUT = MTBF).
//
// Independent blocks (Barlow & Proschan): series A = prod a_i; parallel A = 1 - prod (1 - a_i).
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace desksim::analysis {

struct AvailabilityResult {
  double availability;                   ///< P(at least k of n work)
  double mean_up_time_between_failures;  ///< system mean up time MUT = A / failure frequency
  Eigen::VectorXd state_probabilities;   ///< pi(i), i = number of failed components, 0..n
};

/// 1 <= k <= n <= kAvailabilityMaxComponents, mtbf > 0, mttr > 0, repair_crews >= 1 (crews
/// beyond n are idle). Returns false and sets *error (if non-null) on invalid input.
bool k_of_n_availability(int k, int n, double mtbf, double mttr, int repair_crews, AvailabilityResult* out,
                         std::string* error);

inline constexpr int kAvailabilityMaxComponents = 1000;  // dense (n+1)^2 generator, O(n^3) LU

/// Series composition of independent blocks: prod a_i (1 for an empty list).
/// NaN if any a_i is outside [0, 1] or NaN.
double series_availability(const std::vector<double>& a);

/// Parallel (1-out-of-m) composition of independent blocks: 1 - prod (1 - a_i) (0 for an empty
/// list). NaN if any a_i is outside [0, 1] or NaN.
double parallel_availability(const std::vector<double>& a);

}  // namespace desksim::analysis
