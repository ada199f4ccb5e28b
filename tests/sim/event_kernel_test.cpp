// The event kernel: time order, deterministic ties, SimGrid processes interleaved with heap events,
// horizon handling, fingerprints. Each test runs its simulation in a child process (one SimGrid
// engine per process).
#include "sim/kernel/event_kernel.hpp"

#include <gtest/gtest.h>

#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Semaphore.hpp>
#include <cmath>
#include <sstream>

#include "tests/support/in_child_process.hpp"

namespace desksim::sim {
namespace {

/// Records "name@time" for each event it receives.
class Recorder final : public EventHandler {
 public:
  Recorder(EventKernel& kernel, std::ostringstream& log, std::string name)
      : kernel_(kernel), log_(log), name_(std::move(name)), id_(kernel.add_handler(this, name_)) {}
  void on_event(Time now, std::uint64_t payload) override {
    log_ << name_ << payload << "@" << now << " ";
    if (next_ && payload < 3) kernel_.schedule_in(1.5, id_, payload + 1);
  }
  HandlerId id() const { return id_; }
  bool next_ = false;

 private:
  EventKernel& kernel_;
  std::ostringstream& log_;
  std::string name_;
  HandlerId id_;
};

TEST(EventKernel, ProcessesEventsInTimeOrderWithTiesInInsertionOrder) {
  const std::string log = testing::in_child_process([] {
    SimGridRuntime runtime;
    EventKernel kernel(runtime);
    std::ostringstream log;
    Recorder a(kernel, log, "a");
    kernel.schedule_at(5.0, a.id(), 1);
    kernel.schedule_at(2.0, a.id(), 2);
    kernel.schedule_at(5.0, a.id(), 3);  // same time as payload 1: after it
    kernel.schedule_at(1.0, a.id(), 4);
    kernel.run();
    log << "events=" << kernel.events_processed();
    return log.str();
  });
  EXPECT_EQ(log, "a4@1 a2@2 a1@5 a3@5 events=4");
}

TEST(EventKernel, SimGridActorsInterleaveWithHeapEventsAndSeeTheSameClock) {
  const std::string log = testing::in_child_process([] {
    SimGridRuntime runtime;
    EventKernel kernel(runtime);
    std::ostringstream log;
    Recorder heap(kernel, log, "h");
    kernel.schedule_at(3.0, heap.id(), 1);
    kernel.schedule_at(7.0, heap.id(), 2);
    kernel.spawn_actor("manager", [&] {
      kernel.sleep_until(5.0);
      log << "actor@" << simgrid::s4u::Engine::get_clock() << " ";
      kernel.schedule_at(6.0, heap.id(), 9);  // scheduled from SimGrid, before the heap's 7.0
      kernel.sleep_for(2.0);                  // ties with the heap event at 7: SimGrid first
      log << "actor@" << kernel.now() << " ";
    });
    kernel.run_until(10.0);
    log << "end@" << kernel.now() << " simgrid@" << simgrid::s4u::Engine::get_clock();
    return log.str();
  });
  EXPECT_EQ(log, "h1@3 actor@5 h9@6 actor@7 h2@7 end@10 simgrid@10");
}

/// Releases a semaphore from a ticket event, waking the actor blocked on it.
class Releaser final : public EventHandler {
 public:
  Releaser(EventKernel& kernel, simgrid::s4u::Semaphore* semaphore)
      : kernel_(kernel), semaphore_(semaphore), id_(kernel.add_handler(this, "release")) {}
  void on_event(Time, std::uint64_t) override {
    kernel_.run_in_simgrid([s = semaphore_] { s->release(); });
  }
  HandlerId id() const { return id_; }

 private:
  EventKernel& kernel_;
  simgrid::s4u::Semaphore* semaphore_;
  HandlerId id_;
};

TEST(EventKernel, ATicketEventWakesABlockedActorAtItsOwnTime) {
  const std::string log = testing::in_child_process([] {
    SimGridRuntime runtime;
    EventKernel kernel(runtime);
    std::ostringstream log;
    auto semaphore = simgrid::s4u::Semaphore::create(0);
    Releaser releaser(kernel, semaphore.get());
    Recorder heap(kernel, log, "h");
    kernel.schedule_at(3.0, releaser.id(), 0);
    kernel.schedule_at(4.0, heap.id(), 1);
    kernel.spawn_actor("waiter", [&] {
      kernel.sleep_until(1.0);
      semaphore->acquire();
      log << "woke@" << simgrid::s4u::Engine::get_clock() << " ";
      kernel.schedule_in(0.5, heap.id(), 2);  // scheduled from the actor at its own time
    });
    kernel.run_until(10.0);
    return log.str();
  });
  EXPECT_EQ(log, "woke@3 h2@3.5 h1@4 ");
}

// 29.04... + (109.58... - 29.04...) rounds to one ulp past 109.58... in double arithmetic: handed
// to SimGrid as they are, these dates make its clock overshoot the wake-up, and the actor's next
// step aborts the process ("You asked to simulate up to ..., but that's in the past already").
TEST(EventKernel, DatesWhoseDifferenceRoundsDoNotAbortSimGrid) {
  constexpr double c = 29.04078757486794, t = 109.5863798485657;
  static_assert(c + (t - c) > t);
  const std::string log = testing::in_child_process([] {
    SimGridRuntime runtime;
    EventKernel kernel(runtime);
    std::ostringstream log;
    Recorder heap(kernel, log, "h");
    kernel.schedule_at(t + 0.5, heap.id(), 1);
    kernel.spawn_actor("component", [&] {
      kernel.sleep_until(c);
      kernel.sleep_until(t);
      log << "woke>=t:" << (kernel.now() >= t) << " within1ms:" << (kernel.now() - t < kSimGridQuantum) << " ";
      kernel.sleep_for(1.0);
      log << "again ";
    });
    kernel.run_until(200.0);
    log << "simgrid@" << simgrid::s4u::Engine::get_clock();
    return log.str();
  });
  EXPECT_EQ(log, "woke>=t:1 within1ms:1 h1@110.086 again simgrid@200");
}

TEST(EventKernel, SimGridDatesAreOnAnExactGrid) {
  EXPECT_EQ(simgrid_date_at_or_after(2.0), 2.0);
  EXPECT_EQ(simgrid_date_at_or_after(1800.0 * 7919), 1800.0 * 7919);
  const double t = 109.5863798485657;
  const double g = simgrid_date_at_or_after(t);
  EXPECT_GE(g, t);
  EXPECT_LT(g - t, kSimGridQuantum);
  EXPECT_EQ(std::fmod(g, kSimGridQuantum), 0.0);
  // On the grid, SimGrid's clock step now + (date - now) is exact.
  const double c = simgrid_date_at_or_after(29.04078757486794);
  EXPECT_EQ(c + (g - c), g);
  const double far = simgrid_date_at_or_after(0.9 * kMaxSimGridDate);
  EXPECT_EQ(c + (far - c), far);
}

TEST(EventKernel, StopsAtTheHorizonAndBringsSimGridThere) {
  const std::string log = testing::in_child_process([] {
    SimGridRuntime runtime;
    EventKernel kernel(runtime);
    std::ostringstream log;
    Recorder a(kernel, log, "a");
    a.next_ = true;  // each event schedules the next one 1.5 s later, up to payload 3
    kernel.schedule_at(0.0, a.id(), 0);
    kernel.run_until(2.0);
    log << "| pending=" << kernel.pending_events() << " simgrid@" << simgrid::s4u::Engine::get_clock();
    return log.str();
  });
  EXPECT_EQ(log, "a0@0 a1@1.5 | pending=1 simgrid@2");
}

TEST(EventKernel, FingerprintIdentifiesTheTrajectory) {
  auto run = [](double second_time) {
    return testing::in_child_process([second_time] {
      SimGridRuntime runtime;
      EventKernel kernel(runtime);
      std::ostringstream ignored;
      Recorder a(kernel, ignored, "a");
      kernel.schedule_at(1.0, a.id(), 1);
      kernel.schedule_at(second_time, a.id(), 2);
      kernel.run();
      return std::to_string(kernel.fingerprint());
    });
  };
  EXPECT_EQ(run(2.0), run(2.0));
  EXPECT_NE(run(2.0), run(2.5));
}

/// Checks that each prefetch hint, given while an event is about to run, names the event after it.
class HintChecker final : public EventHandler {
 public:
  explicit HintChecker(EventKernel& kernel) : id_(kernel.add_handler(this, "hinted")) {}
  void prefetch(std::uint64_t payload) const override {
    ++hints_;
    hint_ = payload;
    hinted_ = true;
  }
  void on_event(Time, std::uint64_t payload) override {
    if (expecting_ && expected_ != payload) ++wrong_;
    expecting_ = hinted_;  // the hint given just before this event is about the next one
    expected_ = hint_;
    hinted_ = false;
    order_ok_ = order_ok_ && payload == next_;
    ++next_;
  }
  HandlerId id() const { return id_; }
  mutable std::uint64_t hints_ = 0, hint_ = 0;
  mutable bool hinted_ = false;
  std::uint64_t wrong_ = 0, next_ = 0, expected_ = 0;
  bool order_ok_ = true, expecting_ = false;

 private:
  HandlerId id_;
};

TEST(EventKernel, PrefetchesTheNextEventOnlyWhileManyArePending) {
  const std::string log = testing::in_child_process([] {
    SimGridRuntime runtime;
    EventKernel kernel(runtime);
    HintChecker handler(kernel);
    const std::uint64_t extra = 1000, n = EventKernel::kPrefetchFromPending + extra;
    for (std::uint64_t i = n; i-- > 0;) kernel.schedule_at(static_cast<Time>(i), handler.id(), i);
    kernel.run();
    std::ostringstream out;
    // At the k-th pop n - k + 1 events wait, the one to run included: hints for k = 1 .. extra + 1,
    // each the next to run.
    out << handler.hints_ << " " << handler.wrong_ << " " << handler.order_ok_ << " " << handler.next_;
    return out.str();
  });
  EXPECT_EQ(log, "1001 0 1 " + std::to_string(EventKernel::kPrefetchFromPending + 1000));
}

TEST(SimGridRuntime, RefusesASecondEngineInOneProcess) {
  const std::string result = testing::in_child_process([] {
    SimGridRuntime first;
    try {
      SimGridRuntime second;
    } catch (const std::logic_error& e) {
      return std::string("refused: ") + e.what();
    }
    return std::string("accepted");
  });
  EXPECT_EQ(result.rfind("refused: ", 0), 0u) << result;
}

}  // namespace
}  // namespace desksim::sim
