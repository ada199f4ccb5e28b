#pragma once
// Open Jackson network (Jackson 1957, "Networks of waiting lines", Operations Research 5(4):518-521;
// Jackson 1963, "Jobshop-like queueing systems", Management Science 10(1):131-142):
// station i has c_i exponential servers of rate mu_i and FIFO queue, external Poisson arrivals
// of rate gamma_i, and a job leaving i goes to j with probability P(i, j), leaves the network
// with probability 1 - sum_j P(i, j).
//
// Traffic equations  lambda = gamma + P^T lambda,  i.e. (I - P^T) lambda = gamma,  solved by
// Eigen LU with full pivoting (singular when the routing has a closed class that jobs never
// leave). If every lambda_i < c_i mu_i, the stationary distribution is the product of M/M/c_i
// marginals (Jackson's theorem), so each station is an Erlang C queue (see erlang_c.hpp):
//     rho_i = lambda_i / (c_i mu_i),  L_i = lambda_i W_i,  W_i = Wq_i + 1/mu_i  (per visit)
// and by Little's law on the whole network the mean time in network per external arrival is
//     T = sum_i L_i / sum_i gamma_i.
// Validation case (team domain notes, quoted from the R package `queueing` example 11.11): see
// tests/analysis/jackson_network_test.cpp, which also re-derives its values by hand.
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace desksim::analysis {

struct JacksonResult {
  Eigen::VectorXd lambda;       ///< total arrival rate per station
  Eigen::VectorXd utilisation;  ///< lambda_i / (c_i mu_i)
  Eigen::VectorXd mean_number;  ///< L_i, mean number at station i (queue + service)
  Eigen::VectorXd mean_sojourn; ///< W_i, mean time per visit at station i
  double network_sojourn;       ///< sum L_i / sum gamma_i; NaN if there are no external arrivals
};

/// external_arrivals (gamma_i >= 0), service_rates (mu_i > 0), servers (c_i >= 1) and the square
/// routing matrix (entries in [0, 1], row sums <= 1) must agree in size n >= 1. Returns false
/// and sets *error (if non-null) on invalid input, singular traffic equations, or an unstable
/// station (lambda_i >= c_i mu_i).
bool jackson_network(const Eigen::VectorXd& external_arrivals, const Eigen::VectorXd& service_rates,
                     const std::vector<int>& servers, const Eigen::MatrixXd& routing, JacksonResult* out,
                     std::string* error);

}  // namespace desksim::analysis
