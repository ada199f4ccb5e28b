#pragma once
// Models only emit signals ("a ticket waited w", "queue length is now n"); which statistics are
// recorded is declared elsewhere, by subscribing listeners (OMNeT++'s emit/subscribe split). A model
// therefore never names a collector, and a run that records nothing pays one empty-vector check.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <stdexcept>
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
  /// The same value on several signals (a figure overall, for the ticket's priority and for its
  /// channel). Listeners that record many signals override it to take them in one call.
  virtual void receive_each(std::span<const SignalId> signals, Time now, double value) {
    for (SignalId s : signals) receive(s, now, value);
  }
};

class SignalBus {
 public:
  /// A model declares each signal it emits, with its unit and meaning (its table of signals), and
  /// gets the id to emit on. Names are dotted paths such as "desk.wait"; declaring a name again (two
  /// models emitting the same signal) gives the same id.
  SignalId declare(std::string_view name, std::string_view unit, std::string_view meaning) {
    const SignalId id = signal(name);
    if (!declared_[id]) {
      declared_[id] = true;
      units_[id] = std::string(unit);  // (via a temporary: g++ 12 warns falsely on assign(string_view))
      meanings_[id] = std::string(meaning);
    }
    return id;
  }

  /// The id of the named signal, registering it undeclared on first use. Recorders use
  /// declared_signal() instead, so that a misspelt name is an error rather than a silent new signal.
  SignalId signal(std::string_view name) {
    for (SignalId i = 0; i < names_.size(); ++i)
      if (names_[i] == name) return i;
    names_.emplace_back(name);
    units_.emplace_back();
    meanings_.emplace_back();
    declared_.push_back(false);
    listeners_.emplace_back();
    sole_.push_back(nullptr);
    return static_cast<SignalId>(names_.size() - 1);
  }

  /// The id of a signal some model declared; throws std::invalid_argument naming it otherwise.
  SignalId declared_signal(std::string_view name) const {
    for (SignalId i = 0; i < names_.size(); ++i)
      if (names_[i] == name && declared_[i]) return i;
    throw std::invalid_argument("no model declares the signal \"" + std::string(name) + "\"");
  }

  const std::string& name(SignalId id) const { return names_.at(id); }
  const std::string& unit(SignalId id) const { return units_.at(id); }
  const std::string& meaning(SignalId id) const { return meanings_.at(id); }
  bool declared(SignalId id) const { return declared_.at(id); }
  std::size_t size() const { return names_.size(); }

  /// The listener must outlive the bus or be unsubscribed by destroying the bus first.
  void subscribe(SignalId id, SignalListener* listener) {
    listeners_.at(id).push_back(listener);
    sole_[id] = listeners_[id].size() == 1 ? listener : nullptr;
  }

  bool has_listeners(SignalId id) const { return !listeners_[id].empty(); }

  void emit(SignalId id, Time now, double value) const {
    if (SignalListener* l = sole_[id]) {
      l->receive(id, now, value);
      return;
    }
    for (SignalListener* l : listeners_[id]) l->receive(id, now, value);  // none, or several
  }

  /// Emits one value on several signals, e.g. {wait overall, wait of priority p}. When one listener
  /// takes them all (the usual case: the statistics recorder) it gets one call, not one per signal.
  /// (Measured with callgrind on the baseline, this saved little: the cost of recording is in the
  /// updates themselves, not in the calls.)
  void emit(std::initializer_list<SignalId> ids, Time now, double value) const {
    SignalListener* only = nullptr;
    for (SignalId id : ids) {
      SignalListener* l = sole_[id];
      if (l == nullptr && listeners_[id].empty()) continue;
      if (l == nullptr || (only != nullptr && l != only)) {  // several listeners: one call each
        for (SignalId each : ids) emit(each, now, value);
        return;
      }
      only = l;
    }
    if (only != nullptr) only->receive_each(std::span<const SignalId>(ids.begin(), ids.size()), now, value);
  }

 private:
  std::vector<std::string> names_, units_, meanings_;
  std::vector<bool> declared_;
  std::vector<std::vector<SignalListener*>> listeners_;
  // Each signal's listener when it has exactly one (the statistics recorder, usually), else nullptr:
  // emitting reads one flat array instead of a vector per signal, at some 33 emissions a ticket.
  std::vector<SignalListener*> sole_;
};

}  // namespace desksim::sim
