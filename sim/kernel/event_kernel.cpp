#include "sim/kernel/event_kernel.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u/Actor.hpp>

namespace desksim::sim {

namespace {
constexpr Time kNever = std::numeric_limits<Time>::infinity();
}

std::size_t EventKernel::prefetch_from_pending_default_ = EventKernel::kPrefetchFromPending;

void EventKernel::set_prefetch_from_pending(std::size_t pending) {
  prefetch_from_pending_default_ = std::max<std::size_t>(pending, 1);  // a hint is about a next event
}

EventKernel::EventKernel(SimGridRuntime& runtime)
    : prefetch_from_pending_(prefetch_from_pending_default_), runtime_(runtime) {}

HandlerId EventKernel::add_handler(EventHandler* handler, std::string name) {
  if (handlers_.size() >= EventQueue::kMaxHandlers) throw std::length_error("EventKernel: too many event handlers");
  handlers_.push_back(Registered{handler, std::move(name)});
  return static_cast<HandlerId>(handlers_.size() - 1);
}

void EventKernel::simgrid_wakeup_at(Time t) {
  t = simgrid_date_at_or_after(t);
  agenda_.push(t);
  if (t < simgrid_due_) simgrid_due_ = t;
}

void EventKernel::refresh_simgrid_due() {
  const Time clock = SimGridRuntime::clock();
  while (!agenda_.empty() && agenda_.top() < clock) agenda_.pop();  // already reached
  simgrid_due_ = agenda_.empty() ? kNever : agenda_.top();
  const double timer = simgrid::kernel::timer::Timer::next();
  if (timer >= 0 && timer < simgrid_due_) simgrid_due_ = timer;
}

void EventKernel::advance_simgrid_to(Time t) {
  // Never a date behind SimGrid's clock, and always one on the exact grid (see time.hpp).
  t = std::max(simgrid_date_at_or_after(t), SimGridRuntime::clock());
  runtime_.seal();
  in_simgrid_ = true;
  runtime_.engine().run_until(t);
  in_simgrid_ = false;
  // Everything SimGrid had due at or before t has run: drop those agenda entries. The date is part of
  // the trajectory (failures, repairs, roster changes happen there), so it joins the fingerprint.
  while (!agenda_.empty() && agenda_.top() <= t) agenda_.pop();
  ++simgrid_advances_;
  fingerprint_.add(std::bit_cast<std::uint64_t>(t) ^ 0x5157u);
  now_ = t;
  refresh_simgrid_due();
}

void EventKernel::run_until(Time horizon) {
  stopped_ = false;
  refresh_simgrid_due();  // kernel timers set before the run
  while (!stopped_) {
    const Time next_event = queue_.empty() ? kNever : queue_.top().time;
    if (simgrid_due_ <= next_event && simgrid_due_ <= horizon && simgrid_due_ < kNever) {
      advance_simgrid_to(simgrid_due_);  // SimGrid first on ties; it may schedule ticket events
      continue;
    }
    if (queue_.empty() || next_event > horizon) break;
    const EventQueue::Event event = queue_.top();
    // Many events pending: their data has left the cache, and loading it ahead pays.
    const bool prefetch = queue_.heap_size() >= prefetch_from_pending_;
    queue_.pop(prefetch);
    now_ = event.time;
    fingerprint_.add(std::bit_cast<std::uint64_t>(event.time) ^
                     std::rotl((static_cast<std::uint64_t>(event.handler) << 48) ^ event.payload, 29));
    ++events_processed_;
    if (prefetch && !queue_.empty()) {
      const EventQueue::Event next = queue_.top();
      handlers_[next.handler].handler->prefetch(next.payload);
    }
    handlers_[event.handler].handler->on_event(now_, event.payload);
  }
  // Bring SimGrid's clock to where the run ended: the horizon if it is finite and was reached.
  const Time end = (!stopped_ && horizon != kNever) ? horizon : now_;
  if (end > SimGridRuntime::clock()) {
    advance_simgrid_to(end);
    now_ = end;  // SimGrid's grid date may lie a fraction of a microsecond past it
  }
}

void EventKernel::run_in_simgrid(std::function<void()> code) {
  if (in_simgrid_) {
    code();
    return;
  }
  // SimGrid has nothing due before now_ (else it would have run before this ticket event), so the
  // timer is its next event unless something else falls on the same grid date.
  const Time at = simgrid_date_at_or_after(now_);
  simgrid::kernel::timer::Timer::set(at, [code = std::move(code)] { code(); });
  simgrid_wakeup_at(at);
}

void EventKernel::sleep_until(Time t) {
  if (!in_simgrid_) throw std::logic_error("EventKernel::sleep_until called outside a SimGrid actor");
  t = std::max(simgrid_date_at_or_after(t), SimGridRuntime::clock());
  simgrid_wakeup_at(t);
  simgrid::s4u::this_actor::sleep_until(t);
}

void EventKernel::spawn_actor(const std::string& name, std::function<void()> code) {
  auto create = [this, name, code = std::move(code)]() mutable {
    simgrid::s4u::Actor::create(name, runtime_.control_host(), std::move(code));
  };
  if (in_simgrid_ || SimGridRuntime::clock() == now_) {
    simgrid_wakeup_at(now());
    create();
  } else {
    run_in_simgrid(std::move(create));  // so that it starts at now(), not at SimGrid's last date
  }
}

}  // namespace desksim::sim
