#include "models/station/discipline.hpp"

#include <algorithm>

namespace desksim::models {

namespace {

/// Ranked FIFO lanes: the lowest non-empty lane is served first. Ranks are small integers, so a
/// vector of deques costs a few instructions per ticket.
class LaneDiscipline : public Discipline {
 public:
  explicit LaneDiscipline(std::size_t lanes) : lanes_(lanes) {}
  void push(const Ticket& ticket, QueueEntry entry) override { lanes_[rank(ticket)].push_back(entry); }
  bool pop(QueueEntry* entry) override {
    for (auto& lane : lanes_)
      if (!lane.empty()) {
        *entry = lane.front();
        lane.pop_front();
        return true;
      }
    return false;
  }

 protected:
  virtual std::size_t rank(const Ticket& ticket) const = 0;

 private:
  std::vector<std::deque<QueueEntry>> lanes_;
};

/// Chased tickets ahead of unchased ones, otherwise arrival order.
class Fifo final : public LaneDiscipline {
 public:
  Fifo() : LaneDiscipline(2) {}
  std::size_t rank(const Ticket& t) const override { return t.chased ? 0 : 1; }
};

/// Per priority k two lanes: [chased tickets promoted from k + 1 (and chased P1s), unchased k]. A
/// chased ticket is served as if one priority higher, ahead of that priority's unchased tickets.
/// (Ahead of its own priority only would change nothing: the chase comes a fixed time after the
/// visit began, so within a FIFO priority lane the chased tickets are already the oldest.)
class Priority final : public LaneDiscipline {
 public:
  Priority() : LaneDiscipline(2 * 4) {}
  std::size_t rank(const Ticket& t) const override {
    const std::size_t level = t.chased ? std::max(1, t.queue_priority - 1) : t.queue_priority;
    return 2 * (level - 1u) + (t.chased ? 0 : 1);
  }
};

/// Priority first; within a priority live contacts before portal and email.
class LiveFirst final : public LaneDiscipline {
 public:
  explicit LiveFirst(std::vector<bool> live) : LaneDiscipline(2 * 4), live_(std::move(live)) {}
  std::size_t rank(const Ticket& t) const override {
    const bool live = t.channel < live_.size() && live_[t.channel];
    return 2 * (t.queue_priority - 1u) + (live ? 0 : 1);
  }

 private:
  std::vector<bool> live_;
};

class EarliestDeadline final : public Discipline {
 public:
  void push(const Ticket& ticket, QueueEntry entry) override { heap_.push(Keyed{ticket.deadline, next_++, entry}); }
  bool pop(QueueEntry* entry) override {
    if (heap_.empty()) return false;
    *entry = heap_.top().entry;
    heap_.pop();
    return true;
  }

 private:
  struct Keyed {
    double deadline;
    std::uint64_t order;
    QueueEntry entry;
    bool operator>(const Keyed& o) const { return deadline > o.deadline || (deadline == o.deadline && order > o.order); }
  };
  std::priority_queue<Keyed, std::vector<Keyed>, std::greater<Keyed>> heap_;
  std::uint64_t next_ = 0;
};

}  // namespace

std::unique_ptr<Discipline> make_discipline(DisciplineKind kind, std::vector<bool> live_channel) {
  switch (kind) {
    case DisciplineKind::kFifo: return std::make_unique<Fifo>();
    case DisciplineKind::kPriority: return std::make_unique<Priority>();
    case DisciplineKind::kLiveFirst: return std::make_unique<LiveFirst>(std::move(live_channel));
    case DisciplineKind::kEarliestDeadline: return std::make_unique<EarliestDeadline>();
  }
  return std::make_unique<Fifo>();
}

}  // namespace desksim::models
