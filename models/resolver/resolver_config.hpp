#pragma once
// The resolver network of a scenario converted once into engine units (seconds, indices,
// cumulative probabilities). Built only from a scenario that passed validate_scenario.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/desk/service_desk_config.hpp"
#include "models/station/discipline.hpp"
#include "models/ticket/ticket.hpp"
#include "sim/random/distribution.hpp"

namespace desksim::models {

// kMaxSuppliers: models/ticket/ticket.hpp (a ticket keeps one clock per supplier).
inline constexpr std::size_t kMaxResolverGroups = 200;

struct AttainmentBandConfig {
  double below_share = 0.0;  ///< attainment threshold as a share (0.95 for 95%)
  double credit_share = 0.0; ///< credit as a share of the monthly fee
};

struct SupplierConfig {
  std::string name;
  bool applications = false;  ///< tower
  double credit_per_breached_ticket = 0.0;  // pounds
  double monthly_fee = 0.0;                 // pounds
  std::vector<AttainmentBandConfig> bands;
  std::array<SlaTargetConfig, kPriorities> sla{};  ///< this supplier's targets (calendar index into ServiceDeskConfig::calendars)
  /// Whether its clocks pause while waiting on the user, a vendor, a change.
  std::array<bool, 3> pauses = {true, false, false};
  /// Credit for a month with `resolved` tickets of which `breached` missed the resolution target.
  double month_credit(std::uint64_t resolved, std::uint64_t breached) const;
};

/// Cumulative choice among groups.
struct GroupChoice {
  std::vector<std::uint16_t> groups;
  std::vector<double> probability;  ///< per entry
  std::vector<double> cumulative;   ///< normalised, last = 1
};

enum class OlaEffect : std::uint8_t { kNone, kExtraCapacity, kPriorityRaise };

struct WaitingRuleConfig {
  TicketState state = TicketState::kWaitingOnUser;
  double probability = 0.0;
  sim::Distribution duration = sim::Distribution::deterministic(0.0);  // seconds
  bool has_resume_work = false;
  sim::Distribution resume_work = sim::Distribution::deterministic(0.0);  // seconds
};

struct ResolverGroupConfig {
  std::string name;
  std::uint8_t supplier = 0;
  int level = 2;
  std::uint32_t servers = 0;           ///< people (without a roster)
  std::vector<std::uint32_t> roster;  ///< people per half-hour: 336 values or empty
  std::uint32_t tickets_in_hand = 1;  ///< places per person (scenario ResolverGroup.tickets_in_hand)
  std::vector<sim::Distribution> work;  ///< seconds; [0] is the default
  std::vector<std::uint16_t> work_index;  ///< [category * 4 + priority - 1] -> index into work
  DisciplineKind discipline = DisciplineKind::kPriority;
  double escalation_probability = 0.0;
  GroupChoice escalation_targets;
  double reassignment_probability = 0.0;
  std::vector<std::uint16_t> transfer_groups;
  /// Decision table after a visit: [0] escalation, [1] escalation + reassignment, then one
  /// cumulative bound per transfer; a draw above the last bound means resolved.
  std::vector<double> decision_bounds;
  bool has_ola = false;
  std::array<double, kPriorities> ola_target_seconds{};
  double chase_share = 0.0;
  std::size_t ola_calendar = 0;
  OlaEffect effect = OlaEffect::kNone;
  std::uint32_t extra_servers = 0;
  double extra_seconds = 0.0;
  std::uint32_t raise_levels = 0;
  std::vector<WaitingRuleConfig> waiting;
  /// [category * 4 + priority - 1] -> the rules that apply (at most one per state), in state order.
  std::vector<std::vector<std::uint16_t>> waiting_for;
  /// Cumulative probabilities of those rules, divided by their sum when it exceeds 1 (by rounding).
  std::vector<std::vector<double>> waiting_cumulative;
  bool has_handover_work = false;
  sim::Distribution handover_work = sim::Distribution::deterministic(0.0);  // seconds
  bool has_later_work = false;
  sim::Distribution later_work = sim::Distribution::deterministic(0.0);  // seconds

  std::uint32_t servers_at(double t, double hour_of_week_offset) const;
  std::uint32_t max_servers() const;
};

struct CategoryRouteConfig {
  GroupChoice first;
  bool bypass_desk = false;
  /// Cumulative probabilities of 0, 1, 2, ... misroutes, when the count is drawn up front; empty otherwise.
  std::vector<double> misroute_count_cumulative;
};

struct ResolverNetworkConfig {
  std::vector<SupplierConfig> suppliers;
  std::vector<ResolverGroupConfig> groups;
  std::vector<CategoryRouteConfig> routes;  ///< by category index
  bool has_handoff_delay = false;
  sim::Distribution handoff_delay = sim::Distribution::deterministic(0.0);  // seconds
  int integrator = -1;            ///< supplier index, or -1
  std::uint8_t desk_supplier = 0; ///< supplier index of desk.supplier
  /// Half-hours of the week (0..335) at which any group's roster changes.
  std::vector<std::size_t> roster_changes;
};

/// Converts a VALIDATED scenario's resolver_network; `desk` supplies categories and calendars.
ResolverNetworkConfig make_resolver_network_config(const scenario::Scenario& scenario, const ServiceDeskConfig& desk);

}  // namespace desksim::models
