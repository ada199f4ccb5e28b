#include "analysis/analytic/priority_queue.hpp"

#include "analysis/analytic/error_reporting.hpp"

#include <cmath>
#include <sstream>

#include "analysis/analytic/erlang_c.hpp"

namespace desksim::analysis {
namespace {

using detail::fail;
using detail::num;

bool valid_lambdas(const char* who, const std::vector<double>& lambdas, std::string* error) {
  if (lambdas.empty()) return fail(error, std::string(who) + ": need at least one class");
  for (std::size_t i = 0; i < lambdas.size(); ++i)
    if (!std::isfinite(lambdas[i]) || !(lambdas[i] >= 0.0))
      return fail(error, std::string(who) + ": need finite lambda >= 0, got lambdas[" +
                             std::to_string(i) + "]=" + num(lambdas[i]));
  return true;
}

// W_k = w0 / ((1 - sigma_{k-1}) (1 - sigma_k)) with rho_k = loads[k].
std::vector<double> head_of_line_waits(const std::vector<double>& loads, double w0) {
  std::vector<double> waits(loads.size());
  double sigma_before = 0.0;
  for (std::size_t k = 0; k < loads.size(); ++k) {
    const double sigma = sigma_before + loads[k];
    waits[k] = w0 / ((1.0 - sigma_before) * (1.0 - sigma));
    sigma_before = sigma;
  }
  return waits;
}

}  // namespace

bool cobham_priority_waits(const std::vector<double>& lambdas, const std::vector<double>& mean_service,
                           const std::vector<double>& second_moments, std::vector<double>* waits,
                           std::string* error) {
  constexpr const char* who = "cobham_priority_waits";
  if (!valid_lambdas(who, lambdas, error)) return false;
  if (mean_service.size() != lambdas.size() || second_moments.size() != lambdas.size())
    return fail(error, std::string(who) + ": sizes differ, lambdas=" + std::to_string(lambdas.size()) +
                           ", mean_service=" + std::to_string(mean_service.size()) +
                           ", second_moments=" + std::to_string(second_moments.size()));
  if (waits == nullptr) return fail(error, std::string(who) + ": waits is null");
  std::vector<double> loads(lambdas.size());
  double total_load = 0.0, w0 = 0.0;
  for (std::size_t i = 0; i < lambdas.size(); ++i) {
    const double m = mean_service[i], m2 = second_moments[i];
    if (!std::isfinite(m) || !(m > 0.0))
      return fail(error, std::string(who) + ": need finite mean_service > 0, got mean_service[" +
                             std::to_string(i) + "]=" + num(m));
    // E[S^2] >= E[S]^2 (variance >= 0); the small slack only forgives round-off in m*m.
    if (!std::isfinite(m2) || !(m2 >= m * m * (1.0 - 1e-12)))
      return fail(error, std::string(who) + ": need second_moments[" + std::to_string(i) +
                             "]=" + num(m2) + " >= mean_service^2=" + num(m * m));
    loads[i] = lambdas[i] * m;
    total_load += loads[i];
    w0 += lambdas[i] * m2 / 2.0;
  }
  if (!(total_load < 1.0))
    return fail(error, std::string(who) + ": unstable, total load rho=" + num(total_load) + " >= 1");
  *waits = head_of_line_waits(loads, w0);
  return true;
}

bool mmc_priority_waits(const std::vector<double>& lambdas, double mu, int c, std::vector<double>* waits,
                        std::string* error) {
  constexpr const char* who = "mmc_priority_waits";
  if (!valid_lambdas(who, lambdas, error)) return false;
  if (!std::isfinite(mu) || !(mu > 0.0))
    return fail(error, std::string(who) + ": need finite mu > 0, got mu=" + num(mu));
  if (c < 1) return fail(error, std::string(who) + ": need c >= 1 servers, got c=" + std::to_string(c));
  if (waits == nullptr) return fail(error, std::string(who) + ": waits is null");
  const double capacity = c * mu;
  double lambda = 0.0;
  for (double l : lambdas) lambda += l;
  if (!(lambda < capacity))
    return fail(error, std::string(who) + ": unstable, lambda=" + num(lambda) + " >= c*mu=" + num(capacity));

  ErlangCResult fifo{};
  if (!erlang_c(lambda, mu, c, &fifo, error)) return false;
  std::vector<double> loads(lambdas.size());
  for (std::size_t i = 0; i < lambdas.size(); ++i) loads[i] = lambdas[i] / capacity;
  *waits = head_of_line_waits(loads, fifo.p_wait / capacity);
  return true;
}

}  // namespace desksim::analysis
