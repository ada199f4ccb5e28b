// The piecewise-constant-rate Poisson generator: counts per bin against their Poisson expectation,
// zero-rate bins stay empty, and the per-day Gamma factor gives daily variance m + m^2 cv^2.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/arrivals/piecewise_poisson_arrivals.hpp"
#include "sim/stats/cycle_profile.hpp"

namespace desksim::sim {
namespace {

PiecewisePoissonArrivals make(PiecewisePoissonOptions o, std::uint64_t seed = 3) {
  return PiecewisePoissonArrivals(std::move(o), RandomStream(seed, 0, stream_id_for("test.gaps")),
                                  RandomStream(seed, 0, stream_id_for("test.factors")));
}

TEST(PiecewisePoissonArrivals, CountsPerBinFollowTheRates) {
  PiecewisePoissonOptions o;
  o.bin_seconds = hours(1);
  o.rates_per_second = {10 / kSecondsPerHour, 0.0, 2.5 / kSecondsPerHour, 40 / kSecondsPerHour};
  o.cycle_offset_seconds = hours(1);  // time 0 is in bin 1 (the empty one)
  ASSERT_TRUE(o.IsValid(nullptr));
  auto arrivals = make(o);
  const double cycles = 5000;
  const Time horizon = cycles * hours(4);
  std::vector<double> counts(4, 0.0);
  for (Time t = arrivals.next_after(0.0); t < horizon; t = arrivals.next_after(t)) counts[arrivals.bin_at(t)] += 1;
  EXPECT_EQ(counts[1], 0.0);
  for (std::size_t b : {0u, 2u, 3u}) {
    const double expected = o.rates_per_second[b] * kSecondsPerHour * cycles;
    // Poisson count: +-4.5 standard deviations (chance of a false failure ~ 1e-5 per bin).
    EXPECT_NEAR(counts[b], expected, 4.5 * std::sqrt(expected)) << "bin " << b;
  }
}

TEST(PiecewisePoissonArrivals, DayFactorAddsVarianceBetweenDays) {
  PiecewisePoissonOptions o;
  o.bin_seconds = hours(1);
  o.rates_per_second = std::vector<double>(24, 50 / kSecondsPerHour);  // m = 1200 per day
  o.factor_cv = 0.25;
  auto arrivals = make(o, 11);
  const int n_days = 3000;
  std::vector<double> per_day(n_days, 0.0);
  for (Time t = arrivals.next_after(0.0); t < days(n_days); t = arrivals.next_after(t))
    per_day[static_cast<int>(t / kSecondsPerDay)] += 1;
  double mean = 0, var = 0;
  for (double c : per_day) mean += c / n_days;
  for (double c : per_day) var += (c - mean) * (c - mean) / (n_days - 1);
  const double m = 1200;
  EXPECT_NEAR(mean, m, 4.5 * std::sqrt((m + m * m * 0.0625) / n_days));
  // Variance of the sample variance of ~normal data: 2 sigma^4/(n-1); allow 4.5 of its sd.
  const double sigma2 = m + m * m * 0.0625;
  EXPECT_NEAR(var, sigma2, 4.5 * sigma2 * std::sqrt(2.0 / (n_days - 1)));
  EXPECT_GT(var / mean, 50.0);  // far from Poisson's 1
}

TEST(PiecewisePoissonArrivals, AllZeroRatesNeverArrive) {
  PiecewisePoissonOptions o;
  o.rates_per_second = {0.0, 0.0};
  EXPECT_TRUE(std::isinf(make(o).next_after(0.0)));
}

// A rate so low that the next arrival lies ~10^300 s away: without an end the search would walk
// every bin on the way; with the horizon as its end it stops there.
TEST(PiecewisePoissonArrivals, NoArrivalIsSoughtPastTheEnd) {
  PiecewisePoissonOptions o;
  o.rates_per_second = {1e-300, 1e-300};
  auto a = make(o);
  a.set_end(3600.0 * 24 * 365);
  EXPECT_TRUE(std::isinf(a.next_after(0.0)));
  o.rates_per_second = {1.0, 1.0};
  auto b = make(o);
  b.set_end(10.0);
  const double first = b.next_after(0.0);
  EXPECT_LT(first, 10.0 + 1.0);  // an arrival in the last bin reached is still returned
}

TEST(CycleProfile, TimeAverageAndExposurePerBin) {
  CycleBins bins(2, 10.0, 5.0);  // time 0 is in the middle of bin 0
  CycleTimeAverage avg(bins, 0.0, 2.0);
  avg.update(10.0, 4.0);   // 0-5 bin 0 at 2, 5-10 bin 1 at 2
  const auto a = avg.averages(25.0);  // 10-15 bin 1 at 4, 15-25 bin 0 at 4
  EXPECT_DOUBLE_EQ(a[0], (2 * 5 + 4 * 10) / 15.0);
  EXPECT_DOUBLE_EQ(a[1], (2 * 5 + 4 * 5) / 10.0);
  const auto e = bins.exposure(0.0, 25.0);
  EXPECT_DOUBLE_EQ(e[0], 15.0);
  EXPECT_DOUBLE_EQ(e[1], 10.0);
}

}  // namespace
}  // namespace desksim::sim
