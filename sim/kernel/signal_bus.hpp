#pragma once
// Models only emit signals ("a ticket waited w", "queue length is now n"); which statistics are
// recorded is declared elsewhere, by subscribing listeners (OMNeT++'s emit/subscribe split). A model
// therefore never names a collector, and a run that records nothing pays one empty-vector check.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/kernel/time.hpp"

namespace desksim::sim {

using SignalId = std::uint32_t;

/// Receives the values emitted on the signals it subscribed to.
class SignalListener {
 public:
  virtual ~SignalListener() = default;
  virtual void receive(SignalId signal, Time now, double value) = 0;
};

class SignalBus {
 public:
  /// Returns the id of the named signal, registering it on first use. Names are dotted paths such as
  /// "desk.wait"; the same name always gives the same id within one bus.
  SignalId signal(std::string_view name) {
    for (SignalId i = 0; i < names_.size(); ++i)
      if (names_[i] == name) return i;
    names_.emplace_back(name);
    listeners_.emplace_back();
    return static_cast<SignalId>(names_.size() - 1);
  }

  const std::string& name(SignalId id) const { return names_.at(id); }
  std::size_t size() const { return names_.size(); }

  /// The listener must outlive the bus or be unsubscribed by destroying the bus first.
  void subscribe(SignalId id, SignalListener* listener) { listeners_.at(id).push_back(listener); }

  bool has_listeners(SignalId id) const { return !listeners_[id].empty(); }

  void emit(SignalId id, Time now, double value) const {
    for (SignalListener* l : listeners_[id]) l->receive(id, now, value);
  }

 private:
  std::vector<std::string> names_;
  std::vector<std::vector<SignalListener*>> listeners_;
};

}  // namespace desksim::sim
