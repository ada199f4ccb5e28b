#pragma once
// Who serves at a station, behind one interface (as Discipline is for who is served next): which
// places are free, which server a repair takes, and how busy and on duty the servers are. A place is
// what one ticket holds while in service; its id (< places()) is the station's completion payload.
//   OneTicketServers   each server is one place (the desk, and resolver groups by default)
//   TicketsInHandPool  each person holds up to k tickets (ResolverGroup.tickets_in_hand > 1)
#include <cstdint>
#include <vector>

namespace desksim::models {

class ServerPool {
 public:
  virtual ~ServerPool() = default;
  /// Servers the roster (and any escalation capacity) puts on duty from now.
  virtual void set_on_duty(std::uint32_t servers) = 0;
  /// A place is free for a ticket now.
  virtual bool can_take() const = 0;
  /// Takes a free place; returns its id. Requires can_take().
  virtual std::uint32_t take() = 0;
  /// The ticket in `place` is done.
  virtual void release(std::uint32_t place) = 0;
  /// A server can be taken for a repair now.
  virtual bool can_repair() const = 0;
  /// Takes a whole server for a repair; returns the id end_repair takes. Requires can_repair().
  virtual std::uint32_t start_repair() = 0;
  virtual void end_repair(std::uint32_t id) = 0;
  /// Levels, in servers.
  virtual double busy() const = 0;
  virtual double on_duty() const = 0;
  /// Places there are: every id take() has returned is below this.
  virtual std::uint32_t places() const = 0;
};

/// Servers who each hold one ticket. A busy server stays on duty after the roster drops until its
/// ticket (or repair) is done; idle ones leave at once. Slot ids are handed out lowest first and
/// reused last-in first-out, so the order is deterministic.
class OneTicketServers final : public ServerPool {
 public:
  explicit OneTicketServers(std::uint32_t initial_servers);
  void set_on_duty(std::uint32_t servers) override;
  bool can_take() const override { return !idle_.empty(); }
  std::uint32_t take() override;
  void release(std::uint32_t slot) override;
  bool can_repair() const override { return !idle_.empty(); }
  std::uint32_t start_repair() override { return take(); }
  void end_repair(std::uint32_t slot) override { release(slot); }
  double busy() const override { return busy_; }
  double on_duty() const override { return on_duty_; }
  std::uint32_t places() const override { return slots_; }

 private:
  std::uint32_t slots_ = 0;
  std::vector<std::uint32_t> idle_, off_duty_;
  std::uint32_t on_duty_ = 0, target_ = 0, busy_ = 0;
};

}  // namespace desksim::models
