#include "bench/open_records.hpp"

#include <algorithm>
#include <queue>
#include <vector>

#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/large_array_allocator.hpp"
#include "sim/random/distribution.hpp"
#include "sim/random/random_stream.hpp"

namespace desksim::bench {

namespace {

constexpr std::size_t kLine = 64;
constexpr std::size_t kLines = kOpenRecordBytes / kLine;
constexpr std::size_t kWordsPerLine = kLine / sizeof(std::uint64_t);

struct alignas(64) Record {
  std::uint64_t words[kLines][kWordsPerLine];
};
static_assert(sizeof(Record) == kOpenRecordBytes);

constexpr std::uint32_t kArrival = UINT32_MAX;

struct Event {
  double time;
  std::uint32_t record;  ///< kArrival for the next arrival
  std::uint32_t phase;
};

/// The reference: a binary heap of (time, sequence), std::priority_queue.
class PlainHeap {
 public:
  void push(double time, std::uint32_t record, std::uint32_t phase) { heap_.push(Entry{{time, record, phase}, sequence_++}); }
  bool empty() const { return heap_.empty(); }
  const Event& top() const { return heap_.top().event; }
  void pop() { heap_.pop(); }

 private:
  struct Entry {
    Event event;
    std::uint64_t sequence;
    bool operator>(const Entry& o) const {
      return event.time > o.event.time || (event.time == o.event.time && sequence > o.sequence);
    }
  };
  std::priority_queue<Entry, std::vector<Entry, sim::LargeArrayAllocator<Entry>>, std::greater<Entry>> heap_;
  std::uint64_t sequence_ = 0;
};

/// desksim's own event queue (sim/kernel/event_queue.hpp): a 4-ary heap, with the arrivals, which
/// come in time order, in a FIFO lane beside it as desksim's demand puts them. The same (time,
/// sequence) order as PlainHeap, so the same run.
class KernelQueue {
 public:
  void push(double time, std::uint32_t record, std::uint32_t phase) {
    const std::uint64_t payload = (std::uint64_t{record} << 32) | phase;
    if (record == kArrival) queue_.push(time, payload, 0, arrivals_);
    else queue_.push(time, payload, 0);
  }
  bool empty() const { return queue_.empty(); }
  Event top() const {
    const auto e = queue_.top();
    return Event{e.time, static_cast<std::uint32_t>(e.payload >> 32), static_cast<std::uint32_t>(e.payload)};
  }
  void pop() { queue_.pop(queue_.heap_size() >= 16384); }  // EventKernel::kPrefetchFromPending

 private:
  sim::EventQueue queue_;
  sim::EventQueue::LaneId arrivals_ = queue_.add_lane();
};

/// The line an event of `phase` writes besides the first: a different one at each phase, as the
/// flow's steps read different parts of a ticket.
std::size_t line_of(std::uint32_t phase) { return 1 + phase % (kLines - 1); }

template <typename Queue>
OpenRecordsResult run_loop(const OpenRecordsOptions& o, Queue& heap) {
  sim::RandomStream arrivals(o.seed, 0, sim::stream_id_for("open_records.arrivals"));
  sim::RandomStream phases(o.seed, 0, sim::stream_id_for("open_records.phases"));
  const double mean_gap = 1.0 / o.tickets_per_hour, mean_phase = o.mean_open_hours / o.phases;
  // The same containers desksim keeps its records and its heap in: huge pages once they are big.
  std::vector<Record, sim::LargeArrayAllocator<Record>> records;
  std::vector<std::uint32_t> free_records;  // last released, first reused, as TicketStore does
  std::vector<double> opened_at;

  OpenRecordsResult r;
  r.warmup_hours = std::min(10.0 * o.mean_open_hours, o.horizon_hours / 2);
  std::uint64_t open = 0;
  double last_change = 0, open_area = 0, open_hours_sum = 0;
  const auto open_changes = [&](double now, int by) {
    const double from = std::max(last_change, r.warmup_hours), to = std::min(now, o.horizon_hours);
    if (to > from) open_area += static_cast<double>(open) * (to - from);
    last_change = now;
    open = static_cast<std::uint64_t>(static_cast<std::int64_t>(open) + by);
    r.peak_open = std::max(r.peak_open, open);
  };

  heap.push(sim::sample_exponential(arrivals, mean_gap), kArrival, 0);
  while (!heap.empty()) {
    const Event e = heap.top();
    heap.pop();
    ++r.events;
    if (o.records && o.prefetch_next && !heap.empty()) {
      const Event next = heap.top();
      if (next.record != kArrival) {
        __builtin_prefetch(&records[next.record].words[0][0], 1);
        __builtin_prefetch(&records[next.record].words[line_of(next.phase)][0], 1);
      }
    }
    if (e.record == kArrival) {
      if (e.time >= o.horizon_hours) continue;
      std::uint32_t i;
      if (free_records.empty()) {
        i = static_cast<std::uint32_t>(opened_at.size());
        if (o.records) records.emplace_back();
        opened_at.push_back(0);
      } else {
        i = free_records.back();
        free_records.pop_back();
      }
      if (o.records) {
        Record& record = records[i];  // a new ticket writes its whole record
        for (std::size_t line = 0; line < kLines; ++line)
          std::fill(std::begin(record.words[line]), std::end(record.words[line]), r.tickets + line);
      }
      opened_at[i] = e.time;
      ++r.tickets;
      open_changes(e.time, +1);
      heap.push(e.time + sim::sample_exponential(arrivals, mean_gap), kArrival, 0);
      heap.push(e.time + sim::sample_exponential(phases, mean_phase), i, 1);
      continue;
    }
    if (o.records) {
      Record& record = records[e.record];  // what the ticket is: read at every event
      r.checksum += record.words[0][0];
      record.words[0][1] = e.phase;
      record.words[line_of(e.phase)][e.phase % kWordsPerLine] += 1;  // the part this step works on
    }
    if (e.phase < o.phases) {
      heap.push(e.time + sim::sample_exponential(phases, mean_phase), e.record, e.phase + 1);
    } else {
      open_hours_sum += e.time - opened_at[e.record];
      open_changes(e.time, -1);
      free_records.push_back(e.record);
    }
  }
  r.mean_open = open_area / (o.horizon_hours - r.warmup_hours);
  r.mean_open_hours = r.tickets ? open_hours_sum / static_cast<double>(r.tickets) : 0;
  return r;
}

}  // namespace

OpenRecordsResult open_records_loop(const OpenRecordsOptions& o) {
  if (o.kernel_queue) {
    KernelQueue queue;
    return run_loop(o, queue);
  }
  PlainHeap heap;
  return run_loop(o, heap);
}

}  // namespace desksim::bench
