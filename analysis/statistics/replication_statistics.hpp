#pragma once
// Across-replication statistics for simulation output: Student-t confidence intervals for a
// mean, for a paired (common random numbers) difference, for an unpaired (Welch) difference, and
// for batch means of one long run. Standard method: Law, "Simulation Modeling and Analysis",
// 5th ed. (2015), ch. 9 (fixed-sample-size replications, batch means) and ch. 10 (paired-t and
// Welch comparisons of two systems).
//
//     mean      x̄ = (1/n) sum x_i
//     stddev    s = sqrt( sum (x_i - x̄)^2 / (n - 1) )            (two-pass, no E[x^2]-x̄^2 cancellation)
//     interval  x̄ ± t_{(1+confidence)/2, n-1} s / sqrt(n)
// Welch (Welch 1947, Biometrika 34:28-35; Satterthwaite 1946):
//     b̄ - ā ± t_{(1+confidence)/2, f} sqrt(s_a^2/n_a + s_b^2/n_b),
//     f = (s_a^2/n_a + s_b^2/n_b)^2 / ((s_a^2/n_a)^2/(n_a-1) + (s_b^2/n_b)^2/(n_b-1))  (not rounded)
// The t quantile is boost::math::students_t's (accurate to a few ulps, non-integer df allowed).
//
// Degenerate inputs never throw and never give NaN where a value is defined:
//     n == 0                       mean, stddev, half_width, low, high = NaN
//     n == 1                       stddev = 0, half_width = +inf, low = -inf, high = +inf
//     all values equal (n >= 2)    stddev = 0, half_width = 0
//     confidence not in (0, 1)     half_width, low, high = NaN (mean and stddev still computed)
#include <cstddef>
#include <span>

namespace desksim::analysis {

struct Estimate {
  std::size_t n;      ///< sample size (replications, pairs, batches; n_a + n_b for Welch)
  double mean;        ///< point estimate
  double stddev;      ///< sample standard deviation (Welch: standard error of the difference)
  double half_width;  ///< t quantile * standard error
  double low;         ///< mean - half_width
  double high;        ///< mean + half_width
  double confidence;  ///< two-sided confidence level the interval was built for
};

/// Two-sided Student-t critical value t_{(1+confidence)/2, df}; NaN unless 0 < confidence < 1 and
/// df > 0 finite. Example: student_t_critical(0.95, 9) = 2.262157...
double student_t_critical(double confidence, double df);

/// Mean and Student-t confidence interval across independent replications.
Estimate estimate_mean(std::span<const double> values, double confidence = 0.95);

/// Paired comparison of two scenarios run with common random numbers (same seed per replication
/// index): the interval of the mean of d_i = b_i - a_i (the paired-t interval). Lengths must agree;
/// otherwise n = 0 and everything NaN.
Estimate estimate_paired_difference(std::span<const double> a, std::span<const double> b,
                                    double confidence = 0.95);

/// Welch (unpaired, unequal variances) interval for mean(b) - mean(a). n = n_a + n_b; if either
/// sample is empty everything is NaN; if either has one value, half_width = +inf (its variance
/// counts as 0 in stddev).
Estimate estimate_welch_difference(std::span<const double> a, std::span<const double> b,
                                   double confidence = 0.95);

/// Batch means over one long (already warmed-up) run: `batches` consecutive batches of
/// m = floor(N / batches) observations each; the N mod batches leading observations are dropped
/// (they are the ones nearest the initial transient). Returns estimate_mean over the batch means.
/// batches == 0 or batches > N gives n = 0 and everything NaN. Batches must be long enough for
/// their means to be roughly independent; that is the caller's responsibility.
Estimate estimate_batch_means(std::span<const double> observations, std::size_t batches,
                              double confidence = 0.95);

/// True if low <= value <= high (false if anything is NaN).
bool contains(const Estimate& e, double value);

}  // namespace desksim::analysis
