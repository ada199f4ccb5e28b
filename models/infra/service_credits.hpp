#pragma once
// Service credits by availability band: in a month whose availability is below a band's threshold
// the supplier credits that band's share of the monthly fee; the largest applicable band is paid
// (bands are tiers, they do not add up). E.g. 10% below 99.9%, 25% below 99.0%, 50% below 95.0%.
#include <vector>

namespace desksim::models {

struct CreditBand {
  double availability_below_percent;     // threshold, percent
  double credit_percent_of_monthly_fee;  // percent
};

/// Credit as a share of the monthly fee (0..1) for a month of the given availability (0..1).
double credit_share(double availability, const std::vector<CreditBand>& bands);

}  // namespace desksim::models
