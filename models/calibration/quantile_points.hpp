#pragma once
// A sample of durations as a piecewise-linear distribution through its quantiles (scenario
// Distribution.piecewise_linear). Why not a lognormal: the log's spells and in-group times have a
// mass near 0 (minute resolution, fixes logged as they happen) and a tail a lognormal through the mean
// and median overstates or understates by a factor of two at p90 (scenarios/met/log-figures.md,
// section 2); the quantiles reproduce the sample's own shape up to its maximum, and the mean follows
// from them within the error of linear interpolation.
#include <string>
#include <vector>

namespace desksim::models::calibration {

struct QuantilePoints {
  std::vector<double> values, cumulative;  // strictly increasing values; cumulative from 0 to 1
  std::size_t n = 0;
  double sample_mean = 0;
  double mean() const;  // of the piecewise-linear law
  /// The scenario text of the distribution: "piecewise_linear { values: [...] cumulative_probabilities: [...] }".
  std::string text() const;
};

/// Sample quantiles (linear interpolation between order statistics) at fixed levels from 0 to 1;
/// ties are pushed apart by 0.001 (3.6 s, below the log's one-minute resolution) so that values
/// increase strictly. Empty sample: a point mass near 0.
QuantilePoints quantile_points(std::vector<double> sample);

/// Quantile of a sample at level p in [0,1] (linear interpolation between order statistics).
double sample_quantile(std::vector<double>* sorted_or_not, double p, bool already_sorted = false);

}  // namespace desksim::models::calibration
