// Non-preemptive priority queues (Cobham 1954) against hand values, Pollaczek-Khinchine,
// Erlang C and Kleinrock's conservation law.
#include "analysis/analytic/priority_queue.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/analytic/erlang_c.hpp"

namespace desksim::analysis {
namespace {

TEST(CobhamPriority, TwoClassMM1HandValues) {
  // lambda = (0.3, 0.4), mu = 1, exponential: W0 = (0.3 + 0.4) * 2 / 2 = 0.7,
  // W1 = 0.7 / (1 (1 - 0.3)) = 1, W2 = 0.7 / ((1 - 0.3)(1 - 0.7)) = 10/3.
  std::vector<double> waits;
  std::string error;
  ASSERT_TRUE(cobham_priority_waits({0.3, 0.4}, {1.0, 1.0}, {2.0, 2.0}, &waits, &error)) << error;
  ASSERT_EQ(waits.size(), 2u);
  EXPECT_NEAR(waits[0], 1.0, 1e-12);
  EXPECT_NEAR(waits[1], 10.0 / 3.0, 1e-12);
}

TEST(CobhamPriority, SingleClassIsPollaczekKhinchine) {
  // M/D/1 and M/G/1 with SCV 3: Wq = lambda E[S^2] / (2 (1 - rho)).
  for (double m2_factor : {1.0, 2.0, 4.0}) {
    const double lambda = 0.8, s = 0.9, m2 = m2_factor * s * s, rho = lambda * s;
    std::vector<double> waits;
    ASSERT_TRUE(cobham_priority_waits({lambda}, {s}, {m2}, &waits, nullptr));
    EXPECT_NEAR(waits[0], lambda * m2 / (2.0 * (1.0 - rho)), 1e-12);
  }
  // M/M/1 lambda 3, mu 5: Wq = 0.3.
  std::vector<double> waits;
  ASSERT_TRUE(cobham_priority_waits({3.0}, {0.2}, {2.0 * 0.2 * 0.2}, &waits, nullptr));
  EXPECT_NEAR(waits[0], 0.3, 1e-12);
}

TEST(CobhamPriority, KleinrockConservationLaw) {
  // sum_k rho_k W_k = rho W0 / (1 - rho) for any service-time mix (work-conserving,
  // non-preemptive); here three classes with different means and variabilities.
  const std::vector<double> lambdas{0.2, 0.5, 0.1}, means{0.5, 0.8, 2.0}, m2{0.25, 1.28, 12.0};
  std::vector<double> waits;
  ASSERT_TRUE(cobham_priority_waits(lambdas, means, m2, &waits, nullptr));
  double rho = 0.0, w0 = 0.0, weighted = 0.0;
  for (std::size_t i = 0; i < lambdas.size(); ++i) {
    rho += lambdas[i] * means[i];
    w0 += lambdas[i] * m2[i] / 2.0;
    weighted += lambdas[i] * means[i] * waits[i];
  }
  EXPECT_NEAR(weighted, rho * w0 / (1.0 - rho), 1e-12);
  // Equal exponential service: the rho-weighted waits equal rho * Wq_FIFO of M/M/1.
  ASSERT_TRUE(cobham_priority_waits({0.3, 0.4}, {1.0, 1.0}, {2.0, 2.0}, &waits, nullptr));
  ErlangCResult fifo{};
  ASSERT_TRUE(erlang_c(0.7, 1.0, 1, &fifo, nullptr));
  EXPECT_NEAR(0.3 * waits[0] + 0.4 * waits[1], 0.7 * fifo.mean_wait, 1e-12);
  // Priority helps the top class and hurts the bottom one relative to FIFO.
  EXPECT_LT(waits[0], fifo.mean_wait);
  EXPECT_GT(waits[1], fifo.mean_wait);
}

TEST(CobhamPriority, RejectsInvalidInput) {
  std::vector<double> waits;
  std::string error;
  EXPECT_FALSE(cobham_priority_waits({0.6, 0.5}, {1.0, 1.0}, {2.0, 2.0}, &waits, &error));
  EXPECT_NE(error.find("unstable"), std::string::npos);
  EXPECT_FALSE(cobham_priority_waits({0.1}, {1.0, 1.0}, {2.0, 2.0}, &waits, &error));
  EXPECT_NE(error.find("sizes differ"), std::string::npos);
  EXPECT_FALSE(cobham_priority_waits({}, {}, {}, &waits, &error));
  EXPECT_FALSE(cobham_priority_waits({-0.1}, {1.0}, {2.0}, &waits, &error));
  EXPECT_FALSE(cobham_priority_waits({0.1}, {0.0}, {2.0}, &waits, &error));
  EXPECT_FALSE(cobham_priority_waits({0.1}, {1.0}, {0.5}, &waits, &error));  // E[S^2] < E[S]^2
  EXPECT_NE(error.find("second_moments"), std::string::npos);
  EXPECT_FALSE(cobham_priority_waits({0.1}, {1.0}, {2.0}, nullptr, nullptr));
}

TEST(MmcPriority, SingleClassIsErlangC) {
  std::vector<double> waits;
  ASSERT_TRUE(mmc_priority_waits({9.0}, 1.0, 10, &waits, nullptr));
  ErlangCResult fifo{};
  ASSERT_TRUE(erlang_c(9.0, 1.0, 10, &fifo, nullptr));
  EXPECT_NEAR(waits[0], fifo.mean_wait, 1e-12);
}

TEST(MmcPriority, SingleServerMatchesCobham) {
  std::vector<double> mmc, cobham;
  ASSERT_TRUE(mmc_priority_waits({0.3, 0.4}, 1.0, 1, &mmc, nullptr));
  ASSERT_TRUE(cobham_priority_waits({0.3, 0.4}, {1.0, 1.0}, {2.0, 2.0}, &cobham, nullptr));
  EXPECT_NEAR(mmc[0], cobham[0], 1e-12);
  EXPECT_NEAR(mmc[1], cobham[1], 1e-12);
}

TEST(MmcPriority, ThreeClassesConserveFifoWaitAndHandValues) {
  // Service desk: c = 14, mu = 1/180 per s, classes P1..P3 with 2, 3, 5 Erlangs.
  const double mu = 1.0 / 180.0;
  const std::vector<double> lambdas{2.0 * mu, 3.0 * mu, 5.0 * mu};
  std::vector<double> waits;
  ASSERT_TRUE(mmc_priority_waits(lambdas, mu, 14, &waits, nullptr));
  ErlangCResult fifo{};
  ASSERT_TRUE(erlang_c(10.0 * mu, mu, 14, &fifo, nullptr));
  double weighted = 0.0;
  for (std::size_t k = 0; k < 3; ++k) weighted += lambdas[k] * waits[k];
  EXPECT_NEAR(weighted / (10.0 * mu), fifo.mean_wait, 1e-10);
  // By hand: W0 = C / (c mu) = 0.1741319336 * 180 / 14; sigma = 2/14, 5/14, 10/14.
  const double w0 = 0.17413193359504991 * 180.0 / 14.0;
  EXPECT_NEAR(waits[0], w0 / (12.0 / 14.0), 1e-9);
  EXPECT_NEAR(waits[1], w0 / ((12.0 / 14.0) * (9.0 / 14.0)), 1e-9);
  EXPECT_NEAR(waits[2], w0 / ((9.0 / 14.0) * (4.0 / 14.0)), 1e-9);
}

TEST(MmcPriority, RejectsInvalidInput) {
  std::vector<double> waits;
  std::string error;
  EXPECT_FALSE(mmc_priority_waits({6.0, 5.0}, 1.0, 10, &waits, &error));
  EXPECT_EQ(error, "mmc_priority_waits: unstable, lambda=11 >= c*mu=10");
  EXPECT_FALSE(mmc_priority_waits({1.0}, 0.0, 10, &waits, &error));
  EXPECT_FALSE(mmc_priority_waits({1.0}, 1.0, 0, &waits, &error));
  EXPECT_FALSE(mmc_priority_waits({}, 1.0, 1, &waits, &error));
}

}  // namespace
}  // namespace desksim::analysis
