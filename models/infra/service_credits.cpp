#include "models/infra/service_credits.hpp"

#include <algorithm>

namespace desksim::models {

double credit_share(double availability, const std::vector<CreditBand>& bands) {
  double percent = 0.0;
  for (const CreditBand& b : bands)
    // Tolerance: 0.999 must not count as "below 99.9%" because of rounding in 99.9 / 100.
    if (availability < b.availability_below_percent / 100.0 - 1e-12)
      percent = std::max(percent, b.credit_percent_of_monthly_fee);
  return percent / 100.0;
}

}  // namespace desksim::models
