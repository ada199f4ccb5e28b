#include "models/scenario/sweep_points.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "models/scenario/field_path.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::models {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

// Fields a sweep must not vary: the random numbers and replication count are what every point
// shares (common random numbers), and the rest would change what a point is, not how it behaves.
const char* const kFixedFields[] = {"name", "extends", "remove", "run.seed", "run.replications",
                                    "infrastructure.platform_file"};

std::string fixed_field_reason(const std::string& field) {
  for (const char* f : kFixedFields)
    if (field == f || field.rfind(std::string(f) + "[", 0) == 0 || field.rfind(std::string(f) + ".", 0) == 0)
      return std::string("\"") + f +
             "\" cannot be varied: every point of a sweep shares the seed, the replications and the scenario's identity "
             "(use --seed and --replications for the whole sweep)";
  return "";
}

}  // namespace

bool parse_sweep_axis(const std::string& text, SweepAxis* axis, std::string* error) {
  // The first '=' outside brackets: a path's selectors have their own ("groups[name=x]").
  std::size_t equals = std::string::npos;
  int depth = 0;
  for (std::size_t i = 0; i < text.size() && equals == std::string::npos; ++i) {
    if (text[i] == '[') ++depth;
    else if (text[i] == ']') --depth;
    else if (text[i] == '=' && depth == 0) equals = i;
  }
  if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
    *error = "--vary \"" + text + "\": expected FIELD=V1,V2,... (e.g. desk.agents=10,12,14)";
    return false;
  }
  axis->field = trim(text.substr(0, equals));
  axis->values.clear();
  for (const std::string& v : split(text.substr(equals + 1), ',')) {
    if (trim(v).empty()) {
      *error = "--vary \"" + text + "\": an empty value";
      return false;
    }
    axis->values.push_back(trim(v));
  }
  return true;
}

bool sweep_grid(const std::vector<SweepAxis>& axes, std::vector<SweepPointSpec>* points, std::string* error) {
  points->clear();
  std::set<std::string> fields;
  std::size_t total = 1;
  for (const SweepAxis& a : axes) {
    if (!fields.insert(a.field).second) {
      *error = "--vary " + a.field + " is given twice: list all its values in one --vary";
      return false;
    }
    total *= a.values.size();
    if (total > kMaxSweepPoints) {
      *error = "the grid has more than " + std::to_string(kMaxSweepPoints) + " points";
      return false;
    }
  }
  if (axes.empty()) return true;
  std::vector<std::size_t> at(axes.size(), 0);
  for (std::size_t p = 0; p < total; ++p) {
    SweepPointSpec point;
    point.origin = "--vary";
    for (std::size_t a = 0; a < axes.size(); ++a) point.settings.emplace_back(axes[a].field, axes[a].values[at[a]]);
    points->push_back(std::move(point));
    for (std::size_t a = axes.size(); a-- > 0;) {  // the last axis fastest
      if (++at[a] < axes[a].values.size()) break;
      at[a] = 0;
    }
  }
  return true;
}

bool read_sweep_points(const std::string& path, std::vector<std::string>* fields, std::vector<SweepPointSpec>* points,
                       std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot read";
    return false;
  }
  fields->clear();
  points->clear();
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(number);
    std::vector<std::string> cells = split(line, ',');
    for (auto& c : cells) c = trim(c);
    if (fields->empty()) {
      for (const auto& c : cells) {
        if (c.empty()) {
          *error = where + ": an empty field name in the header";
          return false;
        }
        if (std::find(fields->begin(), fields->end(), c) != fields->end()) {
          *error = where + ": field \"" + c + "\" appears twice in the header";
          return false;
        }
        fields->push_back(c);
      }
      continue;
    }
    if (cells.size() != fields->size()) {
      *error = where + ": " + std::to_string(cells.size()) + " values for " + std::to_string(fields->size()) + " fields";
      return false;
    }
    SweepPointSpec point;
    point.origin = where;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (cells[k].empty()) {
        *error = where + ": no value for " + (*fields)[k];
        return false;
      }
      point.settings.emplace_back((*fields)[k], cells[k]);
    }
    points->push_back(std::move(point));
    if (points->size() > kMaxSweepPoints) {
      *error = path + ": more than " + std::to_string(kMaxSweepPoints) + " points";
      return false;
    }
  }
  if (fields->empty() || points->empty()) {
    *error = path + ": expected a header of field paths and at least one line of values";
    return false;
  }
  return true;
}

bool make_sweep_scenarios(const scenario::Scenario& base, const std::vector<SweepPointSpec>& points,
                          std::vector<scenario::Scenario>* out, std::vector<Diagnostic>* problems) {
  out->clear();
  const std::size_t before = problems->size();
  for (std::size_t p = 0; p < points.size(); ++p) {
    const SweepPointSpec& point = points[p];
    std::string label = "point " + std::to_string(p) + " (";
    for (std::size_t k = 0; k < point.settings.size(); ++k)
      label += (k ? ", " : "") + point.settings[k].first + "=" + point.settings[k].second;
    label += ")";
    scenario::Scenario s = base;
    bool set = true;
    for (const auto& [field, value] : point.settings) {
      std::string error;
      if (const std::string reason = fixed_field_reason(field); !reason.empty()) error = reason;
      else if (set_field_by_path(&s, field, value, &error)) continue;
      problems->push_back(Diagnostic{point.origin, 0, 0, field, label + ": " + error});
      set = false;
    }
    if (set) {
      std::vector<Diagnostic> semantic;
      validate_scenario(s, &semantic);
      for (Diagnostic& d : semantic) {
        d.file = point.origin;
        d.message = label + ": " + d.message;
        problems->push_back(std::move(d));
      }
    }
    out->push_back(std::move(s));
  }
  return problems->size() == before;
}

}  // namespace desksim::models
