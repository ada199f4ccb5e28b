#include "analysis/statistics/interval_methods.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/math/special_functions/beta.hpp>

#include "analysis/statistics/replication_statistics.hpp"

namespace desksim::analysis {
namespace {

struct Moments {
  double n, mean, stddev;
};

Moments moments(std::span<const double> values) {
  const Estimate e = estimate_mean(values, 0.95);  // two-pass mean and stddev
  return Moments{static_cast<double>(values.size()), e.mean, e.stddev};
}

double critical(double confidence, double n) { return student_t_critical(confidence, n - 1.0); }

double expit(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

Interval student_t_interval(std::span<const double> values, double confidence) {
  const Moments m = moments(values);
  const double h = critical(confidence, m.n) * m.stddev / std::sqrt(m.n);
  return Interval{m.mean - h, m.mean + h, "student-t"};
}

Interval log_t_interval(std::span<const double> values, double confidence) {
  const Moments m = moments(values);
  // Standard error of log x̄ by the delta method: se(x̄) / x̄.
  const double h = critical(confidence, m.n) * m.stddev / (std::sqrt(m.n) * m.mean);
  return Interval{m.mean * std::exp(-h), m.mean * std::exp(h), "log-t"};
}

Interval lognormal_cox_interval(std::span<const double> values, double confidence) {
  std::vector<double> logs(values.size());
  std::transform(values.begin(), values.end(), logs.begin(), [](double x) { return std::log(x); });
  const Moments y = moments(logs);
  const double s2 = y.stddev * y.stddev;
  const double centre = y.mean + s2 / 2.0;  // log of the lognormal mean exp(mu + sigma^2/2)
  const double h = critical(confidence, y.n) * std::sqrt(s2 / y.n + s2 * s2 / (2.0 * (y.n - 1.0)));
  // The interval is for exp(mu + sigma^2/2), whose estimate is not the sample mean that is reported
  // beside it; widen to include the sample mean so that a reader never sees a mean outside its own
  // interval (widening can only raise the coverage).
  const double sample_mean = moments(values).mean;
  return Interval{std::min(std::exp(centre - h), sample_mean), std::max(std::exp(centre + h), sample_mean),
                  "lognormal-cox"};
}

Interval logit_t_interval(std::span<const double> values, double confidence) {
  const Moments m = moments(values);
  // d logit(p)/dp = 1 / (p (1 - p)): the delta-method standard error of logit x̄.
  const double h = critical(confidence, m.n) * m.stddev / (std::sqrt(m.n) * m.mean * (1.0 - m.mean));
  const double centre = std::log(m.mean / (1.0 - m.mean));
  return Interval{expit(centre - h), expit(centre + h), "logit-t"};
}

Interval clopper_pearson_interval(unsigned successes, unsigned trials, double confidence) {
  const double alpha = 1.0 - confidence;
  const double k = successes, n = trials;
  // The bounds are the alpha/2 and 1 - alpha/2 quantiles of Beta(k, n-k+1) and Beta(k+1, n-k).
  const double low = successes == 0 ? 0.0 : boost::math::ibeta_inv(k, n - k + 1.0, alpha / 2.0);
  const double high = successes == trials ? 1.0 : boost::math::ibeta_inv(k + 1.0, n - k, 1.0 - alpha / 2.0);
  return Interval{low, high, "clopper-pearson"};
}

}  // namespace desksim::analysis
