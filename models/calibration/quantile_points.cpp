#include "models/calibration/quantile_points.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace desksim::models::calibration {
namespace {

// Dense in the tail, where the durations that drive time to resolve and SLA breaches are.
constexpr double kLevels[] = {0,    0.01, 0.05, 0.1,  0.2,   0.3,  0.4,   0.5,  0.6, 0.7,
                              0.8,  0.85, 0.9,  0.95, 0.975, 0.99, 0.995, 1.0};

std::string number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

}  // namespace

double sample_quantile(std::vector<double>* xs, double p, bool already_sorted) {
  if (xs->empty()) return 0;
  if (!already_sorted) std::sort(xs->begin(), xs->end());
  const double h = p * (xs->size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, xs->size() - 1);
  return (*xs)[lo] + (h - lo) * ((*xs)[hi] - (*xs)[lo]);
}

QuantilePoints quantile_points(std::vector<double> sample) {
  QuantilePoints q;
  q.n = sample.size();
  if (sample.empty()) {
    q.values = {0, 0.001};
    q.cumulative = {0, 1};
    return q;
  }
  std::sort(sample.begin(), sample.end());
  for (double x : sample) q.sample_mean += x;
  q.sample_mean /= sample.size();
  for (double p : kLevels) {
    double v = sample_quantile(&sample, p, true);
    if (!q.values.empty() && v < q.values.back() + 0.001) v = q.values.back() + 0.001;
    q.values.push_back(v);
    q.cumulative.push_back(p);
  }
  return q;
}

double QuantilePoints::mean() const {
  double m = 0;
  for (std::size_t i = 0; i + 1 < values.size(); ++i)
    m += (cumulative[i + 1] - cumulative[i]) * (values[i] + values[i + 1]) / 2;
  return m;
}

std::string QuantilePoints::text() const {
  std::string v, c;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) {
      v += ", ";
      c += ", ";
    }
    v += number(values[i]);
    c += number(cumulative[i]);
  }
  return "piecewise_linear { values: [" + v + "] cumulative_probabilities: [" + c + "] }";
}

}  // namespace desksim::models::calibration
