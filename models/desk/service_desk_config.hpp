#pragma once
// The population-mode scenario converted once into plain values in engine units (seconds,
// per-second rates, cumulative probabilities), so that no model reads the protobuf on the hot path.
// Built only from a scenario that passed validate_scenario.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "sim/calendar/working_calendar.hpp"
#include "sim/random/distribution.hpp"

namespace desksim::models {

enum ChannelIndex : std::uint8_t { kPhone = 0, kPortal = 1, kEmail = 2, kWalkIn = 3 };
inline constexpr std::size_t kChannels = 4;
inline constexpr std::array<const char*, kChannels> kChannelNames = {"phone", "portal", "email", "walk_in"};
inline constexpr std::size_t kPriorities = 4;
inline constexpr std::size_t kHoursPerWeek = 168;
inline constexpr std::size_t kHalfHoursPerWeek = 336;

/// Cumulative shares of non-negative weights (not all 0), normalised so that the last is exactly 1:
/// a probability row that sums to 1 within rounding is renormalised here.
std::vector<double> cumulative(const std::vector<double>& weights);

/// Index of a channel name, or -1.
int channel_index(const std::string& name);

struct ChannelConfig {
  bool configured = false;
  bool live = false;  ///< phone and walk-in: the user waits in real time
  sim::Distribution handle_time = sim::Distribution::deterministic(0.0);  // seconds
  bool has_patience = false;
  sim::Distribution patience = sim::Distribution::deterministic(0.0);  // seconds
  double redial_probability = 0.0;
  sim::Distribution redial_delay = sim::Distribution::deterministic(0.0);  // seconds
  std::uint32_t callback_offer_queue_length = 0;  ///< 0 = never offered
  double callback_acceptance_probability = 0.0;
};

struct SegmentConfig {
  std::string name;
  std::uint32_t users = 0;
  double mean_rate_per_second = 0.0;     ///< users * incidents per user per month, per second
  std::vector<double> weight_by_hour;    ///< 168 weights normalised to mean 1
  std::vector<double> site_cumulative, device_cumulative;
  std::vector<double> channel_cumulative;  ///< over kChannels
};

struct CategoryConfig {
  std::string name;
  std::vector<double> impact_cumulative, urgency_cumulative;  ///< 3 each
  std::vector<double> priority_cumulative;  ///< P1..P4 when given directly (then impact and urgency are unused)
  double fcr_probability = 0.0;
  double cancel_probability = 0.0;
  sim::Distribution cancel_after = sim::Distribution::deterministic(0.0);  // seconds
};

/// A multiplier of the arrival rate over a range of simulated days [first_day, end_day).
struct RateFactorDays {
  std::int64_t first_day = 0, end_day = 0;  ///< days since simulated time 0
  double factor = 1.0;
};

struct SlaTargetConfig {
  double response_seconds = 0.0;
  double resolution_seconds = 0.0;
  std::size_t calendar = 0;  ///< index into ServiceDeskConfig::calendars (0 = 24x7)
};

struct ServiceDeskConfig {
  // Time origin.
  std::int64_t start_day = 0;  ///< days since 1970-01-01 of simulated time 0
  int start_weekday = 0;       ///< 0 = Monday
  double hour_of_week_offset_seconds() const { return start_weekday * 86400.0; }

  // Demand.
  std::vector<std::string> sites, devices;
  std::vector<SegmentConfig> segments;
  double day_factor_cv = 0.0;
  std::vector<RateFactorDays> date_factors;  ///< holidays: single days, multiplied in
  std::vector<RateFactorDays> levels;        ///< rate levels by date, each until the next
  double trend_per_second = 0.0;             ///< rate multiplied by 1 + trend_per_second * t
  /// The product of date factor, level and trend on the simulated day containing t.
  double rate_factor_at(double t) const;
  std::vector<CategoryConfig> categories;
  std::vector<double> category_cumulative;
  std::array<std::uint8_t, 9> priority_matrix{};  ///< impact-major, values 1..4

  // Desk.
  std::array<ChannelConfig, kChannels> channels;
  bool live_contacts_first = false;
  std::vector<std::uint32_t> roster;  ///< 336 values, or empty = constant_agents
  std::uint32_t constant_agents = 0;
  double service_level_seconds = 20.0;

  // After the desk.
  sim::Distribution resolved_elsewhere = sim::Distribution::deterministic(0.0);  // seconds
  double pending_user_probability = 0.0;
  sim::Distribution pending_user = sim::Distribution::deterministic(0.0);  // seconds
  double auto_close_seconds = 120.0 * 3600.0;
  double reopen_probability = 0.0;
  sim::Distribution reopen_after = sim::Distribution::deterministic(0.0);  // seconds

  /// A run with more open tickets than this stops (run.max_open_tickets).
  std::uint64_t max_open_tickets = 1'000'000;

  // SLA clocks of the desk's supplier (none in the simple form: no targets to measure against).
  bool sla_clocks = true;
  std::string supplier;
  std::vector<sim::WorkingCalendar> calendars;  ///< [0] is 24x7
  std::vector<std::string> calendar_names;
  std::array<SlaTargetConfig, kPriorities> sla{};

  /// Agents on duty in the half-hour of the week containing time t.
  std::uint32_t agents_at(double t) const;
  std::uint32_t max_agents() const;
  /// Mean arrival rate per second over the hour-of-week bin `hour` (before the day factor).
  double rate_per_second_in_hour(std::size_t hour) const;
};

/// True when the scenario uses the population-mode service desk (demand.population set).
bool uses_service_desk_model(const scenario::Scenario& scenario);

/// Converts a VALIDATED population-mode scenario.
ServiceDeskConfig make_service_desk_config(const scenario::Scenario& scenario);

/// The simple form (`demand.arrivals_per_hour`, `desk.agents`, `desk.handle_time_minutes`) as a
/// one-category, one-channel desk that resolves every ticket at first contact, closes it at once and
/// keeps no SLA clocks: the M/M/c or M/G/c station, run by the same code as the population mode.
ServiceDeskConfig make_simple_desk_config(const scenario::Scenario& scenario);

}  // namespace desksim::models
