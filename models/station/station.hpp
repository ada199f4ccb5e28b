#pragma once
// A station: a rostered multi-server queue, the same class for the level-1 desk and every resolver
// group. It holds servers (idle, busy, off duty; one leaving after its current ticket when the
// roster drops), a queue behind a Discipline, and engineers lent to infrastructure repairs (served
// before any ticket: a failed component is a P1). It serves a ticket for `ticket.work` seconds and
// reports when service starts and when it is done; it never decides where a ticket goes next.
//
// Who serves is a ServerPool (models/station/server_pool.hpp): servers who each hold one ticket, or,
// with `tickets_per_server` > 1 (a resolver group's tickets in hand), a TicketsInHandPool, where a
// ticket keeps its person's place until it is done, on duty or not. Levels count servers (people).
//
// Emits, on the ids it is given: the queue time of each service start (seconds), and the levels
// queue length, busy servers, servers on duty (including one finishing a ticket after the roster
// dropped, when each holds one ticket) and servers rostered (what staff cost is paid for) whenever
// they change.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "models/station/discipline.hpp"
#include "models/station/server_pool.hpp"
#include "models/ticket/lifecycle.hpp"
#include "models/ticket/ticket.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/signal_bus.hpp"

namespace desksim::models {

class StationListener {
 public:
  virtual ~StationListener() = default;
  /// A server has just started on `ticket` (state in service).
  virtual void on_service_start(std::uint16_t station, std::uint32_t ticket, sim::Time now) = 0;
  /// The server has finished `ticket` (still in service: the listener moves it on) and is free again.
  virtual void on_service_done(std::uint16_t station, std::uint32_t ticket, sim::Time now) = 0;
};

struct StationSignals {
  sim::SignalId queue_time;    ///< seconds from joining the queue to service start
  sim::SignalId queue_length;  ///< level
  sim::SignalId busy;          ///< level
  sim::SignalId on_duty;       ///< level
  sim::SignalId rostered;      ///< level: servers the roster (and any escalation capacity) puts on duty
};

class Station final : public sim::EventHandler {
 public:
  Station(sim::EventKernel& kernel, const sim::SignalBus& signals, TicketStore& tickets, Lifecycle& lifecycle,
          StationListener& listener, std::uint16_t index, const std::string& name, std::unique_ptr<Discipline> discipline,
          StationSignals ids, std::uint32_t initial_servers, std::uint32_t tickets_per_server = 1);

  /// `ticket` (with its work set) joins the station now: served at once when a server is idle,
  /// queued otherwise. Returns true if service started at once.
  bool arrive(std::uint32_t ticket, sim::Time now);
  /// A queued ticket leaves the queue into `to` (abandoned, away, cancelled).
  void withdraw(std::uint32_t ticket, TicketState to, sim::Time now);
  /// A queued ticket's rank changed (chased, priority raised): it is queued again under its new rank.
  void rerank(std::uint32_t ticket);
  /// Servers on duty from now (the pool says when busy ones leave).
  void set_servers(std::uint32_t servers, sim::Time now);

  /// An engineer for a repair: `on_start` runs when one is assigned (possibly at once). A repair
  /// takes a whole server (TicketsInHandPool says which, when servers hold several tickets).
  void request_repair(std::function<void()> on_start, sim::Time now);
  /// The repair is over: the engineer goes back to tickets.
  void release_repair(sim::Time now);

  void on_event(sim::Time now, std::uint64_t slot) override;  ///< end of a service
  /// A completion's payload is the server's slot: load the record of the ticket it serves.
  void prefetch(std::uint64_t slot) const override {
    if (slot < slot_ticket_.size()) tickets_.prefetch(slot_ticket_[slot]);
  }

  std::uint16_t index() const { return index_; }
  std::size_t waiting() const { return waiting_; }

 private:
  void start_service(std::uint32_t ticket, sim::Time now);
  void dispatch(sim::Time now);
  void emit_levels(sim::Time now);

  sim::EventKernel& kernel_;
  const sim::SignalBus& signals_;
  TicketStore& tickets_;
  Lifecycle& lifecycle_;
  StationListener& listener_;
  std::uint16_t index_;
  sim::HandlerId completion_;
  std::unique_ptr<Discipline> discipline_;
  StationSignals ids_;
  std::unique_ptr<ServerPool> servers_;
  std::uint32_t next_token_ = 1;
  std::size_t waiting_ = 0;
  std::vector<std::uint32_t> slot_ticket_;
  std::uint32_t rostered_ = 0;
  std::size_t emitted_waiting_ = 0;
  double emitted_busy_ = 0, emitted_on_duty_ = 0;
  bool rostered_emitted_ = false;
  std::deque<std::function<void()>> repairs_waiting_;
  std::vector<std::uint32_t> repairing_;  ///< ids from ServerPool::start_repair
};

}  // namespace desksim::models
