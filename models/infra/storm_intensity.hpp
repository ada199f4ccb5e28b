#pragma once
// The rate at which users raise incidents during an outage, as a function of the time t since the
// outage began:
//     rate(t) = peak * f(t) / f(t*),   f(t) = (1 - exp(-t / rise)) * exp(-t / decay)
// It starts at 0 (nobody has noticed yet), rises with time constant `rise`, peaks at
//     t* = rise * ln(1 + decay / rise),
// where it equals `peak`, and then decays with time constant `decay` (users learn the outage is
// known, e.g. from the major-incident banner). Chosen because it has one peak, two interpretable
// time constants, and is non-increasing after t*, which makes exact thinning cheap (see
// IncidentStorm).
#include <cmath>

namespace desksim::models {

class StormIntensity {
 public:
  /// peak >= 0 (per second), rise > 0 and decay > 0 (seconds).
  StormIntensity(double peak, double rise, double decay)
      : peak_(peak), rise_(rise), decay_(decay), peak_time_(rise * std::log1p(decay / rise)),
        normaliser_(1.0 / shape(peak_time_)) {}

  double rate(double t) const { return t <= 0 ? 0.0 : peak_ * shape(t) * normaliser_; }
  double peak() const { return peak_; }
  double peak_time() const { return peak_time_; }
  /// Expected incidents over an outage of length d: integral of rate over [0, d].
  double expected_count(double d) const {
    // integral of (e^{-t/decay} - e^{-t(1/rise + 1/decay)}) dt
    const double a = 1.0 / decay_, b = 1.0 / rise_ + 1.0 / decay_;
    return peak_ * normaliser_ * ((1 - std::exp(-a * d)) / a - (1 - std::exp(-b * d)) / b);
  }

 private:
  double shape(double t) const { return (1.0 - std::exp(-t / rise_)) * std::exp(-t / decay_); }

  double peak_, rise_, decay_, peak_time_, normaliser_;
};

}  // namespace desksim::models
