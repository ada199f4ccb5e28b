// The kernel benchmark's two models of M/M/10 (bench/): the component on desksim's engine and the
// plain std::priority_queue loop must be the same model, event for event, for the ratio of their
// times to mean anything. Drawing the same random streams in the same order, they agree to the bit.
#include "bench/mmc_component.hpp"

#include <gtest/gtest.h>

#include "bench/plain_loop.hpp"
#include "sim/kernel/simgrid_runtime.hpp"

namespace desksim::bench {
namespace {

TEST(MmcComponent, IsThePlainLoopsModelToTheBit) {
  constexpr std::uint64_t kCustomers = 20000;
  sim::SimGridRuntime runtime;
  sim::EventKernel kernel(runtime);
  sim::SignalBus bus;
  const MmcComponentResult component = run_mmc_component(kernel, bus, 9, 1, 10, kCustomers, 7);
  const PlainLoopResult plain = plain_mmc_loop(9, 1, 10, kCustomers, 7);
  EXPECT_EQ(component.customers, kCustomers);
  EXPECT_EQ(component.served, kCustomers);
  EXPECT_EQ(component.events, plain.events);
  EXPECT_EQ(component.mean_wait_hours, plain.mean_wait_hours);  // the same sums in the same order
  EXPECT_GT(component.mean_wait_hours, 0.0);
}

}  // namespace
}  // namespace desksim::bench
