#pragma once
// The clock of one SLA (or OLA) target: working time consumed while running, paused otherwise, on a
// working calendar. Shared by the desk's end-to-end clocks and each supplier's own clocks in the
// resolver network, so that both measure time the same way.
#include "sim/calendar/working_calendar.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

struct SlaClock {
  sim::Time running_since = 0.0;  ///< valid while running
  sim::Time consumed = 0.0;       ///< working seconds consumed before running_since
  bool running = false;
  bool breached = false;
};

/// Working seconds consumed up to `now`.
inline sim::Time sla_elapsed(const SlaClock& clock, const sim::WorkingCalendar& calendar, sim::Time now) {
  if (!clock.running) return clock.consumed;
  return clock.consumed + calendar.working_time_between(clock.running_since, now);
}

/// Starts (or resumes) the clock at `now`; returns the instant the target would be reached, or a
/// negative value if the clock has already breached (no second breach).
inline sim::Time sla_start(SlaClock& clock, const sim::WorkingCalendar& calendar, double target, sim::Time now) {
  clock.running = true;
  clock.running_since = now;
  if (clock.breached) return -1.0;
  return calendar.add_working_time(now, target - clock.consumed);
}

/// Pauses the clock at `now` (no-op when not running).
inline void sla_stop(SlaClock& clock, const sim::WorkingCalendar& calendar, sim::Time now) {
  clock.consumed = sla_elapsed(clock, calendar, now);
  clock.running = false;
}

/// Met = never flagged as breached and the consumed time within the target (stopped clock).
inline bool sla_met(const SlaClock& clock, double target) { return !clock.breached && clock.consumed <= target; }

}  // namespace desksim::models
