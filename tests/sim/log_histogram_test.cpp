#include "sim/stats/log_histogram.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/random/distribution.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::sim {
namespace {

TEST(LogHistogram, EmptyAndZeros) {
  LogHistogram h;
  EXPECT_TRUE(std::isnan(h.quantile(0.5)));
  for (int i = 0; i < 7; ++i) h.add(0.0);
  h.add(5.0);
  EXPECT_EQ(h.count(), 8u);
  EXPECT_EQ(h.quantile(0.5), 0.0);   // rank 4 of 8 is a zero
  EXPECT_EQ(h.quantile(7.0 / 8), 0.0);
  EXPECT_NEAR(h.quantile(1.0), 5.0, 5.0 * LogHistogram::kRelativeError);
  EXPECT_TRUE(std::isnan(h.quantile(1.5)));
}

TEST(LogHistogram, QuantilesWithinTheStatedRelativeErrorOfTheEmpiricalOnes) {
  // Against the exact order statistics of the same sample, across 12 orders of magnitude.
  RandomStream s(3, 0, stream_id_for("test.histogram"));
  std::vector<double> xs;
  LogHistogram h;
  for (int i = 0; i < 100000; ++i) {
    const double x = sample_lognormal(s, 0.0, 4.0);
    xs.push_back(x);
    h.add(x);
  }
  std::sort(xs.begin(), xs.end());
  for (double p : {0.001, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
    const double exact = xs[static_cast<std::size_t>(std::ceil(p * xs.size())) - 1];
    EXPECT_NEAR(h.quantile(p), exact, exact * LogHistogram::kRelativeError) << "p = " << p;
  }
}

TEST(LogHistogram, ResetForgetsEverything) {
  LogHistogram h;
  h.add(1.0);
  h.add(1e6);
  h.reset();
  EXPECT_EQ(h.count(), 0u);
  h.add(2.0);
  EXPECT_NEAR(h.quantile(0.5), 2.0, 2.0 * LogHistogram::kRelativeError);
}

TEST(LogHistogram, MergeAddsBucketsOverEitherRange) {
  // The parts' ranges overlap neither each other nor the target's: merging must grow it both ways.
  LogHistogram whole, middle, low, high;
  RandomStream s(4, 0, stream_id_for("test.histogram.merge"));
  for (int i = 0; i < 3000; ++i) {
    const double x = (1.0 + s.uniform()) * (i % 3 == 0 ? 1e-3 : i % 3 == 1 ? 1.0 : 1e3);
    whole.add(x);
    (i % 3 == 0 ? low : i % 3 == 1 ? middle : high).add(x);
  }
  whole.add(0.0);
  low.add(0.0);
  middle.merge(low);
  middle.merge(high);
  middle.merge(LogHistogram());
  EXPECT_EQ(middle.count(), whole.count());
  for (double p : {0.0, 0.001, 0.2, 0.34, 0.5, 0.67, 0.9, 1.0}) EXPECT_EQ(middle.quantile(p), whole.quantile(p)) << "p = " << p;
}

}  // namespace
}  // namespace desksim::sim
