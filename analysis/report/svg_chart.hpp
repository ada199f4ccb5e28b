#pragma once
// Small SVG charts for the HTML report, drawn by hand so that the report needs no script and no
// network: line charts (time series, profiles, distributions), interval charts (a mean with its
// interval per row against a target) and bar charts. Each returns a complete <svg> element.
#include <optional>
#include <string>
#include <vector>

namespace desksim::analysis {

struct LineSeries {
  std::string label;
  std::vector<double> x, y;
  std::string colour;
  bool dashed = false;
};

struct AxisLabels {
  std::string x, y;
  /// Tick labels for the x axis: (x value, text). Empty = numeric ticks.
  std::vector<std::pair<double, std::string>> x_ticks{};
  bool log_x = false;
  /// Top of the y axis (e.g. 100 for percentages); unset = a round value above the highest point. The
  /// axis starts at 0, or below the lowest point when some are negative (differences).
  std::optional<double> y_top{};
  /// A logarithmic y axis (values <= 0 are left out), e.g. for a QQ plot of heavy-tailed times.
  bool log_y = false;
};

std::string line_chart(const std::string& title, const std::vector<LineSeries>& series, const AxisLabels& axes);

struct IntervalRow {
  std::string label;
  double mean, low, high;
  std::optional<double> target;  ///< drawn as a tick on the row
  std::string colour;
};

/// One row per entry: a dot at the mean and a whisker over the interval, against a shared axis
/// from `axis_low` to `axis_high`; a target is a red tick. Values are in display units.
std::string interval_chart(const std::string& title, const std::vector<IntervalRow>& rows, double axis_low,
                           double axis_high, const std::string& unit_label);

struct BarGroup {
  std::string label;           ///< x label, e.g. "2025-02"
  std::vector<double> values;  ///< one per stacked part
};

/// Stacked bars, one per group, parts coloured and named by `parts`/`colours`.
std::string stacked_bar_chart(const std::string& title, const std::vector<BarGroup>& groups,
                              const std::vector<std::string>& parts, const std::vector<std::string>& colours,
                              const std::string& y_label);

/// Escapes &, <, >, " for HTML and SVG text.
std::string escape_xml(const std::string& text);

/// A colour for series k: a fixed, colour-blind-safe palette (Okabe & Ito 2008).
std::string palette(std::size_t k);

}  // namespace desksim::analysis
