// Erlang A (M/M/c+M) against its limits (Erlang C, M/M/infinity) and conservation laws, and the
// generator-matrix solve against the product form.
#include "analysis/analytic/erlang_a.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "analysis/analytic/erlang_c.hpp"

namespace desksim::analysis {
namespace {

TEST(ErlangA, ThetaZeroIsErlangC) {
  // Call-centre case of erlang_c_test: A = 10, c = 14, AHT 180 s.
  const double mu = 1.0 / 180.0, lambda = 10.0 / 180.0;
  ErlangCResult c{};
  ASSERT_TRUE(erlang_c(lambda, mu, 14, &c, nullptr));
  ErlangAResult a{};
  std::string error;
  ASSERT_TRUE(erlang_a(lambda, mu, 14, 0.0, &a, &error)) << error;
  EXPECT_NEAR(a.p_wait, c.p_wait, 1e-12);
  EXPECT_NEAR(a.mean_wait / c.mean_wait, 1.0, 1e-12);
  EXPECT_NEAR(a.mean_wait_served / c.mean_wait, 1.0, 1e-12);
  EXPECT_NEAR(a.mean_queue_length, c.mean_queue_length, 1e-12);
  EXPECT_NEAR(a.occupancy, c.occupancy, 1e-12);
  EXPECT_EQ(a.p_abandon, 0.0);
  EXPECT_NEAR(a.throughput / lambda, 1.0, 1e-12);
}

TEST(ErlangA, ThetaZeroKeepsRelativeAccuracyOfTinyWaitProbability) {
  // C(14, 0.5) is about 1e-16: the truncation is relative to the queueing states' mass, so even
  // this matches Erlang C to round-off rather than to 1e-15 absolute.
  ErlangCResult c{};
  ErlangAResult a{};
  ASSERT_TRUE(erlang_c(0.5, 1.0, 14, &c, nullptr));
  ASSERT_TRUE(erlang_a(0.5, 1.0, 14, 0.0, &a, nullptr));
  ASSERT_LT(c.p_wait, 1e-12);
  EXPECT_NEAR(a.p_wait / c.p_wait, 1.0, 1e-12);
  EXPECT_NEAR(a.mean_wait / c.mean_wait, 1.0, 1e-12);
}

TEST(ErlangA, ConvergesToErlangCAsThetaVanishes) {
  ErlangCResult c{};
  ASSERT_TRUE(erlang_c(9.0, 1.0, 10, &c, nullptr));
  double previous_gap = INFINITY;
  for (double theta : {1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6}) {
    ErlangAResult a{};
    ASSERT_TRUE(erlang_a(9.0, 1.0, 10, theta, &a, nullptr));
    const double gap = std::abs(a.mean_wait - c.mean_wait);
    EXPECT_LT(gap, previous_gap) << "theta=" << theta;
    EXPECT_LT(a.mean_wait, c.mean_wait);  // abandonment only shortens the queue
    previous_gap = gap;
  }
  EXPECT_LT(previous_gap, 1e-4);  // O(theta) convergence
}

TEST(ErlangA, ThetaEqualMuIsPoissonNumberInSystem) {
  // With theta = mu every customer present leaves at rate mu, so N ~ Poisson(a), a = lambda/mu
  // (M/M/infinity), and p_abandon = mu E[(N - c)+] / lambda exactly.
  const double lambda = 7.0, mu = 0.5, a = lambda / mu;
  const int c = 12;
  double pmf = std::exp(-a), below = 0.0, busy = 0.0, p_below_c = 0.0;
  for (int n = 0; n < c; ++n) {  // E[min(N, c)] = sum_{n<c} n p(n) + c P(N >= c)
    below += n * pmf;
    p_below_c += pmf;
    pmf *= a / (n + 1);
  }
  busy = below + c * (1.0 - p_below_c);
  const double excess = a - busy;  // E[(N - c)+] = E[N] - E[min(N, c)]

  ErlangAResult r{};
  ASSERT_TRUE(erlang_a(lambda, mu, c, mu, &r, nullptr));
  EXPECT_NEAR(r.p_wait, 1.0 - p_below_c, 1e-13);
  EXPECT_NEAR(r.mean_queue_length, excess, 1e-12);
  EXPECT_NEAR(r.p_abandon, mu * excess / lambda, 1e-13);
  EXPECT_NEAR(r.occupancy, busy / c, 1e-13);

  Eigen::VectorXd pi;
  ASSERT_TRUE(erlang_a_distribution(lambda, mu, c, mu, ErlangASolver::kGeneratorMatrix, &pi, nullptr));
  double p = std::exp(-a);
  for (Eigen::Index n = 0; n < pi.size(); ++n) {
    EXPECT_NEAR(pi[n], p, 1e-14) << "n=" << n;
    p *= a / static_cast<double>(n + 1);
  }
}

TEST(ErlangA, OverloadIsStableAndConservesFlow) {
  // lambda = 12 > c mu = 10: Erlang C has no steady state, Erlang A does.
  const double lambda = 12.0, mu = 1.0, theta = 0.5;
  const int c = 10;
  ErlangAResult r{};
  std::string error;
  ASSERT_TRUE(erlang_a(lambda, mu, c, theta, &r, &error)) << error;
  // Served flow: lambda (1 - p_abandon) = mu E[busy] = throughput.
  EXPECT_NEAR(lambda * (1.0 - r.p_abandon), r.throughput, 1e-12);
  EXPECT_NEAR(r.throughput, mu * c * r.occupancy, 1e-12);
  // At least the excess lambda - c mu must abandon.
  EXPECT_GT(r.p_abandon, (lambda - c * mu) / lambda);
  // Exponential patience: P(abandon) = theta E[W] (both equal theta Lq / lambda).
  EXPECT_NEAR(r.p_abandon, theta * r.mean_wait, 1e-14);
  EXPECT_GT(r.p_wait, 0.0);
  EXPECT_LT(r.p_wait, 1.0);
  EXPECT_LE(r.occupancy, 1.0);
}

TEST(ErlangA, PerCustomerFormulasAgreeWithLittleAndPasta) {
  // mean_wait (Little on the queue) must equal the PASTA average of per-arrival expected waits,
  // and p_abandon = theta Lq / lambda must equal the PASTA average of 1 - c mu/(c mu + (j+1) theta).
  const double lambda = 11.0, mu = 1.0, theta = 0.3;
  const int c = 10;
  Eigen::VectorXd pi;
  ASSERT_TRUE(erlang_a_distribution(lambda, mu, c, theta, ErlangASolver::kProductForm, &pi, nullptr));
  const double cap = c * mu;
  double wait = 0.0, abandon = 0.0, served_wait = 0.0, served = 0.0;
  for (Eigen::Index n = 0; n < c; ++n) served += pi[n];  // served at once
  for (Eigen::Index n = c; n < pi.size(); ++n) {
    const int j = static_cast<int>(n) - c;
    // Expected time in queue with j ahead: sum over levels k = j..0 of P(reach k)/(cap + (k+1) theta).
    // Given it is served it passed every level, each taking an independent Exp(out) time.
    double reach = 1.0, w = 0.0, w_if_served = 0.0;
    for (int k = j; k >= 0; --k) {
      const double out = cap + (k + 1) * theta;
      w += reach / out;
      w_if_served += 1.0 / out;
      reach *= (cap + k * theta) / out;
    }
    wait += pi[n] * w;
    abandon += pi[n] * (1.0 - reach);
    served += pi[n] * reach;
    served_wait += pi[n] * reach * w_if_served;
  }
  const ErlangAResult r = erlang_a_measures(pi, lambda, mu, c, theta);
  EXPECT_NEAR(r.mean_wait / wait, 1.0, 1e-12);
  EXPECT_NEAR(r.p_abandon / abandon, 1.0, 1e-12);
  EXPECT_NEAR(r.mean_wait_served / (served_wait / served), 1.0, 1e-12);
  EXPECT_NEAR(served, 1.0 - r.p_abandon, 1e-12);
  // Served customers' mean wait splits the all-arrivals mean: E[W] = P(S) E[W|S] + P(Ab) E[W|Ab],
  // and an abandoner waits its patience conditioned to be short, so E[W|S] differs from E[W].
  EXPECT_GT(r.mean_wait_served, 0.0);
  EXPECT_LT(r.mean_wait_served * (1.0 - r.p_abandon), r.mean_wait);
}

TEST(ErlangA, MatrixSolveMatchesProductForm) {
  struct Case { double lambda, mu; int c; double theta; };
  for (const Case& k : {Case{10.0 / 180.0, 1.0 / 180.0, 14, 1.0 / 300.0}, Case{9.0, 1.0, 10, 0.0},
                        Case{12.0, 1.0, 10, 0.5}, Case{50.0, 1.0, 40, 2.0}, Case{0.5, 2.0, 1, 0.1},
                        Case{990.0, 1.0, 1000, 0.05}, Case{12.0, 1.0, 10, 1e-4}}) {  // last: 22773 states
    Eigen::VectorXd matrix, product;
    std::string error;
    ASSERT_TRUE(erlang_a_distribution(k.lambda, k.mu, k.c, k.theta, ErlangASolver::kGeneratorMatrix, &matrix, &error))
        << error;
    ASSERT_TRUE(erlang_a_distribution(k.lambda, k.mu, k.c, k.theta, ErlangASolver::kProductForm, &product, &error))
        << error;
    ASSERT_EQ(matrix.size(), product.size());
    EXPECT_LT((matrix - product).cwiseAbs().maxCoeff(), 1e-10) << "c=" << k.c;
    const ErlangAResult a = erlang_a_measures(matrix, k.lambda, k.mu, k.c, k.theta);
    const ErlangAResult b = erlang_a_measures(product, k.lambda, k.mu, k.c, k.theta);
    EXPECT_NEAR(a.p_wait, b.p_wait, 1e-10);
    EXPECT_NEAR(a.p_abandon, b.p_abandon, 1e-10);
    EXPECT_NEAR(a.mean_wait, b.mean_wait, 1e-10 * (1.0 + b.mean_wait));
    EXPECT_NEAR(a.throughput, b.throughput, 1e-10 * b.throughput);
  }
}

TEST(ErlangA, TruncationTailIsNegligible) {
  // The last kept state carries (much) less than 1e-15 of the mass.
  Eigen::VectorXd pi;
  ASSERT_TRUE(erlang_a_distribution(9.0, 1.0, 10, 0.01, ErlangASolver::kProductForm, &pi, nullptr));
  EXPECT_LT(pi[pi.size() - 1], 1e-15);
  EXPECT_NEAR(pi.sum(), 1.0, 1e-14);
}

TEST(ErlangA, RejectsInvalidInput) {
  ErlangAResult r{};
  std::string error;
  EXPECT_FALSE(erlang_a(12.0, 1.0, 10, 0.0, &r, &error));
  EXPECT_NE(error.find("unstable"), std::string::npos);
  EXPECT_FALSE(erlang_a(0.0, 1.0, 10, 1.0, &r, &error));
  EXPECT_NE(error.find("lambda"), std::string::npos);
  EXPECT_FALSE(erlang_a(1.0, -1.0, 10, 1.0, &r, &error));
  EXPECT_NE(error.find("mu"), std::string::npos);
  EXPECT_FALSE(erlang_a(1.0, 1.0, 0, 1.0, &r, &error));
  EXPECT_FALSE(erlang_a(1.0, 1.0, 1, -0.1, &r, &error));
  EXPECT_NE(error.find("theta"), std::string::npos);
  // Heavy overload with nearly infinite patience needs ~ (lambda - c mu)/theta states.
  EXPECT_FALSE(erlang_a(20.0, 1.0, 10, 1e-7, &r, &error));
  EXPECT_NE(error.find("states"), std::string::npos);
  EXPECT_FALSE(erlang_a(1.0, 1.0, 1, 1.0, nullptr, nullptr));
}

}  // namespace
}  // namespace desksim::analysis
