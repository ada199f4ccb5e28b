// The floor model of the users series (bench/open_records.hpp) must hold as many tickets open as it
// is scaled to, or its cost per ticket says nothing about desksim's. It is M/E_k/infinity: by
// Little's law lambda * m tickets are open on average, and each stays open a mean of m.
#include "bench/open_records.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace desksim::bench {
namespace {

TEST(OpenRecords, HoldsLittlesLawsTicketsOpenForTheirMeanTime) {
  OpenRecordsOptions o;
  o.tickets_per_hour = 10;
  o.mean_open_hours = 20;
  o.phases = 6;
  o.horizon_hours = 20000;
  const OpenRecordsResult r = open_records_loop(o);

  const double lambda = o.tickets_per_hour, m = o.mean_open_hours, k = o.phases;
  const double measured_hours = o.horizon_hours - r.warmup_hours;
  // The number open in M/G/infinity is Poisson(lambda m) with autocovariance integrating to
  // lambda E[S^2], so a time average over T has variance lambda E[S^2] / T; Erlang-k: E[S^2] = m^2 (1 + 1/k).
  const double open_sd = std::sqrt(lambda * m * m * (1 + 1 / k) / measured_hours);
  EXPECT_NEAR(r.mean_open, lambda * m, 4 * open_sd) << "sd " << open_sd;
  // Each ticket's time open is Erlang-k with mean m: standard deviation m / sqrt(k).
  const double hours_sd = m / std::sqrt(k) / std::sqrt(static_cast<double>(r.tickets));
  EXPECT_NEAR(r.mean_open_hours, m, 4 * hours_sd) << "sd " << hours_sd;
  // Arrivals are Poisson(lambda T); every ticket has its arrival and k more events, and one event
  // more is the arrival drawn past the horizon.
  EXPECT_NEAR(static_cast<double>(r.tickets), lambda * o.horizon_hours, 4 * std::sqrt(lambda * o.horizon_hours));
  EXPECT_EQ(r.events, r.tickets * (1 + o.phases) + 1);
  EXPECT_GT(r.peak_open, static_cast<std::uint64_t>(lambda * m));
}

TEST(OpenRecords, PrefetchingLeavingOutTheRecordsOrTheKernelsQueueChangesNothingButTheTime) {
  OpenRecordsOptions o;
  o.tickets_per_hour = 50;
  o.mean_open_hours = 30;
  o.horizon_hours = 2000;
  const OpenRecordsResult plain = open_records_loop(o);
  o.prefetch_next = true;
  const OpenRecordsResult prefetched = open_records_loop(o);
  EXPECT_EQ(plain.events, prefetched.events);
  EXPECT_EQ(plain.checksum, prefetched.checksum);
  EXPECT_EQ(plain.mean_open, prefetched.mean_open);
  EXPECT_EQ(plain.peak_open, prefetched.peak_open);
  o.prefetch_next = false;
  o.kernel_queue = true;  // desksim's event queue: the same order, so the same run
  const OpenRecordsResult kernel = open_records_loop(o);
  EXPECT_EQ(kernel.events, plain.events);
  EXPECT_EQ(kernel.checksum, plain.checksum);
  EXPECT_EQ(kernel.mean_open, plain.mean_open);
  EXPECT_EQ(kernel.mean_open_hours, plain.mean_open_hours);
  o.kernel_queue = false;
  o.records = false;  // the heap alone: the same events at the same times
  const OpenRecordsResult heap_only = open_records_loop(o);
  EXPECT_EQ(heap_only.events, plain.events);
  EXPECT_EQ(heap_only.mean_open, plain.mean_open);
  EXPECT_EQ(heap_only.mean_open_hours, plain.mean_open_hours);
  EXPECT_EQ(heap_only.checksum, 0u);
  EXPECT_GT(plain.checksum, 0u);
}

}  // namespace
}  // namespace desksim::bench
