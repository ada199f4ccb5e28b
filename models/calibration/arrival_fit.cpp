#include "models/calibration/arrival_fit.hpp"

#include <algorithm>
#include <cmath>

#include "models/calibration/log_time.hpp"
#include "models/scenario/calendar_date.hpp"

namespace desksim::models::calibration {
namespace {

double median(std::vector<int> xs) {
  if (xs.empty()) return 0;
  std::sort(xs.begin(), xs.end());
  const std::size_t n = xs.size();
  return n % 2 ? xs[n / 2] : 0.5 * (xs[n / 2 - 1] + xs[n / 2]);
}

}  // namespace

ArrivalFit fit_arrivals(const std::vector<const Incident*>& incidents, std::int64_t first_day, std::int64_t last_day) {
  ArrivalFit fit;
  const std::size_t n_days = static_cast<std::size_t>(last_day - first_day + 1);
  fit.days.resize(n_days);
  std::vector<std::array<int, 24>> hourly(n_days, std::array<int, 24>{});
  for (std::size_t d = 0; d < n_days; ++d) {
    fit.days[d].day = first_day + static_cast<std::int64_t>(d);
    fit.days[d].weekday = weekday_of_day_number(fit.days[d].day);
  }
  for (const Incident* inc : incidents) {
    const std::int64_t day = inc->opened / kMinutesPerDay;
    if (day < first_day || day > last_day) continue;
    const std::size_t d = static_cast<std::size_t>(day - first_day);
    ++fit.days[d].count;
    ++hourly[d][static_cast<std::size_t>((inc->opened % kMinutesPerDay) / 60)];
  }
  // Exclusion against the median of the same weekday.
  for (int w = 0; w < 7; ++w) {
    std::vector<int> same;
    for (const DayCount& c : fit.days)
      if (c.weekday == w) same.push_back(c.count);
    const double med = median(same);
    for (DayCount& c : fit.days)
      if (c.weekday == w && c.count < kAnomalousShare * med) c.excluded = true;
  }
  std::array<int, 7> kept_days{};
  for (std::size_t d = 0; d < n_days; ++d) {
    if (fit.days[d].excluded) continue;
    ++kept_days[static_cast<std::size_t>(fit.days[d].weekday)];
    for (std::size_t h = 0; h < 24; ++h)
      fit.weights[static_cast<std::size_t>(fit.days[d].weekday) * 24 + h] += hourly[d][h];
  }
  // A weekday with no day kept (a window shorter than a week) takes the mean of the days kept.
  double total = 0;
  int days_kept = 0;
  for (std::size_t w = 0; w < 7; ++w)
    for (std::size_t h = 0; h < 24; ++h) total += fit.weights[w * 24 + h], days_kept += 0;
  for (int k : kept_days) days_kept += k;
  for (std::size_t w = 0; w < 7; ++w)
    for (std::size_t h = 0; h < 24; ++h) {
      double& x = fit.weights[w * 24 + h];
      x = kept_days[w] > 0 ? x / kept_days[w] : 0.0;
    }
  for (std::size_t w = 0; w < 7; ++w)
    if (kept_days[w] == 0 && days_kept > 0)
      for (std::size_t h = 0; h < 24; ++h) fit.weights[w * 24 + h] = total / days_kept / 24.0;
  double week = 0;
  for (double x : fit.weights) week += x;
  fit.incidents_per_hour = week / 168.0;
  std::array<double, 7> day_mean{};
  for (std::size_t w = 0; w < 7; ++w)
    for (std::size_t h = 0; h < 24; ++h) day_mean[w] += fit.weights[w * 24 + h];
  for (DayCount& c : fit.days) c.expected = day_mean[static_cast<std::size_t>(c.weekday)];
  // Day factor from the weekday counts kept (the colleague's definition in scenarios/met/log-figures.md;
  // it includes the day-of-week pattern, so it slightly overstates the purely random part).
  std::vector<double> xs;
  for (const DayCount& c : fit.days)
    if (!c.excluded && c.weekday < 5) xs.push_back(c.count);
  fit.weekdays_kept = static_cast<int>(xs.size());
  if (xs.size() >= 2) {
    double m = 0;
    for (double x : xs) m += x;
    m /= xs.size();
    double v = 0;
    for (double x : xs) v += (x - m) * (x - m);
    v /= (xs.size() - 1);
    fit.weekday_mean = m;
    fit.weekday_variance = v;
    fit.day_factor_cv = m > 0 ? std::sqrt(std::max(0.0, (v - m) / (m * m))) : 0.0;
  }
  return fit;
}

}  // namespace desksim::models::calibration
