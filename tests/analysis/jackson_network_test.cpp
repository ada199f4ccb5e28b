// Open Jackson network against the published example (team notes: R package `queueing`
// example 11.11), re-derived by hand below, plus tandem and multi-server checks.
#include "analysis/analytic/jackson_network.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/analytic/erlang_c.hpp"

namespace desksim::analysis {
namespace {

TEST(JacksonNetwork, QueueingPackageExample) {
  // gamma = (8, 0, 6, 0), mu = (14, 9, 17, 7); 1->2 0.2, 1->3 0.56, 1->4 0.24, 2->1 1.
  // By hand: lambda1 = 8 + lambda2, lambda2 = 0.2 lambda1 -> lambda1 = 10, lambda2 = 2,
  // lambda3 = 6 + 5.6 = 11.6, lambda4 = 2.4; M/M/1 W = 1/(mu - lambda) = 1/4, 1/7, 1/5.4, 1/4.6;
  // T = sum lambda_i W_i / 14 = (2.5 + 2/7 + 11.6/5.4 + 2.4/4.6) / 14 = 0.38969...
  Eigen::VectorXd gamma(4), mu(4);
  gamma << 8, 0, 6, 0;
  mu << 14, 9, 17, 7;
  Eigen::MatrixXd p = Eigen::MatrixXd::Zero(4, 4);
  p(0, 1) = 0.2;
  p(0, 2) = 0.56;
  p(0, 3) = 0.24;
  p(1, 0) = 1.0;
  JacksonResult r;
  std::string error;
  ASSERT_TRUE(jackson_network(gamma, mu, {1, 1, 1, 1}, p, &r, &error)) << error;
  const double lambda[] = {10, 2, 11.6, 2.4};
  const double w[] = {0.25, 0.1429, 0.1852, 0.2174};
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(r.lambda[i], lambda[i], 1e-12) << i;
    EXPECT_NEAR(r.mean_sojourn[i], w[i], 5e-5) << i;
    EXPECT_NEAR(r.mean_sojourn[i], 1.0 / (mu[i] - lambda[i]), 1e-12) << i;
    EXPECT_NEAR(r.utilisation[i], lambda[i] / mu[i], 1e-12) << i;
    EXPECT_NEAR(r.mean_number[i], lambda[i] / (mu[i] - lambda[i]), 1e-12) << i;
  }
  EXPECT_NEAR(r.network_sojourn, 0.3897, 5e-5);
  EXPECT_NEAR(r.network_sojourn, (2.5 + 2.0 / 7.0 + 11.6 / 5.4 + 2.4 / 4.6) / 14.0, 1e-12);
}

TEST(JacksonNetwork, TandemOfMultiServerStationsIsSumOfErlangC) {
  // Service desk: 1st line (c = 14) then 40% escalated to 2nd line (c = 24, 20 Erlangs).
  const double mu1 = 1.0 / 180.0, mu2 = 1.0 / 900.0, gamma1 = 10.0 / 180.0;
  Eigen::VectorXd gamma(2), mu(2);
  gamma << gamma1, 0.0;
  mu << mu1, mu2;
  Eigen::MatrixXd p = Eigen::MatrixXd::Zero(2, 2);
  p(0, 1) = 0.4;
  JacksonResult r;
  ASSERT_TRUE(jackson_network(gamma, mu, {14, 24}, p, &r, nullptr));
  ErlangCResult first{}, second{};
  ASSERT_TRUE(erlang_c(gamma1, mu1, 14, &first, nullptr));
  ASSERT_TRUE(erlang_c(0.4 * gamma1, mu2, 24, &second, nullptr));
  EXPECT_NEAR(r.mean_sojourn[0], first.mean_sojourn, 1e-9);
  EXPECT_NEAR(r.mean_sojourn[1], second.mean_sojourn, 1e-9);
  EXPECT_NEAR(r.network_sojourn / (first.mean_sojourn + 0.4 * second.mean_sojourn), 1.0, 1e-12);
}

TEST(JacksonNetwork, FeedbackLoopVisitsGeometrically) {
  // One M/M/1 station with rework probability 0.25: lambda = gamma / 0.75, and the time in
  // network is (expected 4/3 visits) x (per-visit sojourn).
  Eigen::VectorXd gamma(1), mu(1);
  gamma << 3.0;
  mu << 5.0;
  Eigen::MatrixXd p(1, 1);
  p << 0.25;
  JacksonResult r;
  ASSERT_TRUE(jackson_network(gamma, mu, {1}, p, &r, nullptr));
  EXPECT_NEAR(r.lambda[0], 4.0, 1e-12);
  EXPECT_NEAR(r.mean_sojourn[0], 1.0, 1e-12);
  EXPECT_NEAR(r.network_sojourn, 4.0 / 3.0, 1e-12);
}

TEST(JacksonNetwork, RejectsInvalidInput) {
  Eigen::VectorXd gamma(2), mu(2);
  gamma << 1.0, 0.0;
  mu << 2.0, 2.0;
  Eigen::MatrixXd p = Eigen::MatrixXd::Zero(2, 2);
  JacksonResult r;
  std::string error;
  p(0, 1) = 1.0;
  p(1, 0) = 1.0;  // closed loop: jobs never leave
  EXPECT_FALSE(jackson_network(gamma, mu, {1, 1}, p, &r, &error));
  EXPECT_NE(error.find("singular"), std::string::npos);
  p(1, 0) = 0.6;  // lambda = 1 / 0.4 = 2.5 at both stations > mu = 2
  EXPECT_FALSE(jackson_network(gamma, mu, {1, 1}, p, &r, &error));
  EXPECT_NE(error.find("station 0 unstable"), std::string::npos);
  EXPECT_TRUE(jackson_network(gamma, mu, {1, 2}, Eigen::MatrixXd::Zero(2, 2), &r, &error)) << error;
  EXPECT_FALSE(jackson_network(gamma, mu, {1}, Eigen::MatrixXd::Zero(2, 2), &r, &error));
  EXPECT_NE(error.find("sizes differ"), std::string::npos);
  Eigen::MatrixXd bad = Eigen::MatrixXd::Zero(2, 2);
  bad(0, 0) = 0.7;
  bad(0, 1) = 0.7;
  EXPECT_FALSE(jackson_network(gamma, mu, {1, 1}, bad, &r, &error));
  EXPECT_NE(error.find("sums to"), std::string::npos);
  bad(0, 0) = -0.1;
  EXPECT_FALSE(jackson_network(gamma, mu, {1, 1}, bad, &r, &error));
  EXPECT_FALSE(jackson_network(gamma, mu, {1, 0}, Eigen::MatrixXd::Zero(2, 2), &r, &error));
  mu[1] = 0.0;
  EXPECT_FALSE(jackson_network(gamma, mu, {1, 1}, Eigen::MatrixXd::Zero(2, 2), &r, &error));
}

}  // namespace
}  // namespace desksim::analysis
