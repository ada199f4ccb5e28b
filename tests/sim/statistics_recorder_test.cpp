#include "sim/stats/statistics_recorder.hpp"

#include <gtest/gtest.h>

namespace desksim::sim {
namespace {

TEST(StatisticsRecorder, RecordsEachDeclaredKindAndRestartsAtWarmUpEnd) {
  SignalBus bus;
  using Kind = StatisticSpec::Kind;
  const SignalId wait = bus.declare("wait", "s", "a wait"), queue = bus.declare("queue", "tickets", "queue length"),
                 raised = bus.declare("raised", "1", "a ticket raised");
  StatisticsRecorder recorder(bus, {
                                       {"wait", Kind::kTally, "wait_minutes", 1.0 / 60, {1.0}},
                                       {"queue", Kind::kTimeAverage, "", 1.0, {}},
                                       {"raised", Kind::kCount, "", 1.0, {}},
                                       {"raised", Kind::kSumPerPeriod, "raised_per_10s", 1.0, {}, 10.0},
                                   });
  bus.emit(wait, 1.0, 600.0);  // warm-up observations, discarded
  bus.emit(queue, 2.0, 4.0);
  bus.emit(raised, 3.0, 1.0);
  recorder.start_measuring(10.0);
  bus.emit(wait, 11.0, 30.0);   // 0.5 minutes
  bus.emit(wait, 12.0, 90.0);   // 1.5 minutes
  bus.emit(queue, 14.0, 2.0);   // 4 over [10,14), 2 over [14,20)
  bus.emit(raised, 15.0, 1.0);
  bus.emit(raised, 25.0, 1.0);

  const auto r = recorder.recorded();
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].spec->output_name, "wait_minutes");
  EXPECT_EQ(r[0].tally->count(), 2u);
  EXPECT_DOUBLE_EQ(r[0].tally->mean(), 1.0);
  EXPECT_DOUBLE_EQ(r[0].tally->fraction_at_most(0), 0.5);
  EXPECT_EQ(r[1].spec->output_name, "queue");
  EXPECT_DOUBLE_EQ(r[1].time_average->mean(20.0), (4.0 * 4 + 2.0 * 6) / 10.0);
  EXPECT_EQ(r[2].count, 2u);
  // Per-period series keep the warm-up: one arrival in [0,10), one in [10,20), one in [20,30).
  EXPECT_EQ(r[3].series->values(), (std::vector<double>{1.0, 1.0, 1.0}));
  EXPECT_DOUBLE_EQ(recorder.measuring_since(), 10.0);
}

TEST(SignalBus, AGroupEmitRecordsExactlyWhatSeparateEmitsRecord) {
  SignalBus bus;
  using Kind = StatisticSpec::Kind;
  const SignalId all = bus.declare("wait", "s", "a wait"), p1 = bus.declare("wait.P1", "s", "a P1 wait"),
                 unrecorded = bus.declare("wait.P2", "s", "nobody records it"),
                 later = bus.declare("late", "s", "declared after the others, recorded by nobody");
  StatisticsRecorder recorder(bus, {{"wait", Kind::kTally, "", 1.0, {}},
                                    {"wait.P1", Kind::kTally, "", 1.0, {}},
                                    {"wait.P1", Kind::kProportion, "wait.P1.any", 1.0, {}}});
  bus.emit({all, p1}, 1.0, 1.0);
  bus.emit({all, unrecorded, later}, 2.0, 0.0);  // signals the recorder never saw: ignored, not a crash
  bus.emit(all, 3.0, 1.0);
  const auto r = recorder.recorded();
  EXPECT_EQ(r[0].tally->count(), 3u);
  EXPECT_DOUBLE_EQ(r[0].tally->mean(), 2.0 / 3.0);
  EXPECT_EQ(r[1].tally->count(), 1u);
  EXPECT_EQ(r[2].tally->count(), 1u);
  EXPECT_DOUBLE_EQ(r[2].tally->mean(), 1.0);
}

TEST(SignalBus, TwoListenersOfOneSignalEachGetEveryValue) {
  SignalBus bus;
  using Kind = StatisticSpec::Kind;
  const SignalId all = bus.declare("wait", "s", "a wait"), p1 = bus.declare("wait.P1", "s", "a P1 wait");
  StatisticsRecorder first(bus, {{"wait", Kind::kTally, "", 1.0, {}}, {"wait.P1", Kind::kTally, "", 1.0, {}}});
  StatisticsRecorder second(bus, {{"wait", Kind::kTally, "", 1.0, {}}});  // "wait" now has two listeners
  bus.emit({all, p1}, 1.0, 4.0);
  bus.emit({p1, all}, 2.0, 2.0);
  bus.emit(all, 3.0, 3.0);
  EXPECT_EQ(first.recorded()[0].tally->count(), 3u);
  EXPECT_DOUBLE_EQ(first.recorded()[0].tally->mean(), 3.0);
  EXPECT_EQ(first.recorded()[1].tally->count(), 2u);
  EXPECT_EQ(second.recorded()[0].tally->count(), 3u);
  EXPECT_DOUBLE_EQ(second.recorded()[0].tally->sum(), 9.0);
}

TEST(SignalBus, SameNameSameIdAndUnsubscribedSignalsCostNothing) {
  SignalBus bus;
  const SignalId a = bus.signal("a");
  EXPECT_EQ(bus.signal("b"), a + 1);
  EXPECT_EQ(bus.signal("a"), a);
  EXPECT_FALSE(bus.has_listeners(a));
  bus.emit(a, 0.0, 1.0);  // no listener: nothing happens
  EXPECT_EQ(bus.name(a), "a");
}

}  // namespace
}  // namespace desksim::sim

namespace desksim::sim {
namespace {

TEST(SignalBus, ARecorderNamingAnUndeclaredSignalIsAnErrorAtStartUp) {
  SignalBus bus;
  bus.declare("desk.wait", "s", "raised to answered");
  bus.signal("desk.queue");  // looked up but declared by no model
  std::vector<StatisticSpec> misspelt = {{"desk.wiat", StatisticSpec::Kind::kTally, "desk.wait_hours", 1.0, {}}};
  try {
    StatisticsRecorder recorder(bus, misspelt);
    FAIL() << "a misspelt signal was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("desk.wiat"), std::string::npos) << e.what();
  }
  std::vector<StatisticSpec> undeclared = {{"desk.queue", StatisticSpec::Kind::kTimeAverage, "q", 1.0, {}}};
  EXPECT_THROW(StatisticsRecorder(bus, undeclared), std::invalid_argument);
  std::vector<StatisticSpec> fine = {{"desk.wait", StatisticSpec::Kind::kTally, "desk.wait_hours", 1.0, {}}};
  EXPECT_NO_THROW(StatisticsRecorder(bus, fine));
  const SignalId id = bus.declared_signal("desk.wait");
  EXPECT_EQ(bus.unit(id), "s");
  EXPECT_EQ(bus.meaning(id), "raised to answered");
}

}  // namespace
}  // namespace desksim::sim
