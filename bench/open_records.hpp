#pragma once
// The least a run with many tickets open can cost per ticket: a plain std::priority_queue event loop
// in which each ticket holds a record the size of desksim's per-ticket state while it is open and
// touches it at each of its events, and does nothing else. It is an M/E_k/infinity system: tickets
// arrive at `tickets_per_hour`, each stays open through `phases` exponential phases of mean
// mean_open_hours / phases, so that on average tickets_per_hour * mean_open_hours are open at once
// (Little's law). Scaled with desksim's users (the same arrivals and tickets open), it shows what the
// memory alone adds per ticket as the open records leave the caches: the floor under the
// "10x the tickets in at most 10.5x the time" target.
#include <cstddef>
#include <cstdint>

namespace desksim::bench {

/// The bytes a ticket holds while open: desksim's Ticket record (320) and its two suppliers' clocks
/// (2 x 56), rounded up to whole cache lines (bench/run_benches.cpp checks the sizes still fit).
inline constexpr std::size_t kOpenRecordBytes = 448;

struct OpenRecordsOptions {
  /// Poisson arrivals, tickets per hour. Must be > 0.
  double tickets_per_hour = 36.0;
  /// Mean time a ticket stays open, hours (Erlang with `phases` phases). Must be > 0.
  double mean_open_hours = 72.0;
  /// Events of a ticket after its arrival, each touching its record (desksim: about 5.8). At least 1.
  unsigned phases = 6;
  /// Arrivals stop at this time; the tickets still open then run to their end. Must be > 0.
  double horizon_hours = 8904.0;
  /// Hold and touch a record per ticket; false leaves the event heap alone (and the time each
  /// ticket opened), which separates the heap's growth with the events pending from the records'.
  bool records = true;
  /// Keep the events in desksim's own event queue (a 4-ary heap, the arrivals in a lane beside it)
  /// instead of the plain loop's std::priority_queue: the same events in the same order.
  bool kernel_queue = false;
  /// While an event runs, load the record of the event after it (as desksim does with many events
  /// pending), so that the miss overlaps this event's work.
  bool prefetch_next = false;
  std::uint64_t seed = 1;
};

struct OpenRecordsResult {
  std::uint64_t tickets = 0;
  std::uint64_t events = 0;
  /// Time average of the tickets open from `warmup_hours` (ten mean open times) to the horizon.
  double mean_open = 0;
  double warmup_hours = 0;
  /// Mean time open, hours, over every ticket.
  double mean_open_hours = 0;
  /// The most records in use at once.
  std::uint64_t peak_open = 0;
  /// Sum of a word of every record at each touch: keeps the loads from being optimised away.
  std::uint64_t checksum = 0;
};

OpenRecordsResult open_records_loop(const OpenRecordsOptions& options);

}  // namespace desksim::bench
