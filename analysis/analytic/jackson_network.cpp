#include "analysis/analytic/jackson_network.hpp"

#include "analysis/analytic/error_reporting.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "analysis/analytic/erlang_c.hpp"

namespace desksim::analysis {
namespace {

using detail::fail;
using detail::num;

// Slack for row sums of probabilities typed as decimals (0.2 + 0.56 + 0.24 may exceed 1 by ulps).
constexpr double kProbabilitySlack = 1e-12;

bool validate(const Eigen::VectorXd& gamma, const Eigen::VectorXd& mu, const std::vector<int>& servers,
              const Eigen::MatrixXd& routing, std::string* error) {
  const Eigen::Index n = gamma.size();
  if (n < 1) return fail(error, "jackson_network: need at least one station");
  if (mu.size() != n || static_cast<Eigen::Index>(servers.size()) != n || routing.rows() != n ||
      routing.cols() != n)
    return fail(error, "jackson_network: sizes differ, external_arrivals=" + std::to_string(n) +
                           ", service_rates=" + std::to_string(mu.size()) + ", servers=" +
                           std::to_string(servers.size()) + ", routing=" + std::to_string(routing.rows()) +
                           "x" + std::to_string(routing.cols()));
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::string at = std::string("[").append(std::to_string(i)).append("]");
    if (!std::isfinite(gamma[i]) || !(gamma[i] >= 0.0))
      return fail(error, "jackson_network: need finite external_arrivals >= 0, got external_arrivals" + at +
                             "=" + num(gamma[i]));
    if (!std::isfinite(mu[i]) || !(mu[i] > 0.0))
      return fail(error, "jackson_network: need finite service_rates > 0, got service_rates" + at + "=" +
                             num(mu[i]));
    if (servers[static_cast<std::size_t>(i)] < 1)
      return fail(error, "jackson_network: need servers >= 1, got servers" + at + "=" +
                             std::to_string(servers[static_cast<std::size_t>(i)]));
    double row = 0.0;
    for (Eigen::Index j = 0; j < n; ++j) {
      const double p = routing(i, j);
      if (!(p >= 0.0 && p <= 1.0))
        return fail(error, "jackson_network: routing(" + std::to_string(i) + "," + std::to_string(j) +
                               ")=" + num(p) + " is not a probability");
      row += p;
    }
    if (!(row <= 1.0 + kProbabilitySlack))
      return fail(error, "jackson_network: routing row " + std::to_string(i) + " sums to " + num(row) + " > 1");
  }
  return true;
}

}  // namespace

bool jackson_network(const Eigen::VectorXd& external_arrivals, const Eigen::VectorXd& service_rates,
                     const std::vector<int>& servers, const Eigen::MatrixXd& routing, JacksonResult* out,
                     std::string* error) {
  if (!validate(external_arrivals, service_rates, servers, routing, error)) return false;
  if (out == nullptr) return fail(error, "jackson_network: out is null");
  const Eigen::Index n = external_arrivals.size();

  const Eigen::MatrixXd system = Eigen::MatrixXd::Identity(n, n) - routing.transpose();
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
  if (!lu.isInvertible())
    return fail(error, "jackson_network: traffic equations are singular (routing has a closed class "
                       "that jobs never leave)");
  Eigen::VectorXd lambda = lu.solve(external_arrivals);
  // The exact solution is >= 0 ((I - P^T)^{-1} = sum (P^T)^k >= 0); clip round-off.
  lambda = lambda.cwiseMax(0.0);

  JacksonResult r;
  r.lambda = lambda;
  r.utilisation.resize(n);
  r.mean_number.resize(n);
  r.mean_sojourn.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int c = servers[static_cast<std::size_t>(i)];
    const double capacity = c * service_rates[i];
    if (!std::isfinite(lambda[i]) || !(lambda[i] < capacity))
      return fail(error, "jackson_network: station " + std::to_string(i) + " unstable, lambda=" +
                             num(lambda[i]) + " >= c*mu=" + num(capacity));
    ErlangCResult station{};
    if (!erlang_c(lambda[i], service_rates[i], c, &station, error)) return false;
    r.utilisation[i] = station.occupancy;
    r.mean_sojourn[i] = station.mean_sojourn;
    r.mean_number[i] = lambda[i] * station.mean_sojourn;
  }
  const double gamma_total = external_arrivals.sum();
  r.network_sojourn = gamma_total > 0.0 ? r.mean_number.sum() / gamma_total
                                        : std::numeric_limits<double>::quiet_NaN();
  *out = std::move(r);
  return true;
}

}  // namespace desksim::analysis
