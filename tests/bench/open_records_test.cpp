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

/// The same events at the same times; `with_records` also compares what the records were read to hold.
void expect_same_run(const OpenRecordsResult& a, const OpenRecordsResult& b, bool with_records, const char* what) {
  EXPECT_EQ(a.events, b.events) << what;
  EXPECT_EQ(a.mean_open, b.mean_open) << what;
  EXPECT_EQ(a.mean_open_hours, b.mean_open_hours) << what;
  EXPECT_EQ(a.peak_open, b.peak_open) << what;
  if (with_records) {
    EXPECT_EQ(a.checksum, b.checksum) << what;
  }
}

TEST(OpenRecords, PrefetchingLeavingOutTheRecordsOrTheKernelsQueueChangesNothingButTheTime) {
  OpenRecordsOptions o;
  o.tickets_per_hour = 50;
  o.mean_open_hours = 30;
  o.horizon_hours = 2000;
  const OpenRecordsResult plain = open_records_loop(o);
  EXPECT_GT(plain.checksum, 0u);
  o.prefetch_next = true;
  expect_same_run(open_records_loop(o), plain, true, "prefetched");
  o.kernel_queue = true;  // desksim's event queue: the same (time, sequence) order, so the same run
  expect_same_run(open_records_loop(o), plain, true, "desksim's queue, prefetched");
  o.prefetch_next = false;
  expect_same_run(open_records_loop(o), plain, true, "desksim's queue");
  o.records = false;  // the queue alone
  const OpenRecordsResult queue_only = open_records_loop(o);
  expect_same_run(queue_only, plain, false, "desksim's queue alone");
  EXPECT_EQ(queue_only.checksum, 0u);
  o.kernel_queue = false;
  expect_same_run(open_records_loop(o), plain, false, "the heap alone");
}

}  // namespace
}  // namespace desksim::bench
