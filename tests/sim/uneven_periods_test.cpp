// Sums, means and time averages per period of uneven length, against hand calculations.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/stats/uneven_periods.hpp"

namespace desksim::sim {
namespace {

TEST(UnevenPeriods, ABoundBelongsToThePeriodItStartsAndOutsideTimesToNone) {
  const UnevenPeriods p({0.0, 31.0, 59.0, 60.0});
  EXPECT_EQ(p.size(), 3u);
  EXPECT_EQ(p.index(0.0), 0u);
  EXPECT_EQ(p.index(30.999), 0u);
  EXPECT_EQ(p.index(31.0), 1u);
  EXPECT_EQ(p.index(59.5), 2u);
  EXPECT_EQ(p.index(60.0), 3u);   // the end of the last period is outside
  EXPECT_EQ(p.index(-1.0), 3u);
  EXPECT_EQ(p.index(5.0), 0u);    // back to an earlier period after the cursor moved on
  EXPECT_THROW(UnevenPeriods({1.0}), std::invalid_argument);
  EXPECT_THROW(UnevenPeriods({0.0, 2.0, 2.0}), std::invalid_argument);
}

TEST(PeriodAccumulator, SumsCountsAndMeansPerPeriod) {
  PeriodAccumulator a(UnevenPeriods({0.0, 10.0, 25.0, 30.0}));
  a.add(1.0, 2.0);
  a.add(9.0, 4.0);
  a.add(10.0, 7.0);
  a.add(31.0, 100.0);  // after the last period: ignored
  EXPECT_EQ(a.sums(), (std::vector<double>{6.0, 7.0, 0.0}));
  EXPECT_EQ(a.counts(), (std::vector<std::uint64_t>{2, 1, 0}));
  EXPECT_EQ(a.means(), (std::vector<double>{3.0, 7.0, 0.0}));
}

TEST(PeriodAccumulator, CopiesOfOnePeriodsShareTheBoundsButNotTheCursor) {
  const UnevenPeriods months({0.0, 10.0, 25.0, 30.0});
  PeriodAccumulator early(months), late(months);
  EXPECT_EQ(&early.periods().bounds(), &late.periods().bounds());
  for (int k = 0; k < 3; ++k) {  // the two alternate between periods: each must find its own
    early.add(1.0 + k, 1.0);
    late.add(26.0 + k, 2.0);
  }
  EXPECT_EQ(early.sums(), (std::vector<double>{3.0, 0.0, 0.0}));
  EXPECT_EQ(late.sums(), (std::vector<double>{0.0, 0.0, 6.0}));
  EXPECT_EQ(late.counts(), (std::vector<std::uint64_t>{0, 0, 3}));
}

// Level 2 on [0, 4), 5 on [4, 12), 1 from 12: periods [0, 10), [10, 20), [20, 30), run ends at 25.
TEST(PeriodTimeAverage, SplitsALevelAtTheBoundsAndStopsAtTheEnd) {
  PeriodTimeAverage a(UnevenPeriods({0.0, 10.0, 20.0, 30.0}), 2.0);
  a.update(4.0, 5.0);
  a.update(12.0, 1.0);
  const auto integrals = a.integrals(25.0);
  EXPECT_DOUBLE_EQ(integrals[0], 2.0 * 4 + 5.0 * 6);
  EXPECT_DOUBLE_EQ(integrals[1], 5.0 * 2 + 1.0 * 8);
  EXPECT_DOUBLE_EQ(integrals[2], 1.0 * 5);
  const auto averages = a.averages(25.0);
  EXPECT_DOUBLE_EQ(averages[0], 3.8);
  EXPECT_DOUBLE_EQ(averages[1], 1.8);
  EXPECT_DOUBLE_EQ(averages[2], 1.0);  // over the 5 covered units, not the period's 10
  EXPECT_DOUBLE_EQ(a.averages(15.0)[2], 0.0);  // a period the run never reached
  a.update(25.0, 3.0);  // asking for the figures changes nothing
  EXPECT_DOUBLE_EQ(a.integrals(30.0)[2], 5.0 + 15.0);
}

}  // namespace
}  // namespace desksim::sim
