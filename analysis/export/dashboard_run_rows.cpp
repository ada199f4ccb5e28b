// insert_run (dashboard_database.hpp): the rows of one run. Targets and availability are in
// dashboard_target_rows.cpp.
#include <cmath>

#include "analysis/export/calendar_dates.hpp"
#include "analysis/export/dashboard_database.hpp"
#include "analysis/export/dashboard_target_rows.hpp"
#include "analysis/export/fnv1a.hpp"
#include "analysis/statistics/metric_units.hpp"
#include "analysis/statistics/run_estimates.hpp"

namespace desksim::analysis {
namespace {

using std::int64_t;

std::string scenario_name(const results::RunResult& run) {
  return run.scenario().name().empty() ? run.scenario_name() : run.scenario().name();
}

// The same scenario inserted twice (a comparison of a scenario with itself) keeps one row.
int64_t insert_scenario(SqliteDatabase& db, const results::RunResult& run) {
  const auto& s = run.scenario();
  const std::string fingerprint = hex16(s.fingerprint());
  SqliteStatement find(db, "SELECT scenario_id FROM scenarios WHERE fingerprint = ? AND name = ?");
  find.bind(1, fingerprint).bind(2, scenario_name(run));
  if (find.next_row()) return find.column_int64(0);
  SqliteStatement insert(db,
                         "INSERT INTO scenarios (name, description, fingerprint, start_date, horizon_hours, "
                         "warmup_hours) VALUES (?, ?, ?, ?, ?, ?)");
  const std::string start = iso_date(start_day_of(s.start_date()));
  if (!insert.bind(1, scenario_name(run)).bind(2, s.description()).bind(3, fingerprint).bind(4, start)
           .bind(5, s.horizon_hours()).bind(6, s.warmup_hours()).run())
    return -1;
  return db.last_insert_rowid();
}

std::uint64_t run_fingerprint(const results::RunResult& run) {
  std::uint64_t h = fnv1a(run.seed(), kFnvOffset);
  for (const auto& r : run.replications()) h = fnv1a(r.fingerprint(), h);
  return h;
}

bool insert_replications(SqliteDatabase& db, int64_t run_id, const results::RunResult& run, int64_t start_day) {
  SqliteStatement s(db,
                    "INSERT INTO replications (run_id, replication, seed, fingerprint, events, simulated_hours, "
                    "measured_from_hours, measured_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& r : run.replications()) {
    if (!s.bind(1, run_id).bind(2, static_cast<int64_t>(r.replication())).bind(3, static_cast<int64_t>(r.seed()))
             .bind(4, hex16(r.fingerprint())).bind(5, static_cast<int64_t>(r.events())).bind(6, r.simulated_hours())
             .bind(7, r.measured_from_hours()).bind(8, iso_datetime(start_day, r.measured_from_hours())).run())
      return false;
  }
  return true;
}

bool insert_measures_and_estimates(SqliteDatabase& db, int64_t run_id, const results::RunResult& run) {
  SqliteStatement m(db, "INSERT INTO measures (run_id, metric, replication, value) VALUES (?, ?, ?, ?)");
  for (const MetricSamples& samples : collect_metric_samples(run)) {
    for (std::size_t r = 0; r < samples.values.size(); ++r)
      if (!m.bind(1, run_id).bind(2, samples.name).bind(3, static_cast<int64_t>(samples.replications[r]))
               .bind(4, samples.values[r]).run())
        return false;
  }
  SqliteStatement e(db,
                    "INSERT INTO estimates (run_id, metric, topic, kind, unit, n, mean, stddev, ci_low, ci_high, "
                    "confidence, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& x : run.estimates()) {
    if (!e.bind(1, run_id).bind(2, x.name()).bind(3, metric_topic(x.name())).bind(4, x.kind()).bind(5, x.unit())
             .bind(6, static_cast<int64_t>(x.n())).bind(7, x.mean()).bind(8, x.stddev()).bind(9, x.ci_low())
             .bind(10, x.ci_high()).bind(11, x.confidence()).bind(12, x.method()).run())
      return false;
  }
  SqliteStatement monthly(db,
                          "INSERT INTO monthly_estimates (run_id, series, month, unit, n, mean, ci_low, ci_high, "
                          "confidence, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& x : run.monthly_estimates()) {
    if (!monthly.bind(1, run_id).bind(2, x.name()).bind(3, x.period()).bind(4, x.unit())
             .bind(5, static_cast<int64_t>(x.n())).bind(6, x.mean()).bind(7, x.ci_low()).bind(8, x.ci_high())
             .bind(9, x.confidence()).bind(10, x.method()).run())
      return false;
  }
  return true;
}

bool insert_series(SqliteDatabase& db, int64_t run_id, const results::RunResult& run, int64_t start_day) {
  SqliteStatement s(db,
                    "INSERT INTO series (run_id, replication, series, period_hours, period, period_start, period_end, "
                    "measured, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& r : run.replications()) {
    for (const auto& series : r.series()) {
      const double p = series.period_hours();
      // Calendar months carry their bounds; fixed periods (days) are k x period_hours.
      const bool bounded = series.period_bounds_hours_size() == series.values_size() + 1;
      for (int k = 0; k < series.values_size(); ++k) {
        const double start = bounded ? series.period_bounds_hours(k) : k * p;
        const double end = bounded ? series.period_bounds_hours(k + 1) : start + p;
        if (!s.bind(1, run_id).bind(2, static_cast<int64_t>(r.replication())).bind(3, series.name()).bind(4, p)
                 .bind(5, static_cast<int64_t>(k)).bind(6, iso_datetime(start_day, start))
                 .bind(7, iso_datetime(start_day, end))
                 .bind(8, static_cast<int64_t>(start >= r.measured_from_hours())).bind(9, series.values(k)).run())
          return false;
      }
    }
  }
  return true;
}

bool insert_profiles(SqliteDatabase& db, int64_t run_id, const results::RunResult& run) {
  static const char* kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  SqliteStatement s(db,
                    "INSERT INTO profiles (run_id, replication, profile, bin, weekday, hour, value, exposure_hours) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& r : run.replications()) {
    for (const auto& p : r.profiles()) {
      const bool week = p.cycle_hours() == 168.0;
      for (int b = 0; b < p.values_size(); ++b) {
        const double start = b * p.bin_hours();
        s.bind(1, run_id).bind(2, static_cast<int64_t>(r.replication())).bind(3, p.name()).bind(4, static_cast<int64_t>(b));
        if (week) s.bind(5, kWeekdays[static_cast<int>(start / 24.0) % 7]).bind(6, std::fmod(start, 24.0));
        const double exposure = b < p.exposure_hours_size() ? p.exposure_hours(b) : std::nan("");
        if (!s.bind(7, p.values(b)).bind(8, exposure).run()) return false;
      }
    }
  }
  return true;
}

}  // namespace

int64_t insert_run(SqliteDatabase& db, const results::RunResult& run, const std::string& role) {
  const int64_t scenario_id = insert_scenario(db, run);
  if (scenario_id < 0) return -1;
  SqliteStatement s(db,
                    "INSERT INTO runs (scenario_id, role, fingerprint, desksim_version, seed, replications, confidence) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)");
  const double confidence = run.estimates_size() > 0 ? run.estimates(0).confidence() : std::nan("");
  if (!s.bind(1, scenario_id).bind(2, role).bind(3, hex16(run_fingerprint(run))).bind(4, run.desksim_version())
           .bind(5, static_cast<int64_t>(run.seed())).bind(6, static_cast<int64_t>(run.replications_size()))
           .bind(7, confidence).run())
    return -1;
  const int64_t run_id = db.last_insert_rowid();
  const int64_t start_day = start_day_of(run.scenario().start_date());
  if (!insert_replications(db, run_id, run, start_day) || !insert_measures_and_estimates(db, run_id, run) ||
      !insert_series(db, run_id, run, start_day) || !insert_profiles(db, run_id, run) ||
      !insert_target_rows(db, run_id, run, start_day))
    return -1;
  return run_id;
}

}  // namespace desksim::analysis
