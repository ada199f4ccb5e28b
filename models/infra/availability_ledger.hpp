#pragma once
// The availability account of one service: the time it spends up, down (unplanned) and planned down
// (down only because of planned maintenance), overall, within business hours, and per month; and its
// outages (maximal unplanned-down intervals).
//
// Availability = up / (up + down) over the agreed service time. Planned-down time is excluded from the
// agreed service time unless the contract counts it as downtime (then it counts as down, but is still
// reported apart from unplanned downtime and never makes an outage). With no agreed time, availability
// is 1.
//
// Overall and business-hours figures cover [measure_from, end) (the warm-up is discarded); months are
// the calendar months of the run from t = 0 (sim::ReportingMonths), warm-up included, because
// monthly service credits follow the contract's calendar. O(1) work per state change plus one step
// per month boundary crossed.
#include <cstdint>
#include <vector>

#include "models/infra/business_calendar.hpp"
#include "models/infra/service_credits.hpp"
#include "sim/calendar/reporting_months.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

enum class ServiceState : std::uint8_t { kUp = 0, kDown = 1, kPlannedDown = 2 };

class AvailabilityLedger {
 public:
  struct Outage {
    sim::Time start;
    sim::Time end;   // the run's end when not ended
    bool ended;
  };
  struct Month {
    double seconds[3] = {0, 0, 0};  // by ServiceState
  };

  AvailabilityLedger(BusinessCalendar calendar, sim::ReportingMonths months, sim::Time measure_from,
                     bool planned_counts_as_down);

  /// The service is in state `s` from `now` on (a repeated state is ignored).
  void change(sim::Time now, ServiceState s);
  /// Closes the account at the end of the run (an outage still open stays "not ended").
  void finish(sim::Time end);

  ServiceState state() const { return state_; }
  double availability() const { return ratio(total_); }
  double business_hours_availability() const { return ratio(business_); }
  double seconds_in(ServiceState s) const { return total_[static_cast<int>(s)]; }
  double business_seconds_in(ServiceState s) const { return business_[static_cast<int>(s)]; }
  /// Months touched so far, from month 0 (t = 0) on.
  const std::vector<Month>& months() const { return months_; }
  const sim::ReportingMonths& reporting_months() const { return calendar_months_; }
  double month_availability(std::size_t m) const { return ratio(months_[m].seconds); }
  /// Whether month m ends by `end`: only a complete month has a contractual figure (a credit).
  bool month_complete(std::size_t m, sim::Time end) const { return calendar_months_.end(m) <= end + 1e-6; }
  /// Outages that started at or after measure_from, in order.
  const std::vector<Outage>& outages() const { return outages_; }

  /// Credit in pounds over the months completed by `end`.
  double credits(double monthly_fee, const std::vector<CreditBand>& bands, sim::Time end) const;

 private:
  double ratio(const double* seconds) const;
  void account(sim::Time from, sim::Time to, ServiceState s);

  BusinessCalendar calendar_;
  sim::ReportingMonths calendar_months_;
  sim::Time measure_from_;
  bool planned_counts_as_down_;
  ServiceState state_ = ServiceState::kUp;
  sim::Time since_ = 0.0;
  double total_[3] = {0, 0, 0};
  double business_[3] = {0, 0, 0};
  std::vector<Month> months_;
  std::vector<Outage> outages_;
  bool finished_ = false;
};

}  // namespace desksim::models
