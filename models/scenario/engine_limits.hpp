#pragma once
// What a run can represent and finish, in one place: validation refuses anything beyond these, with
// the limit in the message, so that whatever passes `validate` runs to the end with finite results.
// Each limit is far beyond a real service desk and well inside what the engine represents exactly
// (SimGrid dates are exact up to about 278,000 years, sim/kernel/time.hpp).
#include <cstddef>
#include <cstdint>

namespace desksim::models {

/// Simulated time per replication: about 1,141 years (availability studies of rare failures run long
/// horizons for tight intervals; a desk's run is a few years).
inline constexpr double kMaxHorizonHours = 1e7;
/// Tickets per replication (measured and warm-up), and the expected tickets of a horizon run: about
/// 40 minutes of CPU and a few GB of per-day series at the measured cost per ticket. `run.allow_large`
/// lifts it.
inline constexpr double kMaxTicketsPerReplication = 1e9;
/// Agents or resolvers on duty at one station.
inline constexpr std::uint32_t kMaxServers = 100'000;
/// Simple-form arrivals per hour; incidents per user per month.
inline constexpr double kMaxArrivalsPerHour = 1e6;
inline constexpr double kMaxIncidentsPerUserPerMonth = 1e6;
/// Relative hour-of-week weights (only the shape matters; their sum must stay finite).
inline constexpr double kMaxProfileWeight = 1e6;
/// The Gamma day factor's cv: 0 (none) or in [kMinDayFactorCv, kMaxDayFactorCv]; below, its shape
/// 1/cv^2 overflows; above, almost every day has no tickets at all.
inline constexpr double kMinDayFactorCv = 1e-4;
inline constexpr double kMaxDayFactorCv = 10.0;
/// Storm peak, incidents per dependent user per hour.
inline constexpr double kMaxStormPeakPerUserPerHour = 1.0;
/// Shortest mean time between a component's failures, repair included, and between maintenance
/// windows, in hours: events repeating faster than this would fill the run without moving time.
inline constexpr double kMinRepeatHours = 1.0 / 60.0;
/// Visits a ticket makes to resolver groups on average before it is resolved (the routing is an
/// absorbing Markov chain; beyond this it is a cycle in all but name).
inline constexpr double kMaxExpectedVisits = 1000.0;

/// Dated changes a programme expands to (its steps and every step of its ramps): each is a scenario
/// and a configuration held in memory for the whole run.
inline constexpr std::size_t kMaxProgrammeChanges = 2000;

}  // namespace desksim::models
