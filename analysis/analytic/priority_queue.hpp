#pragma once
// Non-preemptive (head-of-line) priority queues with Poisson arrivals, classes in priority order
// (index 0 = highest). A job in service is never interrupted; within a class service is FIFO.
// All results are mean waiting times in queue (service time excluded), per class.
//
// M/G/1 (Cobham 1954, "Priority assignment in waiting line problems", J. Oper. Res. Soc. America
// 2(1):70-76; Kleinrock, "Queueing Systems Vol. II" (1976), priority queueing chapter):
//     rho_i   = lambda_i E[S_i]
//     sigma_k = sum_{i<=k} rho_i                 (sigma_{-1} = 0)
//     W0      = sum_i lambda_i E[S_i^2] / 2      (mean residual work of the job in service)
//     W_k     = W0 / ((1 - sigma_{k-1}) (1 - sigma_k))
// With one class this is Pollaczek-Khinchine, Wq = lambda E[S^2] / (2 (1 - rho)). Kleinrock's
// conservation law holds: sum_k rho_k W_k = rho W0 / (1 - rho) for any service distributions.
//
// M/M/c, every class exponential with the same rate mu (Cobham 1954, multi-channel case; Gross,
// Shortle, Thompson & Harris, "Fundamentals of Queueing Theory", non-preemptive priorities with
// many servers):
//     rho_i   = lambda_i / (c mu),  sigma_k as above
//     W_k     = [C(c, A) / (c mu)] / ((1 - sigma_{k-1}) (1 - sigma_k)),   A = sum lambda_i / mu
// where C is Erlang C; with one class this is the M/M/c FIFO Wq = C / (c mu - lambda). With the
// same exponential service for every class the number in system does not depend on the order of
// service (work-conserving, non-preemptive), so by Little's law the arrival-weighted mean wait
// equals FIFO's: sum_k lambda_k W_k = lambda Wq_FIFO.
//
// Both require total load sigma_K < 1: above it the lowest classes have no steady state and the
// busy-server residual W0 above no longer applies, so the call is rejected rather than returning
// a partly meaningful vector.
#include <string>
#include <vector>

namespace desksim::analysis {

/// M/G/1 non-preemptive priority (Cobham). lambdas[i] >= 0, mean_service[i] > 0,
/// second_moments[i] = E[S_i^2] >= mean_service[i]^2 (2/mu^2 for exponential, mean^2 for
/// deterministic); all the same non-zero length; total load < 1. On success *waits gets W_k.
bool cobham_priority_waits(const std::vector<double>& lambdas, const std::vector<double>& mean_service,
                           const std::vector<double>& second_moments, std::vector<double>* waits,
                           std::string* error);

/// M/M/c non-preemptive priority, common exponential service rate mu, c >= 1 servers;
/// requires sum lambdas < c mu. On success *waits gets W_k.
bool mmc_priority_waits(const std::vector<double>& lambdas, double mu, int c, std::vector<double>* waits,
                        std::string* error);

}  // namespace desksim::analysis
