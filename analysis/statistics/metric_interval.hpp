#pragma once
// Chooses the interval method for a metric from the range its quantity can take (its kind), and
// handles the cases no method can: one replication, or every replication giving the same value.
//
//   kind           method                                    falls back to
//   share          logit-t                                   (values outside [0,1]) non-negative
//   indicator      clopper-pearson on the replications' 0/1  (other values) share
//   non-negative   lognormal-cox when every value is > 0,    (a negative value) real
//                  log-t when some are 0
//   real           student-t
// Coverage of each choice, measured on synthetic experiments with a known mean, is in
// tests/analysis/interval_coverage_test.cpp and README.md ("Intervals").
#include <span>
#include <string_view>

#include "analysis/statistics/interval_methods.hpp"

namespace desksim::analysis {

enum class MetricKind { kReal, kNonNegative, kShare, kIndicator };

/// "real", "non-negative", "share", "indicator".
std::string_view kind_name(MetricKind kind);

/// The interval for the mean of `values` (one per replication). n = 0: NaN bounds, method "none";
/// n = 1: [x, x], "none"; all values equal (except an indicator): [x, x], "degenerate"; a
/// confidence outside (0, 1): NaN bounds.
Interval interval_for(MetricKind kind, std::span<const double> values, double confidence);

/// The kind the values fit: `declared` unless a value falls outside its range (then the narrowest
/// wider kind that holds them all).
MetricKind fitted_kind(MetricKind declared, std::span<const double> values);

}  // namespace desksim::analysis
