#include "sim/stats/statistics_recorder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sim/random/random_stream.hpp"

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

namespace desksim::sim {
namespace {

// A family as the models emit it: each value overall and for its priority, in one call.
struct Family {
  SignalBus bus;
  SignalId all = bus.declare("wait", "s", "a wait"), p1 = bus.declare("wait.P1", "s", "a P1 wait"),
           p2 = bus.declare("wait.P2", "s", "a P2 wait"), met = bus.declare("met", "1", "in time"),
           met1 = bus.declare("met.P1", "1", "P1 in time"), met2 = bus.declare("met.P2", "1", "P2 in time");
};

std::vector<StatisticSpec> union_and_direct_specs() {
  using Kind = StatisticSpec::Kind;
  std::vector<StatisticSpec> specs = {
      {"wait", Kind::kTally, "wait_min", 1.0 / 60, {1.0, 5.0}},  // the union
      {"wait", Kind::kTally, "wait_min.direct", 1.0 / 60, {1.0, 5.0}},
      {"wait.P1", Kind::kTally, "wait_min.P1", 1.0 / 60, {1.0, 5.0}},
      {"wait.P2", Kind::kTally, "wait_min.P2", 1.0 / 60, {1.0, 5.0}},
      {"met", Kind::kProportion, "met", 1.0, {}},  // the union
      {"met", Kind::kProportion, "met.direct", 1.0, {}},
      {"met.P1", Kind::kProportion, "met.P1", 1.0, {}},
      {"met.P2", Kind::kProportion, "met.P2", 1.0, {}},
  };
  specs[0].union_of = {"wait_min.P1", "wait_min.P2"};
  specs[4].union_of = {"met.P1", "met.P2"};
  return specs;
}

TEST(StatisticsRecorderUnion, GivesWhatRecordingTheSignalDirectlyGives) {
  Family f;
  StatisticsRecorder recorder(f.bus, union_and_direct_specs());
  RandomStream s(2, 0, stream_id_for("test.recorder.union"));
  for (int i = 0; i < 3000; ++i) {
    if (i == 500) recorder.start_measuring(500.0);  // the parts restart; so must the union
    const bool p1 = s.uniform() < 0.3;
    const double wait = -std::log(s.uniform()) * (p1 ? 60.0 : 600.0);
    f.bus.emit({f.all, p1 ? f.p1 : f.p2}, i, wait);
    f.bus.emit({f.met, p1 ? f.met1 : f.met2}, i, wait < 300.0 ? 1.0 : 0.0);
  }
  for (int read = 0; read < 2; ++read) {  // made again at each read, not added to
    const auto r = recorder.recorded();
    for (std::size_t u : {0u, 4u}) {
      const Tally &made = *r[u].tally, &direct = *r[u + 1].tally;
      ASSERT_EQ(made.count(), 2500u);
      EXPECT_EQ(made.count(), direct.count());
      EXPECT_NEAR(made.mean(), direct.mean(), 1e-13 * direct.mean());
      EXPECT_NEAR(made.variance(), direct.variance(), 1e-12 * direct.variance());
      EXPECT_EQ(made.min(), direct.min());
      EXPECT_EQ(made.max(), direct.max());
      for (std::size_t t = 0; t < direct.thresholds().size(); ++t)
        EXPECT_EQ(made.fraction_at_most(t), direct.fraction_at_most(t));
      EXPECT_EQ(made.keeps_distribution(), direct.keeps_distribution());
      if (direct.keeps_distribution()) {  // (a proportion has no quantiles)
        for (double p : Tally::kQuantileLevels) EXPECT_EQ(made.quantile(p), direct.quantile(p));
      }
    }
  }
}

TEST(StatisticsRecorderUnion, AValueEmittedOverallOnlyIsReportedAtReading) {
  Family f;
  StatisticsRecorder recorder(f.bus, union_and_direct_specs());
  f.bus.emit({f.all, f.p1}, 1.0, 60.0);
  f.bus.emit(f.all, 2.0, 60.0);  // in no part: the union would miss it
  try {
    recorder.recorded();
    FAIL() << "a union missing a value was read";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("\"wait_min\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("had 2 values and they have 1"), std::string::npos) << e.what();
  }
  Family twice;
  StatisticsRecorder counted_twice(twice.bus, union_and_direct_specs());
  twice.bus.emit({twice.all, twice.p1, twice.p2}, 1.0, 60.0);  // in two parts: counted twice
  EXPECT_THROW(counted_twice.recorded(), std::logic_error);
}

TEST(StatisticsRecorderUnion, EachConstraintOnThePartsIsNamed) {
  const std::pair<void (*)(std::vector<StatisticSpec>&), const char*> cases[] = {
      {[](auto& s) { s[0].union_of = {"wait_min.P1", "wait_min.P3"}; }, "\"wait_min.P3\", which no statistic is called"},
      {[](auto& s) { s[0].union_of = {"wait_min.P1", "wait_min.direct"}; }, "which is recorded from the same signal"},
      {[](auto& s) { s[0].union_of = {"wait_min.P1", "met.P1"}; }, "which is of another kind"},
      {[](auto& s) { s[2].scale = 1.0; }, "\"wait_min.P1\", which has another scale"},
      {[](auto& s) { s[3].thresholds = {1.0}; }, "\"wait_min.P2\", which has other thresholds"},
      {[](auto& s) { s[3].quantiles = false; }, "which keeps quantiles differently"},
      {[](auto& s) { s[0].union_of = {"wait_min.P1", "wait_min.P1"}; }, "\"wait_min.P1\", twice"},
      {[](auto& s) { s[2].union_of = {"wait_min.P2"}; }, "which is itself a union"},
      {[](auto& s) {
         s[0].kind = StatisticSpec::Kind::kCount;
         s[0].thresholds.clear();
       },
       "union_of is for tallies and proportions only"},
  };
  for (const auto& [change, message] : cases) {
    Family f;
    std::vector<StatisticSpec> specs = union_and_direct_specs();
    change(specs);
    try {
      StatisticsRecorder recorder(f.bus, specs);
      ADD_FAILURE() << "accepted; expected: " << message;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("statistic \""), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace desksim::sim
