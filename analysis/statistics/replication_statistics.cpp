#include "analysis/statistics/replication_statistics.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

namespace desksim::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Report domain/overflow/evaluation problems as NaN/inf instead of throwing.
using NoThrowPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>>;

bool valid_confidence(double confidence) { return confidence > 0.0 && confidence < 1.0; }

Estimate empty_estimate(double confidence) {
  return Estimate{0, kNaN, kNaN, kNaN, kNaN, kNaN, confidence};
}

// Mean by two passes: the second pass adds the mean residual, which removes most of the
// round-off of the first sum.
double mean_of(std::span<const double> v) {
  double sum = 0.0;
  for (double x : v) sum += x;
  const double first = sum / static_cast<double>(v.size());
  double residual = 0.0;
  for (double x : v) residual += x - first;
  return first + residual / static_cast<double>(v.size());
}

// Unbiased sample variance about `mean`; requires v.size() >= 2.
double variance_of(std::span<const double> v, double mean) {
  double squares = 0.0;
  for (double x : v) squares += (x - mean) * (x - mean);
  return squares / static_cast<double>(v.size() - 1);
}

// Fills half_width/low/high from a standard error and degrees of freedom.
void set_interval(Estimate* e, double standard_error, double df) {
  if (!valid_confidence(e->confidence)) {
    e->half_width = e->low = e->high = kNaN;
    return;
  }
  if (standard_error == 0.0) {
    e->half_width = 0.0;
  } else {
    e->half_width = student_t_critical(e->confidence, df) * standard_error;
  }
  e->low = e->mean - e->half_width;
  e->high = e->mean + e->half_width;
}

void set_unbounded(Estimate* e) {
  if (!valid_confidence(e->confidence)) {
    e->half_width = e->low = e->high = kNaN;
    return;
  }
  e->half_width = kInf;
  e->low = -kInf;
  e->high = kInf;
}

}  // namespace

double student_t_critical(double confidence, double df) {
  if (!valid_confidence(confidence) || !(df > 0.0) || !std::isfinite(df)) return kNaN;
  const boost::math::students_t_distribution<double, NoThrowPolicy> dist(df);
  // Upper (1 - confidence)/2 tail via the complement: no 1 - small-number cancellation.
  return boost::math::quantile(boost::math::complement(dist, (1.0 - confidence) / 2.0));
}

Estimate estimate_mean(std::span<const double> values, double confidence) {
  const std::size_t n = values.size();
  if (n == 0) return empty_estimate(confidence);
  Estimate e{n, mean_of(values), 0.0, 0.0, 0.0, 0.0, confidence};
  if (n == 1) {
    set_unbounded(&e);
    return e;
  }
  e.stddev = std::sqrt(variance_of(values, e.mean));
  set_interval(&e, e.stddev / std::sqrt(static_cast<double>(n)), static_cast<double>(n - 1));
  return e;
}

Estimate estimate_paired_difference(std::span<const double> a, std::span<const double> b, double confidence) {
  if (a.size() != b.size()) return empty_estimate(confidence);
  std::vector<double> differences(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) differences[i] = b[i] - a[i];
  return estimate_mean(differences, confidence);
}

Estimate estimate_welch_difference(std::span<const double> a, std::span<const double> b, double confidence) {
  if (a.empty() || b.empty()) {
    Estimate e = empty_estimate(confidence);
    e.n = a.size() + b.size();
    return e;
  }
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  const double mean_a = mean_of(a), mean_b = mean_of(b);
  const double va = a.size() >= 2 ? variance_of(a, mean_a) / na : 0.0;  // squared standard errors
  const double vb = b.size() >= 2 ? variance_of(b, mean_b) / nb : 0.0;
  Estimate e{a.size() + b.size(), mean_b - mean_a, std::sqrt(va + vb), 0.0, 0.0, 0.0, confidence};
  if (a.size() < 2 || b.size() < 2) {
    set_unbounded(&e);
    return e;
  }
  const double df = (va + vb) * (va + vb) / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
  set_interval(&e, e.stddev, df);
  return e;
}

Estimate estimate_batch_means(std::span<const double> observations, std::size_t batches, double confidence) {
  if (batches == 0 || batches > observations.size()) return empty_estimate(confidence);
  const std::size_t size = observations.size() / batches;
  const std::size_t skip = observations.size() - size * batches;
  std::vector<double> means(batches);
  for (std::size_t k = 0; k < batches; ++k) means[k] = mean_of(observations.subspan(skip + k * size, size));
  return estimate_mean(means, confidence);
}

bool contains(const Estimate& e, double value) { return e.low <= value && value <= e.high; }

}  // namespace desksim::analysis
