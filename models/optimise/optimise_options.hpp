#pragma once
// The options of `desksim optimise` (scenarios/desksim/optimise.proto) read from a text file and
// resolved against the scenario into plain settings: each station's shift pattern and floor, and
// each attainment target as the metric it is checked on.
#include <string>
#include <vector>

#include "desksim/optimise.pb.h"
#include "desksim/scenario.pb.h"
#include "models/optimise/shift_cover.hpp"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// How one station's roster may be made.
struct StationPlan {
  std::string name;                   ///< "desk" or the resolver group's name
  ShiftPattern pattern;               ///< allowed shifts over the week's 336 half-hours
  std::uint32_t minimum_on_duty = 0;  ///< floor in every half-hour
  bool fixed = false;                 ///< keeps the scenario's roster; not searched
};

/// One target the rosters must meet, on one metric of the run's estimates.
struct StaffingTarget {
  std::string label;   ///< e.g. "infrastructure P2 resolution"
  std::string metric;  ///< the estimate's name in the results, e.g. "supplier.infrastructure.resolution_attainment.P2"
  double level = 0.0;  ///< the attainment required (or, for a ceiling, the share not to exceed)
  bool ceiling = false;  ///< true: the upper end of the interval must be <= level; false: the lower end >= level
  std::string station_supplier;  ///< stations of this supplier can move it ("" = the desk only)
  bool desk_only = false;        ///< the desk's response, service level and abandonment: only the desk moves it
  bool response = false;         ///< a response clock (first answer), not a resolution clock
  std::uint32_t priority = 0;    ///< 1..4, or 0 = all priorities (and for the service level and abandonment)
};

struct OptimiseSettings {
  /// One per station, in the order of station_loads(): the desk first, then each resolver group.
  std::vector<StationPlan> stations;
  /// At least one.
  std::vector<StaffingTarget> targets;
  /// Confidence of every interval, in (0.5, 1).
  double confidence = 0.95;
  /// Replications per candidate roster (>= 2), on one seed: common random numbers.
  unsigned replications = 3;
  /// Step of beta in staff = load + beta sqrt(load) (> 0).
  double beta_step = 0.1;

  /// False with *error naming the violated constraint.
  bool IsValid(std::string* error) const;
};

/// Reads the options file (protobuf text format). Syntax errors name file:line:column.
bool load_optimise_options(const std::string& path, scenario::OptimiseOptions* options,
                           std::vector<Diagnostic>* diagnostics);

/// Resolves the options against a validated scenario. Every problem is reported, each naming the
/// options field (`targets[2].supplier: no SLA for supplier "x" in the scenario`); `file` is put in
/// each diagnostic.
bool make_optimise_settings(const scenario::OptimiseOptions& options, const scenario::Scenario& scenario,
                            const std::string& file, OptimiseSettings* settings, std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
