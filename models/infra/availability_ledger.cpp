#include "models/infra/availability_ledger.hpp"

#include <algorithm>

namespace desksim::models {

AvailabilityLedger::AvailabilityLedger(BusinessCalendar calendar, sim::ReportingMonths months, sim::Time measure_from,
                                       bool planned_counts_as_down)
    : calendar_(std::move(calendar)),
      calendar_months_(months),
      measure_from_(measure_from),
      planned_counts_as_down_(planned_counts_as_down) {}

double AvailabilityLedger::ratio(const double* seconds) const {
  const double up = seconds[static_cast<int>(ServiceState::kUp)];
  double down = seconds[static_cast<int>(ServiceState::kDown)];
  if (planned_counts_as_down_) down += seconds[static_cast<int>(ServiceState::kPlannedDown)];
  return up + down > 0 ? up / (up + down) : 1.0;
}

void AvailabilityLedger::account(sim::Time from, sim::Time to, ServiceState s) {
  if (!(to > from)) return;
  const int i = static_cast<int>(s);
  // Calendar months, from t = 0: split the interval at month boundaries.
  sim::Time a = from;
  while (a < to) {
    const std::size_t m = calendar_months_.month_at(a);
    const sim::Time b = std::min(to, calendar_months_.end(m));
    if (months_.size() <= m) months_.resize(m + 1);
    months_[m].seconds[i] += b - a;
    a = b;
  }
  // Measured window.
  const sim::Time mf = std::max(from, measure_from_);
  if (to > mf) {
    total_[i] += to - mf;
    business_[i] += calendar_.business_seconds_between(mf, to);
  }
}

void AvailabilityLedger::change(sim::Time now, ServiceState s) {
  if (finished_ || s == state_) return;
  account(since_, now, state_);
  if (state_ == ServiceState::kDown && !outages_.empty() && !outages_.back().ended &&
      outages_.back().start <= now) {
    outages_.back().end = now;
    outages_.back().ended = true;
  }
  if (s == ServiceState::kDown && now >= measure_from_) outages_.push_back(Outage{now, now, false});
  state_ = s;
  since_ = now;
}

void AvailabilityLedger::finish(sim::Time end) {
  if (finished_) return;
  account(since_, end, state_);
  if (state_ == ServiceState::kDown && !outages_.empty() && !outages_.back().ended) outages_.back().end = end;
  since_ = end;
  finished_ = true;
}

double AvailabilityLedger::credits(double monthly_fee, const std::vector<CreditBand>& bands, sim::Time end) const {
  double sum = 0.0;
  for (std::size_t m = 0; m < months_.size(); ++m) {
    if (!month_complete(m, end)) break;
    sum += monthly_fee * credit_share(month_availability(m), bands);
  }
  return sum;
}

}  // namespace desksim::models
