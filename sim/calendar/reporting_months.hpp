#pragma once
// Calendar months of a run, for monthly reports and service credits: contracts bill by calendar
// month, so a month is as long as the calendar says (28 to 31 days), not a fixed number of hours.
//
// Simulated time 0 is 00:00 of the start date (local time, days of 86,400 s). Month 0 runs from
// t = 0 to the first day of the next calendar month; month k >= 1 is the k-th calendar month after
// the start date's month, whole. A start on the 15th of January thus makes month 0 17 days long
// and month 1 all of February.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/kernel/time.hpp"

namespace desksim::sim {

class ReportingMonths {
 public:
  /// `start_day`: days since 1970-01-01 of the date at simulated time 0.
  explicit ReportingMonths(std::int64_t start_day);

  /// The month containing t (t >= 0; a negative t counts as 0). A month's end belongs to the next.
  std::size_t month_at(Time t) const;
  /// Start and end of month k, in seconds since t = 0 (start(0) = 0, end(k) = start(k + 1)).
  Time start(std::size_t k) const;
  Time end(std::size_t k) const { return start(k + 1); }
  /// The calendar month of month k, "YYYY-MM".
  std::string label(std::size_t k) const;
  /// Bounds of the months a run of [0, end) touches (end > 0): 0, start(1), ..., and `end` last, so
  /// that the last month stops where the run does.
  std::vector<Time> bounds_until(Time end) const;

 private:
  /// Months since year 0 (year * 12 + month - 1) of month 0's calendar month.
  std::int64_t first_month_;
  std::int64_t start_day_;
};

}  // namespace desksim::sim
