#pragma once
// Erlang A (Palm 1943; M/M/c+M): M/M/c FIFO where each waiting customer abandons after an
// exponential patience time with rate theta (mean patience 1/theta). Customers in service do not
// abandon.
//
// Exact method: the number in system is a birth-death chain on n = 0, 1, 2, ...
//     birth rate  lambda
//     death rate  d(n) = min(n, c) mu + max(n - c, 0) theta
// (Mandelbaum & Zeltyn, "The M/M/n+G queue: summary of performance measures", Technion notes;
//  Garnett, Mandelbaum & Reiman (2002), "Designing a call center with impatient customers",
//  M&SOM 4(3):208-227.) It is positive recurrent for every lambda when theta > 0, and for
//  lambda < c mu when theta = 0 (then it is exactly M/M/c, i.e. Erlang C).
//
// Truncation: d(n) is non-decreasing, so the ratios pi(n+1)/pi(n) = lambda/d(n+1) are
// non-increasing and, past the mode, the tail is bounded by a geometric series:
// sum_{m>n} pi(m) <= pi(n) r / (1 - r), r = lambda/d(n+1) < 1. N (>= c) is grown until that bound
// is below 1e-15 of the mass kept in the queueing states n >= c (so below 1e-15 of the total
// too, and p_wait keeps its relative accuracy when tiny); the truncated chain differs from the
// infinite one by < 1e-15 in total variation.
// Two exact solvers of the truncated chain are provided:
//   * product form (used by erlang_a): detailed balance pi(n) d(n) = pi(n-1) lambda gives
//     pi(n) ∝ prod_{i=1..n} lambda/d(i), evaluated outward from the mode (scaled to 1 there) so
//     neither A^n nor n! overflows; every term is a product of positive ratios, so there is no
//     cancellation (relative error ~ |n - mode| eps);
//   * generator matrix: Q ((N+1)x(N+1), tridiagonal) built with Eigen, pi Q = 0, sum pi = 1 solved
//     by sparse LU with one balance equation (the modal state's) replaced by pi(mode) = 1 before
//     normalising (a dense row of ones is equally exact but makes sparse LU fill in quadratically).
// The tests require the two to agree to 1e-10; on very long chains (10^5+ states) the LU result
// drifts by ~1e-11 relative while the product form stays at round-off, hence the choice.
//
// Measures (PASTA: Poisson arrivals see the stationary distribution; Little's law on the queue):
//     p_wait        = P(N >= c)                        arrival finds all c agents busy
//     Lq            = E[(N - c)+]
//     p_abandon     = theta Lq / lambda                (abandonment rate / arrival rate)
//     mean_wait     = Lq / lambda                      over ALL arrivals (abandoners count their
//                                                      time until they leave)
//     occupancy     = E[min(N, c)] / c
//     throughput    = mu E[min(N, c)] = lambda (1 - p_abandon)   (flow conservation)
//     mean_wait_served: an arrival finding j >= 0 others waiting passes levels k = j..0 (k ahead
//       of it), leaving level k at rate c mu + (k+1) theta (its own abandonment included); it is
//       served with probability prod_k (c mu + k theta)/(c mu + (k+1) theta) = c mu/(c mu + (j+1) theta)
//       and, given served, waits on average H_j = sum_{i=1}^{j+1} 1/(c mu + i theta) (sojourns of
//       competing exponentials are independent of which event ends them). Hence
//       E[W | served] = sum_j pi(c+j) [c mu/(c mu + (j+1) theta)] H_j / P(served).
#include <string>

#include <Eigen/Dense>

namespace desksim::analysis {

struct ErlangAResult {
  double p_wait;             ///< P(arrival finds all c agents busy)
  double p_abandon;          ///< fraction of arrivals that abandon
  double mean_wait;          ///< mean time in queue over all arrivals (served and abandoned)
  double mean_wait_served;   ///< mean time in queue of those eventually served
  double mean_queue_length;  ///< mean number waiting, Lq
  double occupancy;          ///< mean busy agents / c
  double throughput;         ///< service completion rate, mu E[busy]
};

/// M/M/c+M. lambda > 0, mu > 0, c >= 1, theta >= 0 (theta = 0 is Erlang C and then needs
/// lambda < c mu). Uses the product-form solve. Returns false and sets *error (if non-null)
/// on invalid input, or if the truncated chain would need more than kErlangAMaxStates states
/// (theta tiny under heavy overload: the queue then holds about (lambda - c mu)/theta customers).
bool erlang_a(double lambda, double mu, int c, double theta, ErlangAResult* out, std::string* error);

inline constexpr int kErlangAMaxStates = 1'000'000;

enum class ErlangASolver {
  kGeneratorMatrix,  ///< sparse LU on the truncated generator
  kProductForm,      ///< pi(n) ∝ prod lambda/d(i), scaled at the mode (what erlang_a uses)
};

/// Stationary distribution pi(0..N) of the truncated chain (N chosen as described above; both
/// solvers use the same N). Same validation as erlang_a.
bool erlang_a_distribution(double lambda, double mu, int c, double theta, ErlangASolver solver,
                           Eigen::VectorXd* pi, std::string* error);

/// The measures above from a distribution pi over n = 0..pi.size()-1 (inputs are not
/// validated; exposed so tests can evaluate both solvers' distributions identically).
ErlangAResult erlang_a_measures(const Eigen::VectorXd& pi, double lambda, double mu, int c,
                                double theta);

}  // namespace desksim::analysis
