#include "analysis/analytic/erlang_c.hpp"

#include "analysis/analytic/error_reporting.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace desksim::analysis {
namespace {

using detail::fail;
using detail::num;

// C from B; see header. Valid for 0 <= A < c.
double erlang_c_from_b(double b, double offered_load, int c) {
  const double rho = offered_load / c;
  return b / (1.0 - rho * (1.0 - b));
}

bool valid_rates(double lambda, double mu) {
  return std::isfinite(lambda) && std::isfinite(mu) && lambda >= 0.0 && mu > 0.0;
}

}  // namespace

double erlang_b(double offered_load, int c) {
  if (!(offered_load >= 0.0) || !std::isfinite(offered_load) || c < 0) return std::nan("");
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = offered_load * b / (k + offered_load * b);
  return b;
}

double erlang_c_probability(double offered_load, int c) {
  if (!(offered_load >= 0.0) || !std::isfinite(offered_load) || c < 1) return std::nan("");
  if (!(offered_load < c)) return std::nan("");
  return erlang_c_from_b(erlang_b(offered_load, c), offered_load, c);
}

bool erlang_c(double lambda, double mu, int c, ErlangCResult* out, std::string* error) {
  if (!valid_rates(lambda, mu))
    return fail(error, "erlang_c: need finite lambda >= 0 and mu > 0, got lambda=" + num(lambda) +
                           ", mu=" + num(mu));
  if (c < 1) return fail(error, "erlang_c: need c >= 1 servers, got c=" + std::to_string(c));
  if (out == nullptr) return fail(error, "erlang_c: out is null");
  const double capacity = c * mu;
  if (!(lambda < capacity))
    return fail(error, "erlang_c: unstable, lambda=" + num(lambda) + " >= c*mu=" + num(capacity));

  // Evaluated directly (not via erlang_c_probability) so that lambda just below c*mu, where
  // lambda/mu may round up to c, still gives a finite C (= 1 at rho = 1).
  const double a = lambda / mu;
  const double p_wait = erlang_c_from_b(erlang_b(a, c), a, c);
  ErlangCResult r{};
  r.p_wait = p_wait;
  r.mean_wait = p_wait / (capacity - lambda);
  r.mean_queue_length = lambda * r.mean_wait;
  r.occupancy = lambda / capacity;
  r.mean_sojourn = r.mean_wait + 1.0 / mu;
  *out = r;
  return true;
}

double erlang_c_service_level(double lambda, double mu, int c, double t) {
  if (!valid_rates(lambda, mu) || c < 1 || std::isnan(t)) return std::nan("");
  const double capacity = c * mu;
  if (!(lambda < capacity)) return std::nan("");
  if (t < 0.0) return 0.0;
  const double a = lambda / mu;
  const double p_wait = erlang_c_from_b(erlang_b(a, c), a, c);
  return 1.0 - p_wait * std::exp(-(capacity - lambda) * t);
}

int erlang_c_agents_for_service_level(double lambda, double mu, double t, double target) {
  if (!valid_rates(lambda, mu) || !(t >= 0.0) || !std::isfinite(t)) return -1;
  if (!(target >= 0.0) || !(target < 1.0)) return -1;
  constexpr int kMaxAgents = 10'000'000;
  const double a = lambda / mu;
  if (!(a < kMaxAgents)) return -1;

  // Smallest stable c by the same test as erlang_c (c mu > lambda, so the two agree even when
  // lambda/mu rounds across an integer), with B(c, A) carried along incrementally (O(c) total).
  int c0 = std::max(1, static_cast<int>(std::floor(a)) - 1);
  while (!(c0 * mu > lambda)) ++c0;
  double b = erlang_b(a, c0);
  for (int c = c0; c <= kMaxAgents; ++c) {
    if (c > c0) b = a * b / (c + a * b);
    const double p_wait = erlang_c_from_b(b, a, c);
    const double level = 1.0 - p_wait * std::exp(-(c * mu - lambda) * t);
    if (level >= target) return c;
  }
  return -1;
}

}  // namespace desksim::analysis
