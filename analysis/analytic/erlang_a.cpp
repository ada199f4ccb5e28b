#include "analysis/analytic/erlang_a.hpp"

#include "analysis/analytic/error_reporting.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include <Eigen/Sparse>
#include <Eigen/SparseLU>

namespace desksim::analysis {
namespace {

constexpr double kTailTolerance = 1e-15;

using detail::fail;
using detail::num;

double death_rate(int n, double mu, int c, double theta) {
  return std::min(n, c) * mu + std::max(n - c, 0) * theta;
}

bool validate(double lambda, double mu, int c, double theta, std::string* error) {
  if (!std::isfinite(lambda) || !(lambda > 0.0))
    return fail(error, "erlang_a: need finite lambda > 0, got lambda=" + num(lambda));
  if (!std::isfinite(mu) || !(mu > 0.0))
    return fail(error, "erlang_a: need finite mu > 0, got mu=" + num(mu));
  if (c < 1) return fail(error, "erlang_a: need c >= 1 servers, got c=" + std::to_string(c));
  if (!std::isfinite(theta) || !(theta >= 0.0))
    return fail(error, "erlang_a: need finite theta >= 0, got theta=" + num(theta));
  if (theta == 0.0 && !(lambda < c * mu))
    return fail(error, "erlang_a: theta=0 (no abandonment) is unstable, lambda=" + num(lambda) +
                           " >= c*mu=" + num(c * mu));
  return true;
}

// Unnormalised product-form terms t(0..N), scaled so that t(mode) = 1, where mode is the last n
// with d(n) <= lambda (t rises while lambda/d(n) >= 1 and falls after). Every term is <= 1 and is
// a product of |n - mode| positive ratios, so nothing overflows and the relative error is
// ~|n - mode| eps. N is the first n >= max(mode, c) whose geometric tail bound is below
// kTailTolerance times the kept mass of the queueing states n >= c (hence also of the total), so
// p_wait keeps full relative accuracy even when it is tiny.
bool product_terms(double lambda, double mu, int c, double theta, std::vector<double>* terms,
                   int* mode, std::string* error) {
  const auto too_many = [&] {
    return fail(error, "erlang_a: truncation needs more than " + std::to_string(kErlangAMaxStates) +
                           " states (lambda=" + num(lambda) + ", c*mu=" + num(c * mu) + ", theta=" +
                           num(theta) + "); theta too small for this overload");
  };
  int m = 0;
  while (death_rate(m + 1, mu, c, theta) <= lambda) {
    if (++m + 1 >= kErlangAMaxStates) return too_many();
  }
  std::vector<double>& t = *terms;
  t.assign(static_cast<std::size_t>(m) + 1, 0.0);
  t[m] = 1.0;
  for (int n = m; n > 0; --n) t[n - 1] = t[n] * (death_rate(n, mu, c, theta) / lambda);
  double queue_mass = 0.0;
  for (int n = c; n <= m; ++n) queue_mass += t[n];
  for (int n = m;; ++n) {
    const double r = lambda / death_rate(n + 1, mu, c, theta);  // < 1 for n >= m
    if (n >= c && t[n] * r / (1.0 - r) <= kTailTolerance * queue_mass) break;
    if (n + 1 >= kErlangAMaxStates) return too_many();
    t.push_back(t[n] * r);
    if (n + 1 >= c) queue_mass += t[n + 1];
  }
  *mode = m;
  return true;
}

Eigen::VectorXd product_form(const std::vector<double>& terms) {
  Eigen::VectorXd pi(static_cast<Eigen::Index>(terms.size()));
  double total = 0.0;
  for (std::size_t n = 0; n < terms.size(); ++n) {
    pi[static_cast<Eigen::Index>(n)] = terms[n];
    total += terms[n];
  }
  pi /= total;
  return pi;
}

// Solve pi Q = 0, sum pi = 1 on the truncated generator: Q^T pi^T = 0 with the balance equation
// of the modal state m replaced by pi(m) = 1, then pi normalised to sum 1. (A full row of ones
// for the normalisation would be equally exact but makes sparse LU fill in quadratically; pinning
// the mode keeps Q^T tridiagonal plus a unit row, and keeps every unnormalised entry <= ~1, so
// nothing overflows even when A^n/n! would.)
bool generator_solve(double lambda, double mu, int c, double theta, int states, int mode,
                     Eigen::VectorXd* pi, std::string* error) {
  const int last = states - 1;
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(3 * static_cast<std::size_t>(states));
  // Entry (j, i) of Q^T is Q(i, j): the rate from i to j (diagonal: minus the total out-rate).
  for (int i = 0; i < states; ++i) {
    const double up = i < last ? lambda : 0.0;  // births blocked at the truncation level
    const double down = i > 0 ? death_rate(i, mu, c, theta) : 0.0;
    if (i != mode) entries.emplace_back(i, i, -(up + down));
    if (i < last && i + 1 != mode) entries.emplace_back(i + 1, i, up);
    if (i > 0 && i - 1 != mode) entries.emplace_back(i - 1, i, down);
  }
  entries.emplace_back(mode, mode, 1.0);
  Eigen::SparseMatrix<double> qt(states, states);
  qt.setFromTriplets(entries.begin(), entries.end());
  qt.makeCompressed();

  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
  lu.compute(qt);
  if (lu.info() != Eigen::Success) return fail(error, "erlang_a: sparse LU factorisation failed");
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(states);
  rhs[mode] = 1.0;
  Eigen::VectorXd x = lu.solve(rhs);
  if (lu.info() != Eigen::Success || !x.allFinite())
    return fail(error, "erlang_a: sparse LU solve failed");
  // Round-off can leave entries of order -1e-17 where the true mass is below that; clip them.
  double total = 0.0;
  for (Eigen::Index n = 0; n < x.size(); ++n) {
    x[n] = std::max(x[n], 0.0);
    total += x[n];
  }
  x /= total;
  *pi = std::move(x);
  return true;
}

}  // namespace

bool erlang_a_distribution(double lambda, double mu, int c, double theta, ErlangASolver solver,
                           Eigen::VectorXd* pi, std::string* error) {
  if (!validate(lambda, mu, c, theta, error)) return false;
  if (pi == nullptr) return fail(error, "erlang_a: output is null");
  std::vector<double> terms;
  int mode = 0;
  if (!product_terms(lambda, mu, c, theta, &terms, &mode, error)) return false;
  if (solver == ErlangASolver::kProductForm) {
    *pi = product_form(terms);
    return true;
  }
  return generator_solve(lambda, mu, c, theta, static_cast<int>(terms.size()), mode, pi, error);
}

ErlangAResult erlang_a_measures(const Eigen::VectorXd& pi, double lambda, double mu, int c,
                                double theta) {
  const double capacity = c * mu;
  double p_wait = 0.0, queue = 0.0, busy = 0.0;
  double served = 0.0, served_wait = 0.0;
  double harmonic = 0.0;  // H_j for j = n - c
  for (Eigen::Index n = 0; n < pi.size(); ++n) {
    const double p = pi[n];
    const int k = static_cast<int>(n);
    busy += p * std::min(k, c);
    if (k < c) {
      served += p;
      continue;
    }
    const int j = k - c;  // customers already waiting when this arrival joins
    harmonic += 1.0 / (capacity + (j + 1) * theta);
    const double p_served = capacity / (capacity + (j + 1) * theta);
    p_wait += p;
    queue += p * j;
    served += p * p_served;
    served_wait += p * p_served * harmonic;
  }
  ErlangAResult r{};
  r.p_wait = p_wait;
  r.mean_queue_length = queue;
  r.p_abandon = theta * queue / lambda;
  r.mean_wait = queue / lambda;
  r.mean_wait_served = served_wait / served;
  r.occupancy = busy / c;
  r.throughput = mu * busy;
  return r;
}

bool erlang_a(double lambda, double mu, int c, double theta, ErlangAResult* out,
              std::string* error) {
  if (out == nullptr) return fail(error, "erlang_a: out is null");
  Eigen::VectorXd pi;
  if (!erlang_a_distribution(lambda, mu, c, theta, ErlangASolver::kProductForm, &pi, error))
    return false;
  *out = erlang_a_measures(pi, lambda, mu, c, theta);
  return true;
}

}  // namespace desksim::analysis
