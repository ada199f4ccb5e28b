#include "analysis/export/dashboard_target_rows.hpp"

#include <cmath>

#include "analysis/export/calendar_dates.hpp"
#include "analysis/statistics/target_views.hpp"

namespace desksim::analysis {
namespace {

using std::int64_t;

double mean_or_nan(const results::MetricEstimate* e) { return e ? e->mean() : std::nan(""); }

bool insert_sla(SqliteDatabase& db, int64_t run_id, const results::RunResult& run) {
  SqliteStatement s(db,
                    "INSERT INTO sla_attainment (run_id, supplier, priority, clock, n, mean, ci_low, ci_high, method, "
                    "target_percent, target_time_hours, calendar) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const SlaAttainment& a : sla_attainments(run)) {
    s.bind(1, run_id).bind(2, a.supplier).bind(3, a.priority).bind(4, a.clock)
        .bind(5, static_cast<int64_t>(a.estimate->n())).bind(6, a.estimate->mean()).bind(7, a.estimate->ci_low())
        .bind(8, a.estimate->ci_high()).bind(9, a.estimate->method())
        .bind(10, a.target_percent.value_or(std::nan(""))).bind(11, a.target_time_hours.value_or(std::nan("")));
    if (a.calendar.empty()) s.bind_null(12); else s.bind(12, a.calendar);
    if (!s.run()) return false;
  }
  return true;
}

bool insert_services(SqliteDatabase& db, int64_t run_id, const results::RunResult& run) {
  SqliteStatement s(db,
                    "INSERT INTO service_availability (run_id, service, n, availability, ci_low, ci_high, method, "
                    "business_hours_availability, target_percent, target_met_share, target_met_low, target_met_high, "
                    "downtime_minutes, planned_downtime_minutes, credit_pounds) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const ServiceAvailability& a : service_availabilities(run)) {
    const auto* met = a.target_met;
    if (!s.bind(1, run_id).bind(2, a.service).bind(3, static_cast<int64_t>(a.availability->n()))
             .bind(4, a.availability->mean()).bind(5, a.availability->ci_low()).bind(6, a.availability->ci_high())
             .bind(7, a.availability->method()).bind(8, mean_or_nan(a.business_hours_availability))
             .bind(9, a.target_percent).bind(10, mean_or_nan(met)).bind(11, met ? met->ci_low() : std::nan(""))
             .bind(12, met ? met->ci_high() : std::nan("")).bind(13, mean_or_nan(a.downtime_minutes))
             .bind(14, mean_or_nan(a.planned_downtime_minutes)).bind(15, mean_or_nan(a.credit_pounds)).run())
      return false;
  }
  return true;
}

bool insert_months_and_outages(SqliteDatabase& db, int64_t run_id, const results::RunResult& run, int64_t start_day) {
  SqliteStatement m(db,
                    "INSERT INTO service_months (run_id, replication, service, month, period_start, period_end, "
                    "availability, downtime_minutes, credit_pounds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SqliteStatement o(db,
                    "INSERT INTO service_outages (run_id, replication, service, outage, start_hours, end_hours, "
                    "start_at, end_at, ended, storm_tickets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& r : run.replications()) {
    const auto replication = static_cast<int64_t>(r.replication());
    for (const auto& s : r.infrastructure().services()) {
      for (const auto& month : s.months()) {
        const double start = month.month() * kAvailabilityMonthHours;
        if (!m.bind(1, run_id).bind(2, replication).bind(3, s.name()).bind(4, static_cast<int64_t>(month.month()))
                 .bind(5, iso_datetime(start_day, start)).bind(6, iso_datetime(start_day, start + kAvailabilityMonthHours))
                 .bind(7, month.availability()).bind(8, month.downtime_minutes()).bind(9, month.credit_pounds()).run())
          return false;
      }
      for (int k = 0; k < s.outage_log_size(); ++k) {
        const auto& x = s.outage_log(k);
        if (!o.bind(1, run_id).bind(2, replication).bind(3, s.name()).bind(4, static_cast<int64_t>(k))
                 .bind(5, x.start_hours()).bind(6, x.end_hours()).bind(7, iso_datetime(start_day, x.start_hours()))
                 .bind(8, iso_datetime(start_day, x.end_hours())).bind(9, static_cast<int64_t>(x.ended()))
                 .bind(10, static_cast<int64_t>(x.storm_tickets())).run())
          return false;
      }
    }
  }
  return true;
}

}  // namespace

bool insert_target_rows(SqliteDatabase& db, int64_t run_id, const results::RunResult& run, int64_t start_day) {
  return insert_sla(db, run_id, run) && insert_services(db, run_id, run) &&
         insert_months_and_outages(db, run_id, run, start_day);
}

}  // namespace desksim::analysis
