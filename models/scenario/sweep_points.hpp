#pragma once
// The points of a what-if sweep: which scenario fields take which values at each point, from a grid
// of `--vary FIELD=V1,V2,...` axes or from a CSV file listing the points, and the scenario of each
// point (the base with those fields set, validated as any scenario is).
#include <string>
#include <utility>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// At most this many points in one sweep: each is a full run, and their results stay in memory.
inline constexpr std::size_t kMaxSweepPoints = 10000;

struct SweepAxis {
  std::string field;                ///< a field path (field_path.hpp), e.g. "desk.agents"
  std::vector<std::string> values;  ///< as text, parsed by the field's type
};

struct SweepPointSpec {
  std::vector<std::pair<std::string, std::string>> settings;  ///< (field, value), in the axes' order
  std::string origin;  ///< where it was given, for errors: "--vary" or "points.csv:3"
};

/// Parses "FIELD=V1,V2,...". False with the reason when it is not of that form.
bool parse_sweep_axis(const std::string& text, SweepAxis* axis, std::string* error);

/// Every combination of the axes' values, the last axis varying fastest (as nested loops read).
/// False when the grid would exceed kMaxSweepPoints or an axis repeats a field.
bool sweep_grid(const std::vector<SweepAxis>& axes, std::vector<SweepPointSpec>* points, std::string* error);

/// Reads points from a CSV file: a header of field paths, then one line of values per point (no
/// quoting: a value is a number, a name or an enum value). Errors name the file and line.
bool read_sweep_points(const std::string& path, std::vector<std::string>* fields, std::vector<SweepPointSpec>* points,
                       std::string* error);

/// The scenario of each point: `base` with the point's fields set. Every problem (a field that does
/// not exist or cannot be varied, a value of the wrong type, a point that fails validation) is added
/// to *problems, prefixed with the point; false if there is any.
bool make_sweep_scenarios(const scenario::Scenario& base, const std::vector<SweepPointSpec>& points,
                          std::vector<scenario::Scenario>* out, std::vector<Diagnostic>* problems);

}  // namespace desksim::models
