#pragma once
// The event kernel: an event queue (sim/kernel/event_queue.hpp) for high-volume ticket events, with
// SimGrid owning the clock and everything that is not a ticket event (actors, host state profiles,
// kernel timers).
//
// Why a two-level design: measured on the 2-core target machine, M/M/10 with 10^6 customers costs
// 0.12 s as a plain priority-queue loop, 0.64 s as SimGrid kernel timers, 2.7-4.2 s as S4U actors, and
// 0.41 s if SimGrid's run_until(t) is called before every event. So ticket events live in the heap
// below and SimGrid is advanced only when it has something due before the next ticket event: the
// kernel keeps an agenda of the dates at which SimGrid-side processes wake up (registered through
// `simgrid_wakeup_at`, `sleep_until` and `spawn_actor`) and also asks SimGrid's own timer queue
// whenever SimGrid has run (a kernel timer set from a ticket event must be announced with
// simgrid_wakeup_at).
// SimGrid's clock is therefore always exactly the date of the last SimGrid event, and is brought to
// the horizon at the end of the run; ticket events read the time from `now()`.
//
// Every date the kernel hands SimGrid (sleeps, wake-ups, `run_until` targets) is first put on the
// exact grid of sim/kernel/time.hpp (rounded up, so nothing happens before it was asked for). This
// is what keeps SimGrid's clock from rounding past a requested date and aborting; no call site
// needs to care.
//
// Ordering is total and deterministic: events are ordered by (time, insertion sequence); when a
// SimGrid event and a ticket event fall at the same time, SimGrid runs first.
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <string>
#include <vector>

#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/fingerprint.hpp"
#include "sim/kernel/simgrid_runtime.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::sim {

using HandlerId = std::uint32_t;

/// Something that reacts to its own scheduled events. One handler usually serves one kind of event
/// of one model (e.g. "desk: ticket arrives"); the payload says which ticket or agent it concerns.
class EventHandler {
 public:
  virtual ~EventHandler() = default;
  virtual void on_event(Time now, std::uint64_t payload) = 0;
  /// A hint, called for the next event while the current one runs: start loading what on_event
  /// will read for this payload (e.g. the ticket's record), so that the memory's latency overlaps
  /// with the current event's work. It must not change any state.
  virtual void prefetch(std::uint64_t /*payload*/) const {}
};

class EventKernel {
 public:
  explicit EventKernel(SimGridRuntime& runtime);

  /// Registers a handler; the returned id is used to schedule its events. The name is for traces.
  HandlerId add_handler(EventHandler* handler, std::string name);
  const std::string& handler_name(HandlerId id) const { return handlers_.at(id).name; }

  /// Schedules a ticket event at absolute time t (t >= now()).
  void schedule_at(Time t, HandlerId handler, std::uint64_t payload) { queue_.push(t, payload, handler); }
  /// A lane (event_queue.hpp) for a stream of events a model schedules in time order, mostly: the
  /// next arrival, closing a fixed delay after resolution, the SLA deadline of one priority. A lane
  /// keeps them out of the heap; it changes nothing in the order events run.
  EventQueue::LaneId add_lane() { return queue_.add_lane(); }
  /// Schedules in `lane` (an event out of the lane's order still runs at its time, from the heap).
  void schedule_at(Time t, HandlerId handler, std::uint64_t payload, EventQueue::LaneId lane) {
    queue_.push(t, payload, handler, lane);
  }
  void schedule_in(Time delay, HandlerId handler, std::uint64_t payload) { schedule_at(now() + delay, handler, payload); }

  /// Current simulation time in seconds.
  Time now() const { return in_simgrid_ ? SimGridRuntime::clock() : now_; }

  /// Processes events in time order until the next one is after `horizon`, no event is left, or
  /// stop() is called. On return SimGrid's clock equals now().
  void run_until(Time horizon);
  void run() { run_until(std::numeric_limits<Time>::infinity()); }
  /// Ends run_until() after the current event.
  void stop() { stopped_ = true; }

  // --- SimGrid side -------------------------------------------------------------------------------
  /// Tells the kernel that SimGrid has something due at absolute time t (a state-profile event, an
  /// actor waking up). Without it the kernel would not advance SimGrid before later ticket events.
  void simgrid_wakeup_at(Time t);
  /// Runs `code` inside SimGrid at the current time: at once from actor code, and from a ticket
  /// event as a SimGrid timer at the first grid date at or after now(). Use it for anything that
  /// makes an actor ready (releasing a semaphore it waits on), so that the actor resumes at this
  /// instant rather than at SimGrid's last date, in order with SimGrid's own events.
  void run_in_simgrid(std::function<void()> code);
  /// For actor code: sleep until t, registering the wake-up.
  void sleep_until(Time t);
  void sleep_for(Time delay) { sleep_until(now() + delay); }
  /// Starts a low-frequency process as a SimGrid actor on the control host. It starts at now() (on
  /// SimGrid's grid).
  void spawn_actor(const std::string& name, std::function<void()> code);

  SimGridRuntime& runtime() { return runtime_; }
  std::uint64_t events_processed() const { return events_processed_; }
  std::uint64_t simgrid_advances() const { return simgrid_advances_; }
  std::size_t pending_events() const { return queue_.size(); }
  std::uint64_t fingerprint() const { return fingerprint_.value(); }

  /// The next event is prefetched (EventHandler::prefetch), and so are the entries past a lane's
  /// head (EventQueue::pop), while at least this many wait in the heap. Prefetching pays when what
  /// pending events refer to no longer fits in the caches, and costs a call per event when it does: measured, 10% less CPU at 440,000 users (41,000 events in
  /// the heap; A/B against the same build without it), some 2% more at the baseline's 4,100 and on
  /// M/M/10 when it was always on. The heap's size is the kernel's measure of that working set.
  static constexpr std::size_t kPrefetchFromPending = 16384;
  /// Sets the threshold (at least 1) for kernels created from now on in this process and in
  /// processes forked from it: tests set 1 to run every handler's prefetch and check that it changes
  /// no trajectory.
  static void set_prefetch_from_pending(std::size_t pending);

 private:
  static std::size_t prefetch_from_pending_default_;
  const std::size_t prefetch_from_pending_;
  struct Registered {
    EventHandler* handler;
    std::string name;
  };

  /// Recomputes simgrid_due_ from the agenda and SimGrid's kernel timers. Called when SimGrid has
  /// run (only then can its timers have changed), not per event: the per-event check is one compare.
  void refresh_simgrid_due();
  void advance_simgrid_to(Time t);

  SimGridRuntime& runtime_;
  EventQueue queue_;
  std::priority_queue<Time, std::vector<Time>, std::greater<Time>> agenda_;
  std::vector<Registered> handlers_;
  Fingerprint fingerprint_;
  Time simgrid_due_ = std::numeric_limits<Time>::infinity();  // earliest date SimGrid has work
  Time now_ = 0.0;
  std::uint64_t events_processed_ = 0;
  std::uint64_t simgrid_advances_ = 0;
  bool stopped_ = false;
  bool in_simgrid_ = false;
};

}  // namespace desksim::sim
