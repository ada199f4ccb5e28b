#pragma once
// Erlang B / Erlang C: the M/M/c FIFO queue in steady state.
//
// Notation: lambda = arrival rate, mu = service rate of one server, c = servers,
// A = lambda/mu (offered load in Erlangs), rho = A/c (occupancy, per-server utilisation).
//
// Erlang B (blocking probability of M/M/c/c) by the numerically stable recursion
//     B(0) = 1,   B(k) = A B(k-1) / (k + A B(k-1)),   k = 1..c
// (no factorials or powers, so no overflow for thousands of agents; every step is a ratio of
// positive numbers, so no cancellation). Erlang C from Erlang B:
//     C(c, A) = B(c, A) / (1 - rho (1 - B(c, A)))          requires rho < 1
// Steady-state M/M/c FIFO measures (Gross, Shortle, Thompson & Harris, "Fundamentals of Queueing
// Theory", M/M/c section; Kleinrock, "Queueing Systems Vol. I" (1975), M/M/m section):
//     P(wait > 0)  = C(c, A)
//     Wq           = C(c, A) / (c mu - lambda)
//     Lq           = lambda Wq                                (Little)
//     W            = Wq + 1/mu
//     P(Wq <= t)   = 1 - C(c, A) exp(-(c mu - lambda) t),  t >= 0   (conditional wait is Exp(c mu - lambda))
#include <string>

namespace desksim::analysis {

struct ErlangCResult {
  double p_wait;             ///< probability an arrival waits (all c servers busy), C(c, A)
  double mean_wait;          ///< mean time in queue over all arrivals, Wq
  double mean_queue_length;  ///< mean number waiting, Lq
  double occupancy;          ///< per-server utilisation rho = lambda / (c mu)
  double mean_sojourn;       ///< mean time in system, Wq + 1/mu
};

/// Erlang B, B(c, A), by the recursion above. Returns NaN if A < 0 or c < 0 (B(0, A) = 1).
double erlang_b(double offered_load, int c);

/// Erlang C, C(c, A). Returns NaN for invalid input or A >= c (no steady state).
double erlang_c_probability(double offered_load, int c);

/// M/M/c FIFO. lambda arrival rate (>= 0), mu service rate per server (> 0), c servers (>= 1);
/// requires lambda < c*mu. Returns false and sets *error (if non-null) otherwise; *out untouched then.
bool erlang_c(double lambda, double mu, int c, ErlangCResult* out, std::string* error);

/// P(W <= t) for M/M/c FIFO (the "service level"): 1 - C(c, A) exp(-(c mu - lambda) t).
/// Returns 0 for t < 0 (a wait is never negative) and NaN for invalid or unstable input.
double erlang_c_service_level(double lambda, double mu, int c, double t);

/// Minimum number of agents c such that P(W <= t) >= target (capacity planning).
/// Searches upward from the smallest stable c (c mu > lambda), updating Erlang B incrementally.
/// Returns -1 for invalid input: lambda < 0, mu <= 0, t < 0, target not in [0, 1) (target 1 is
/// unreachable whenever lambda > 0), non-finite values, or no answer below 10^7 agents.
int erlang_c_agents_for_service_level(double lambda, double mu, double t, double target);

}  // namespace desksim::analysis
