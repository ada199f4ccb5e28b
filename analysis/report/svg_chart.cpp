#include "analysis/report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace desksim::analysis {
namespace {

// Title on the first line, legend on the second, plot below.
constexpr double kWidth = 900, kHeight = 320, kLeft = 70, kRight = 20, kTop = 52, kBottom = 45;

std::string fmt(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

// Tick label: up to 4 significant digits, no trailing zeros, no exponent for large values.
std::string tick_text(double v) {
  char b[32];
  std::snprintf(b, sizeof b, std::fabs(v) >= 1000 ? "%.0f" : "%.4g", v);
  return b;
}

// Ticks at 1, 2 or 5 times a power of ten, about `count` of them over [low, high].
std::vector<double> nice_ticks(double low, double high, int count = 5) {
  std::vector<double> ticks;
  if (!(high > low)) return {low};
  const double raw = (high - low) / count, power = std::pow(10.0, std::floor(std::log10(raw)));
  const double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
  for (double t = std::ceil(low / step) * step; t <= high + step * 1e-9; t += step) ticks.push_back(std::fabs(t) < step * 1e-9 ? 0 : t);
  if (ticks.empty() || ticks.back() < high - step * 1e-9) ticks.push_back(ticks.empty() ? high : ticks.back() + step);
  return ticks;  // the last tick is at or above `high`, so the axis holds every value
}

struct Scale {
  double d0, d1, r0, r1;
  bool log = false;
  double operator()(double v) const {
    const double a = log ? std::log10(d0) : d0, b = log ? std::log10(d1) : d1, x = log ? std::log10(v) : v;
    return b == a ? (r0 + r1) / 2 : r0 + (x - a) / (b - a) * (r1 - r0);
  }
};

std::string open_svg(const std::string& title, double height = kHeight) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + fmt(kWidth) + " " + fmt(height) +
         "\" width=\"" + fmt(kWidth) + "\" height=\"" + fmt(height) + "\" role=\"img\" aria-label=\"" +
         escape_xml(title) + "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><text x=\"" + fmt(kLeft) +
         "\" y=\"22\" font-size=\"15\" font-weight=\"bold\">" + escape_xml(title) + "</text>";
}

std::string text(double x, double y, const std::string& t, const char* anchor = "middle", int size = 11,
                 const std::string& extra = "") {
  return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"" + std::to_string(size) + "\" text-anchor=\"" +
         anchor + "\"" + extra + ">" + escape_xml(t) + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& stroke, double width = 1,
                 const std::string& extra = "") {
  return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) +
         "\" stroke=\"" + stroke + "\" stroke-width=\"" + fmt(width) + "\"" + extra + "/>";
}

// Legend entries under the title, right-aligned, wrapping onto a second row (drawn over the top
// grid line, which carries no data) when they do not fit in one.
std::string legend(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto width = [](const std::string& label) { return 6.5 * static_cast<double>(label.size()) + 26; };
  std::vector<std::vector<std::pair<std::string, std::string>>> rows(1);
  double used = 0;
  for (const auto& e : entries) {
    if (used + width(e.first) > kWidth - kLeft - kRight && !rows.back().empty()) {
      rows.emplace_back();
      used = 0;
    }
    rows.back().push_back(e);
    used += width(e.first);
  }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    double x = kWidth - kRight;
    const double y = 30 + 14 * static_cast<double>(r);
    for (auto it = rows[r].rbegin(); it != rows[r].rend(); ++it) {
      x -= width(it->first);
      out += "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"11\" height=\"11\" fill=\"" + it->second +
             "\"/>" + text(x + 15, y + 10, it->first, "start", 11);
    }
  }
  return out;
}

}  // namespace

std::string escape_xml(const std::string& t) {
  std::string out;
  for (char c : t) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string palette(std::size_t k) {
  static const char* colours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"};
  return colours[k % 8];
}

std::string line_chart(const std::string& title, const std::vector<LineSeries>& series, const AxisLabels& axes) {
  double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = 0, y1 = 0;
  double y_positive = std::numeric_limits<double>::infinity();
  auto kept = [&axes](double x, double y) { return std::isfinite(y) && !(axes.log_x && x <= 0) && !(axes.log_y && y <= 0); };
  for (const auto& s : series)
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      if (!kept(s.x[i], s.y[i])) continue;
      x0 = std::min(x0, s.x[i]);
      x1 = std::max(x1, s.x[i]);
      y0 = std::min(y0, s.y[i]);
      y1 = std::max(y1, s.y[i]);
      if (s.y[i] > 0) y_positive = std::min(y_positive, s.y[i]);
    }
  if (!std::isfinite(x0)) return "";
  std::vector<double> yticks;
  double y_bottom = 0;
  if (axes.log_y) {
    y_bottom = std::pow(10.0, std::floor(std::log10(y_positive)));
    for (double p = y_bottom; p < y1 * 10; p *= 10) yticks.push_back(p);
  } else {
    y_bottom = y0 < 0 ? y0 * 1.05 : 0.0;
    yticks = nice_ticks(y_bottom, axes.y_top ? *axes.y_top : y1 > 0 ? y1 * 1.05 : (y0 < 0 ? 0.0 : 1.0));
  }
  const Scale sx{x0, x1, kLeft, kWidth - kRight, axes.log_x},
      sy{y_bottom, yticks.back(), kHeight - kBottom, kTop, axes.log_y};
  std::string out = open_svg(title);
  for (double t : yticks)
    out += line(kLeft, sy(t), kWidth - kRight, sy(t), "#ddd") + text(kLeft - 6, sy(t) + 4, tick_text(t), "end");
  std::vector<std::pair<double, std::string>> xticks = axes.x_ticks;
  if (xticks.empty() && axes.log_x) {
    for (double p = std::pow(10.0, std::floor(std::log10(x0))); p <= x1 * 1.0001; p *= 10)
      if (p >= x0) xticks.emplace_back(p, tick_text(p));
  } else if (xticks.empty()) {
    for (double t : nice_ticks(x0, x1, 8)) xticks.emplace_back(t, tick_text(t));
  }
  for (const auto& [v, label] : xticks) {
    if (v < x0 || v > x1) continue;
    out += line(sx(v), kHeight - kBottom, sx(v), kHeight - kBottom + 4, "#333") + text(sx(v), kHeight - kBottom + 16, label);
  }
  out += line(kLeft, kHeight - kBottom, kWidth - kRight, kHeight - kBottom, "#333");
  out += text(kLeft + (kWidth - kLeft - kRight) / 2, kHeight - 8, axes.x);
  out += text(16, kTop + (kHeight - kTop - kBottom) / 2, axes.y, "middle", 11,
              " transform=\"rotate(-90 16 " + fmt(kTop + (kHeight - kTop - kBottom) / 2) + ")\"");
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& s : series) {
    std::string points;
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      if (!kept(s.x[i], s.y[i])) continue;
      points += fmt(sx(s.x[i])) + "," + fmt(sy(s.y[i])) + " ";
    }
    out += "<polyline class=\"data\" fill=\"none\" stroke=\"" + s.colour + "\" stroke-width=\"1.6\"" +
           (s.dashed ? " stroke-dasharray=\"5 3\"" : "") + " points=\"" + points + "\"/>";
    if (!s.label.empty()) entries.emplace_back(s.label, s.colour);  // an unlabelled series shares a legend entry
  }
  return out + legend(entries) + "</svg>";
}

std::string interval_chart(const std::string& title, const std::vector<IntervalRow>& rows, double axis_low,
                           double axis_high, const std::string& unit_label) {
  const double row_height = 22, label_width = 260;
  const double height = kTop + 10 + row_height * static_cast<double>(rows.size()) + kBottom;
  const Scale sx{axis_low, axis_high, label_width, kWidth - kRight};
  std::string out = open_svg(title, height);
  const double bottom = height - kBottom;
  for (double t : nice_ticks(axis_low, axis_high, 6))
    out += line(sx(t), kTop, sx(t), bottom, "#ddd") + text(sx(t), bottom + 16, tick_text(t));
  out += text(label_width + (kWidth - kRight - label_width) / 2, height - 8, unit_label);
  auto clamp = [&](double v) { return std::clamp(v, axis_low, axis_high); };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const IntervalRow& r = rows[i];
    const double y = kTop + 10 + row_height * (static_cast<double>(i) + 0.5);
    out += text(label_width - 8, y + 4, r.label, "end");
    out += line(sx(clamp(r.low)), y, sx(clamp(r.high)), y, r.colour, 2.5);
    out += "<circle class=\"data\" cx=\"" + fmt(sx(clamp(r.mean))) + "\" cy=\"" + fmt(y) + "\" r=\"4\" fill=\"" + r.colour + "\"/>";
    if (r.target) out += line(sx(clamp(*r.target)), y - 8, sx(clamp(*r.target)), y + 8, "#D55E00", 2.5);
  }
  const bool targets = std::any_of(rows.begin(), rows.end(), [](const IntervalRow& r) { return r.target.has_value(); });
  if (targets) out += legend({{"mean and 95% interval", palette(0)}, {"target", "#D55E00"}});
  else out += legend({{"mean and 95% interval", palette(0)}, {"the interval excludes 0", palette(5)}});
  return out + "</svg>";
}

std::string stacked_bar_chart(const std::string& title, const std::vector<BarGroup>& groups,
                              const std::vector<std::string>& parts, const std::vector<std::string>& colours,
                              const std::string& y_label) {
  double top = 0;
  for (const auto& g : groups) {
    double sum = 0;
    for (double v : g.values) sum += v;
    top = std::max(top, sum);
  }
  const auto yticks = nice_ticks(0, top > 0 ? top * 1.05 : 1);
  const Scale sy{0, yticks.back(), kHeight - kBottom, kTop};
  std::string out = open_svg(title);
  for (double t : yticks)
    out += line(kLeft, sy(t), kWidth - kRight, sy(t), "#ddd") + text(kLeft - 6, sy(t) + 4, tick_text(t), "end");
  const double slot = (kWidth - kLeft - kRight) / std::max<double>(1, static_cast<double>(groups.size()));
  for (std::size_t i = 0; i < groups.size(); ++i) {
    double base = 0;
    const double x = kLeft + slot * static_cast<double>(i) + slot * 0.15;
    for (std::size_t k = 0; k < groups[i].values.size(); ++k) {
      const double v = groups[i].values[k];
      if (v <= 0) continue;
      out += "<rect class=\"data\" x=\"" + fmt(x) + "\" y=\"" + fmt(sy(base + v)) + "\" width=\"" + fmt(slot * 0.7) + "\" height=\"" +
             fmt(sy(base) - sy(base + v)) + "\" fill=\"" + colours[k % colours.size()] + "\"/>";
      base += v;
    }
    out += text(x + slot * 0.35, kHeight - kBottom + 16, groups[i].label, "middle", 10);
  }
  out += line(kLeft, kHeight - kBottom, kWidth - kRight, kHeight - kBottom, "#333");
  out += text(16, kTop + (kHeight - kTop - kBottom) / 2, y_label, "middle", 11,
              " transform=\"rotate(-90 16 " + fmt(kTop + (kHeight - kTop - kBottom) / 2) + ")\"");
  std::vector<std::pair<std::string, std::string>> entries;
  for (std::size_t k = 0; k < parts.size(); ++k) entries.emplace_back(parts[k], colours[k % colours.size()]);
  return out + legend(entries) + "</svg>";
}

}  // namespace desksim::analysis
