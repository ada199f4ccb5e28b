// Erlang B/C against published values (team domain notes, standard Erlang tables) and
// closed forms.
#include "analysis/analytic/erlang_c.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

namespace desksim::analysis {
namespace {

// Textbook factorial form, for small c only, as an independent check of the recursion.
double erlang_b_factorial(double a, int c) {
  double term = 1.0, sum = 1.0;
  for (int k = 1; k <= c; ++k) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

TEST(ErlangB, RecursionMatchesFactorialFormAndTables) {
  EXPECT_NEAR(erlang_b(10.0, 10), 0.2145823431, 1e-10);  // Erlang B table: 10 Erl, 10 lines
  EXPECT_NEAR(erlang_b(2.0, 5), 0.0366972477, 1e-10);    // 2 Erl, 5 lines (= 4/109)
  for (int c = 0; c <= 30; ++c)
    for (double a : {0.0, 0.5, 3.0, 12.5, 29.0})
      EXPECT_NEAR(erlang_b(a, c), erlang_b_factorial(a, c), 1e-13) << "c=" << c << " a=" << a;
  EXPECT_TRUE(std::isnan(erlang_b(-1.0, 3)));
  EXPECT_TRUE(std::isnan(erlang_b(1.0, -1)));
}

TEST(ErlangB, ThousandsOfAgentsDoNotOverflow) {
  // A^c / c! overflows a double long before c = 5000; the recursion does not.
  const double b = erlang_b(4900.0, 5000);
  EXPECT_TRUE(std::isfinite(b));
  EXPECT_GT(b, 0.0);
  EXPECT_LT(b, 0.01);
  const double c = erlang_c_probability(4900.0, 5000);
  EXPECT_GT(c, b);  // waiting is always at least as likely as blocking
  EXPECT_LT(c, 1.0);
}

TEST(ErlangC, CallCentre10Erlangs14Agents) {
  // A = 10 Erlangs, c = 14, AHT 180 s.
  const double mu = 1.0 / 180.0, lambda = 10.0 / 180.0;
  ErlangCResult r{};
  std::string error;
  ASSERT_TRUE(erlang_c(lambda, mu, 14, &r, &error)) << error;
  EXPECT_NEAR(r.p_wait, 0.1741319, 1e-6);
  EXPECT_NEAR(r.mean_wait, 7.836, 1e-3);
  EXPECT_NEAR(r.occupancy, 0.714, 1e-3);
  EXPECT_NEAR(erlang_c_service_level(lambda, mu, 14, 20.0), 0.88835, 1e-4);
  // Internal consistency: Little's law and W = Wq + 1/mu.
  EXPECT_NEAR(r.mean_queue_length, lambda * r.mean_wait, 1e-15);
  EXPECT_NEAR(r.mean_sojourn, r.mean_wait + 180.0, 1e-12);
}

TEST(ErlangC, MM10At90PercentLoad) {
  ErlangCResult r{};
  ASSERT_TRUE(erlang_c(9.0, 1.0, 10, &r, nullptr));
  EXPECT_NEAR(r.mean_wait, 0.6687, 1e-4);  // hours; C(10, 9) / (10 - 9)
}

TEST(ErlangC, MM1ClosedForm) {
  // M/M/1: P(wait) = rho, Wq = rho / (mu - lambda), Lq = rho^2 / (1 - rho).
  ErlangCResult r{};
  ASSERT_TRUE(erlang_c(3.0, 5.0, 1, &r, nullptr));
  EXPECT_NEAR(r.p_wait, 0.6, 1e-12);
  EXPECT_NEAR(r.mean_wait, 0.3, 1e-12);
  EXPECT_NEAR(r.mean_queue_length, 0.9, 1e-12);
  EXPECT_NEAR(r.mean_sojourn, 0.5, 1e-12);
}

TEST(ErlangC, ServiceLevelEdges) {
  const double mu = 1.0 / 180.0, lambda = 10.0 / 180.0;
  const double c14 = erlang_c_probability(10.0, 14);
  EXPECT_NEAR(erlang_c_service_level(lambda, mu, 14, 0.0), 1.0 - c14, 1e-15);
  EXPECT_EQ(erlang_c_service_level(lambda, mu, 14, -1.0), 0.0);
  EXPECT_NEAR(erlang_c_service_level(lambda, mu, 14, 1e9), 1.0, 1e-15);
  EXPECT_TRUE(std::isnan(erlang_c_service_level(10.0, 1.0, 10, 20.0)));  // A = c: unstable
  EXPECT_TRUE(std::isnan(erlang_c_service_level(10.0, 1.0, 9, 20.0)));
}

TEST(ErlangC, RejectsInvalidInputWithMessage) {
  ErlangCResult r{};
  std::string error;
  EXPECT_FALSE(erlang_c(12.0, 1.0, 10, &r, &error));
  EXPECT_EQ(error, "erlang_c: unstable, lambda=12 >= c*mu=10");
  EXPECT_FALSE(erlang_c(10.0, 1.0, 10, &r, &error));  // rho = 1 is not stable either
  EXPECT_NE(error.find("unstable"), std::string::npos);
  EXPECT_FALSE(erlang_c(1.0, 0.0, 10, &r, &error));
  EXPECT_NE(error.find("mu"), std::string::npos);
  EXPECT_FALSE(erlang_c(1.0, 1.0, 0, &r, &error));
  EXPECT_NE(error.find("c >= 1"), std::string::npos);
  EXPECT_FALSE(erlang_c(std::nan(""), 1.0, 2, &r, &error));
  EXPECT_FALSE(erlang_c(-1.0, 1.0, 2, &r, nullptr));  // null error pointer is allowed
  EXPECT_FALSE(erlang_c(1.0, 1.0, 2, nullptr, &error));
}

TEST(ErlangC, ZeroArrivalsNeverWait) {
  ErlangCResult r{};
  ASSERT_TRUE(erlang_c(0.0, 2.0, 3, &r, nullptr));
  EXPECT_EQ(r.p_wait, 0.0);
  EXPECT_EQ(r.mean_wait, 0.0);
  EXPECT_EQ(r.mean_sojourn, 0.5);
}

TEST(ErlangC, AgentsFor80In20Seconds) {
  // 80% answered within 20 s at A = 10 Erl, AHT 180 s. With 13 agents C = 0.28527 and
  // SL = 1 - 0.28527 exp(-(13-10)/180 * 20) = 0.7956 < 0.80; with 14 agents SL = 0.88835.
  // So the minimum is 14, not 13.
  const double mu = 1.0 / 180.0, lambda = 10.0 / 180.0;
  EXPECT_LT(erlang_c_service_level(lambda, mu, 13, 20.0), 0.80);
  EXPECT_NEAR(erlang_c_service_level(lambda, mu, 13, 20.0), 0.79559, 1e-5);
  EXPECT_GE(erlang_c_service_level(lambda, mu, 14, 20.0), 0.80);
  EXPECT_EQ(erlang_c_agents_for_service_level(lambda, mu, 20.0, 0.80), 14);
  // Looser targets: SL(11) = 0.3896, SL(12) = 0.6402, SL(13) = 0.7956.
  EXPECT_EQ(erlang_c_agents_for_service_level(lambda, mu, 20.0, 0.75), 13);
  EXPECT_EQ(erlang_c_agents_for_service_level(lambda, mu, 20.0, 0.5), 12);
  EXPECT_EQ(erlang_c_agents_for_service_level(lambda, mu, 20.0, 0.3), 11);
  // Target 0 gives the smallest stable staffing (exactly representable A = 10 here: with
  // lambda = 10/180 and mu = 1/180, rounding makes 10 * mu > lambda and 10 agents "stable").
  EXPECT_EQ(erlang_c_agents_for_service_level(10.0, 1.0, 20.0, 0.0), 11);
  EXPECT_EQ(erlang_c_agents_for_service_level(0.0, mu, 20.0, 0.99), 1);
}

TEST(ErlangC, AgentsForServiceLevelMatchesBruteForceSearch) {
  for (double a : {0.5, 4.0, 10.0, 37.3, 250.0}) {
    for (double target : {0.5, 0.8, 0.95, 0.999}) {
      const int c = erlang_c_agents_for_service_level(a, 1.0, 0.1, target);
      ASSERT_GT(c, a);
      EXPECT_GE(erlang_c_service_level(a, 1.0, c, 0.1), target);
      if (c - 1 > a) {
        EXPECT_LT(erlang_c_service_level(a, 1.0, c - 1, 0.1), target);
      }
    }
  }
}

TEST(ErlangC, AgentsForServiceLevelRejectsInvalid) {
  EXPECT_EQ(erlang_c_agents_for_service_level(1.0, 1.0, 20.0, 1.0), -1);  // unreachable
  EXPECT_EQ(erlang_c_agents_for_service_level(1.0, 1.0, -1.0, 0.8), -1);
  EXPECT_EQ(erlang_c_agents_for_service_level(1.0, 0.0, 20.0, 0.8), -1);
  EXPECT_EQ(erlang_c_agents_for_service_level(-1.0, 1.0, 20.0, 0.8), -1);
  EXPECT_EQ(erlang_c_agents_for_service_level(1.0, 1.0, 20.0, std::nan("")), -1);
}

}  // namespace
}  // namespace desksim::analysis
