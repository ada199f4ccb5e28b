#pragma once
// Confidence intervals for the mean of a quantity across independent replications, one per kind of
// range the quantity has. A symmetric Student-t interval on five replications of a skewed or bounded
// quantity can leave the range the quantity can take (a negative wait, an availability above 1); the
// transformed intervals here cannot, because they are built on a scale that maps the range onto the
// whole real line and mapped back.
//
//   student-t        x̄ ± t s/√n                                           any real quantity
//   log-t            x̄ · exp(± t s/(√n x̄))                              >= 0, some values 0
//                    (delta method on the log scale: the Student-t interval of log x̄)
//   lognormal-cox    exp(ȳ + s_y²/2 ± t √(s_y²/n + s_y⁴/(2(n-1))))        > 0, y = log x
//                    (modified Cox method for the mean of a lognormal variable: Olsson 2005,
//                    J. Statistics Education 13(1); right-skewed positive quantities)
//   logit-t          expit(logit x̄ ± t s/(√n x̄(1-x̄)))                  shares in [0, 1]
//                    (delta method on the logit scale)
//   clopper-pearson  exact binomial interval of k successes in n           0/1 per replication
//                    (Clopper & Pearson 1934; never below the nominal coverage)
// t = t_{(1+confidence)/2, n-1}. Why not the bootstrap: with n = 5 there are only 126 distinct
// resamples, and the percentile bootstrap's interval is about sqrt((n-1)/n) times a normal-quantile
// interval, so it covers well below nominal exactly when replications are few.
//
// Every function expects at least two values and a confidence in (0, 1); interval_for() in
// metric_interval.hpp handles the degenerate cases and chooses the method.
#include <span>
#include <string_view>

namespace desksim::analysis {

struct Interval {
  double low;
  double high;
  std::string_view method;  ///< one of the names above, "degenerate" or "none"
};

Interval student_t_interval(std::span<const double> values, double confidence);
/// Values >= 0 with a positive mean.
Interval log_t_interval(std::span<const double> values, double confidence);
/// Values > 0.
Interval lognormal_cox_interval(std::span<const double> values, double confidence);
/// Values in [0, 1] with a mean strictly between 0 and 1.
Interval logit_t_interval(std::span<const double> values, double confidence);
/// `successes` of `trials` (trials >= 1).
Interval clopper_pearson_interval(unsigned successes, unsigned trials, double confidence);

}  // namespace desksim::analysis
