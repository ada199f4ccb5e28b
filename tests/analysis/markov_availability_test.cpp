// CTMC availability of k-out-of-n systems against closed forms derived by hand from the
// birth-death balance equations pi(i) b(i) = pi(i+1) d(i+1), and the series/parallel helpers.
#include "analysis/analytic/markov_availability.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace desksim::analysis {
namespace {

constexpr double kMtbf = 1000.0, kMttr = 10.0;
constexpr double kX = kMttr / kMtbf;  // lambda_f / mu_r

TEST(KOfNAvailability, SingleComponent) {
  AvailabilityResult r;
  std::string error;
  ASSERT_TRUE(k_of_n_availability(1, 1, kMtbf, kMttr, 1, &r, &error)) << error;
  EXPECT_NEAR(r.availability, 0.990099, 1e-6);
  EXPECT_NEAR(r.availability, 100.0 / 101.0, 1e-14);  // MTBF / (MTBF + MTTR)
  EXPECT_NEAR(r.mean_up_time_between_failures, kMtbf, 1e-9);
  ASSERT_EQ(r.state_probabilities.size(), 2);
  EXPECT_NEAR(r.state_probabilities[1], 1.0 / 101.0, 1e-15);
}

TEST(KOfNAvailability, OneOfTwoIndependentRepair) {
  // Two crews: the components are independent, A = 1 - (MTTR / (MTBF + MTTR))^2.
  AvailabilityResult r;
  ASSERT_TRUE(k_of_n_availability(1, 2, kMtbf, kMttr, 2, &r, nullptr));
  EXPECT_NEAR(r.availability, 0.99990197, 1e-8);
  EXPECT_NEAR(r.availability, 1.0 - (10.0 / 1010.0) * (10.0 / 1010.0), 1e-14);
  const double single = 1000.0 / 1010.0;
  EXPECT_NEAR(r.availability, parallel_availability({single, single}), 1e-14);
}

TEST(KOfNAvailability, OneOfTwoSharedCrew) {
  // One crew: pi1 = 2x pi0, pi2 = x pi1 = 2x^2 pi0 -> A = (1 + 2x) / (1 + 2x + 2x^2).
  // Mean up time: the system comes back up in state 1, so
  //   T1 = 1/(l+m) + m/(l+m) T0,  T0 = 1/(2l) + T1   =>   MUT = T1 = (2l + m) / (2 l^2).
  AvailabilityResult r;
  ASSERT_TRUE(k_of_n_availability(1, 2, kMtbf, kMttr, 1, &r, nullptr));
  EXPECT_NEAR(r.availability, (1 + 2 * kX) / (1 + 2 * kX + 2 * kX * kX), 1e-14);
  const double l = 1.0 / kMtbf, m = 1.0 / kMttr;
  EXPECT_NEAR(r.mean_up_time_between_failures / ((2 * l + m) / (2 * l * l)), 1.0, 1e-12);
}

TEST(KOfNAvailability, TwoOfThreeOneCrew) {
  // States 0..3 failed; failures (3 - i) l, one crew repairs at m. Balance:
  //   pi1 = 3x pi0, pi2 = (2x) pi1 = 6x^2 pi0, pi3 = x pi2 = 6x^3 pi0,
  // up while at most one has failed: A = (1 + 3x) / (1 + 3x + 6x^2 + 6x^3).
  AvailabilityResult r;
  ASSERT_TRUE(k_of_n_availability(2, 3, kMtbf, kMttr, 1, &r, nullptr));
  const double x = kX, d = 1 + 3 * x + 6 * x * x + 6 * x * x * x;
  EXPECT_NEAR(r.availability, (1 + 3 * x) / d, 1e-12);
  const double expected[] = {1 / d, 3 * x / d, 6 * x * x / d, 6 * x * x * x / d};
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(r.state_probabilities[i], expected[i], 1e-15) << i;
  EXPECT_NEAR(r.state_probabilities.sum(), 1.0, 1e-15);
  // Failure frequency pi1 * 2 l; mean up time = A / frequency = (1 + 3x) / (3x * 2 l).
  EXPECT_NEAR(r.mean_up_time_between_failures / ((1 + 3 * x) / (3 * x * 2 / kMtbf)), 1.0, 1e-12);
}

TEST(KOfNAvailability, SeriesOfIndependentlyRepairedComponents) {
  // n-of-n with n crews = series of n independent single components.
  AvailabilityResult r;
  ASSERT_TRUE(k_of_n_availability(4, 4, kMtbf, kMttr, 4, &r, nullptr));
  const double single = 100.0 / 101.0;
  EXPECT_NEAR(r.availability, series_availability({single, single, single, single}), 1e-14);
  EXPECT_NEAR(r.mean_up_time_between_failures, kMtbf / 4.0, 1e-9);  // any of 4 failing ends it
}

TEST(KOfNAvailability, MoreCrewsNeverHurt) {
  double previous = 0.0;
  for (int crews = 1; crews <= 6; ++crews) {
    AvailabilityResult r;
    ASSERT_TRUE(k_of_n_availability(3, 5, 200.0, 20.0, crews, &r, nullptr));
    EXPECT_GE(r.availability, previous - 1e-15);
    previous = r.availability;
  }
  AvailabilityResult five, six;  // crews beyond n are idle
  ASSERT_TRUE(k_of_n_availability(3, 5, 200.0, 20.0, 5, &five, nullptr));
  ASSERT_TRUE(k_of_n_availability(3, 5, 200.0, 20.0, 6, &six, nullptr));
  EXPECT_EQ(five.availability, six.availability);
}

TEST(KOfNAvailability, RejectsInvalidInput) {
  AvailabilityResult r;
  std::string error;
  EXPECT_FALSE(k_of_n_availability(3, 2, kMtbf, kMttr, 1, &r, &error));
  EXPECT_NE(error.find("k <= n"), std::string::npos);
  EXPECT_FALSE(k_of_n_availability(0, 2, kMtbf, kMttr, 1, &r, &error));
  EXPECT_FALSE(k_of_n_availability(1, 0, kMtbf, kMttr, 1, &r, &error));
  EXPECT_FALSE(k_of_n_availability(1, 2, 0.0, kMttr, 1, &r, &error));
  EXPECT_NE(error.find("mtbf"), std::string::npos);
  EXPECT_FALSE(k_of_n_availability(1, 2, kMtbf, -1.0, 1, &r, &error));
  EXPECT_NE(error.find("mttr"), std::string::npos);
  EXPECT_FALSE(k_of_n_availability(1, 2, kMtbf, kMttr, 0, &r, &error));
  EXPECT_NE(error.find("repair_crews"), std::string::npos);
  EXPECT_FALSE(k_of_n_availability(1, 2, kMtbf, kMttr, 1, nullptr, nullptr));
}

TEST(BlockAvailability, SeriesAndParallel) {
  EXPECT_NEAR(series_availability({0.99, 0.98}), 0.9702, 1e-15);
  EXPECT_NEAR(parallel_availability({0.9, 0.9}), 0.99, 1e-15);
  EXPECT_NEAR(parallel_availability({0.9, 0.8, 0.5}), 1.0 - 0.1 * 0.2 * 0.5, 1e-15);
  // A service needing the desk tool (0.999) AND one of two redundant servers (0.99 each).
  EXPECT_NEAR(series_availability({0.999, parallel_availability({0.99, 0.99})}), 0.999 * 0.9999, 1e-15);
  EXPECT_EQ(series_availability({}), 1.0);
  EXPECT_EQ(parallel_availability({}), 0.0);
  EXPECT_TRUE(std::isnan(series_availability({0.5, 1.5})));
  EXPECT_TRUE(std::isnan(parallel_availability({-0.1})));
  EXPECT_TRUE(std::isnan(parallel_availability({std::nan("")})));
}

}  // namespace
}  // namespace desksim::analysis
