#include "analysis/export/dashboard_database.hpp"

#include <cmath>
#include <cstdlib>
#include <functional>

#include "analysis/export/calendar_dates.hpp"
#include "analysis/export/dashboard_schema.hpp"

namespace desksim::analysis {
namespace {

// Opens `path`, creates the schema and runs `fill` in one transaction. The page size and the
// absence of any time stamp keep the file's bytes a function of its contents.
bool write_database(const std::string& path, const std::function<bool(SqliteDatabase&)>& fill, std::string* error) {
  SqliteDatabase db(path);
  auto fail = [&](const std::string& message) {
    if (error) *error = path + ": " + message;
    return false;
  };
  if (!db.ok()) return fail(db.error());
  if (!db.exec("PRAGMA page_size = 4096; PRAGMA journal_mode = DELETE; BEGIN IMMEDIATE;")) return fail(db.error());
  if (!create_dashboard_schema(db) || !fill(db)) {
    const std::string message = db.error();
    db.exec("ROLLBACK;");
    return fail(message);
  }
  if (!db.exec("COMMIT;")) return fail(db.error());
  if (!db.close()) return fail(db.error());
  return true;
}

}  // namespace

bool create_dashboard_schema(SqliteDatabase& db) {
  if (!db.exec(dashboard_schema_sql())) return false;
  SqliteStatement info(db, "INSERT INTO schema_info (key, value) VALUES (?, ?)");
  return info.bind(1, "schema_version").bind(2, std::to_string(kDashboardSchemaVersion)).run() &&
         info.bind(1, "written_by").bind(2, "desksim").run() &&
         db.exec("PRAGMA user_version = " + std::to_string(kDashboardSchemaVersion) + ";");
}

bool write_run_database(const results::RunResult& run, const std::string& path, std::string* error,
                        const std::string& tickets_csv) {
  std::string tickets_error;
  const bool ok = write_database(
      path,
      [&](SqliteDatabase& db) {
        const std::int64_t run_id = insert_run(db, run, "run");
        return run_id >= 0 && (tickets_csv.empty() ||
                               insert_tickets(db, run_id, tickets_csv, start_day_of(run.scenario().start_date()), &tickets_error));
      },
      error);
  if (!ok && !tickets_error.empty() && error) *error = tickets_error;
  return ok;
}

bool write_sweep_database(const results::Sweep& sweep, const std::vector<results::RunResult>& runs,
                          const std::string& path, std::string* error) {
  return write_database(
      path,
      [&](SqliteDatabase& db) {
        std::string fields;
        for (const auto& f : sweep.fields()) fields += (fields.empty() ? "" : ", ") + f;
        SqliteStatement s(db, "INSERT INTO sweeps (sweep_id, scenario, fields) VALUES (1, ?, ?)");
        if (!s.bind(1, sweep.scenario_name()).bind(2, fields).run()) return false;
        SqliteStatement p(db, "INSERT INTO sweep_points (sweep_id, point, run_id, directory) VALUES (1, ?, ?, ?)");
        SqliteStatement v(db,
                          "INSERT INTO sweep_settings (sweep_id, point, field, value, numeric_value) "
                          "VALUES (1, ?, ?, ?, ?)");
        for (int k = 0; k < sweep.points_size() && static_cast<std::size_t>(k) < runs.size(); ++k) {
          const auto& point = sweep.points(k);
          const std::int64_t run_id = insert_run(db, runs[static_cast<std::size_t>(k)], "sweep point");
          if (run_id < 0 || !p.bind(1, static_cast<std::int64_t>(point.point())).bind(2, run_id).bind(3, point.directory()).run())
            return false;
          for (const auto& setting : point.settings()) {
            char* end = nullptr;
            const double number = std::strtod(setting.value().c_str(), &end);
            const bool numeric = !setting.value().empty() && end != nullptr && *end == '\0' && std::isfinite(number);
            v.bind(1, static_cast<std::int64_t>(point.point())).bind(2, setting.field()).bind(3, setting.value());
            if (numeric) v.bind(4, number);
            else v.bind_null(4);
            if (!v.run()) return false;
          }
        }
        return true;
      },
      error);
}

bool write_comparison_database(const results::Comparison& comparison, const std::string& path, std::string* error) {
  return write_database(
      path,
      [&](SqliteDatabase& db) {
        const std::int64_t base = insert_run(db, comparison.base(), "base");
        const std::int64_t alternative = base < 0 ? -1 : insert_run(db, comparison.alternative(), "alternative");
        if (alternative < 0) return false;
        SqliteStatement c(db, "INSERT INTO comparisons (comparison_id, base_run_id, alternative_run_id) VALUES (1, ?, ?)");
        if (!c.bind(1, base).bind(2, alternative).run()) return false;
        SqliteStatement d(db,
                          "INSERT INTO differences (comparison_id, metric, unit, n, base_mean, alternative_mean, "
                          "difference_mean, ci_low, ci_high, confidence, method, significant) "
                          "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (const auto& x : comparison.differences()) {
          if (!d.bind(1, x.name()).bind(2, x.unit()).bind(3, static_cast<std::int64_t>(x.n()))
                   .bind(4, x.base_mean()).bind(5, x.alternative_mean()).bind(6, x.difference_mean())
                   .bind(7, x.ci_low()).bind(8, x.ci_high()).bind(9, x.confidence()).bind(10, x.method())
                   .bind(11, static_cast<std::int64_t>(x.significant())).run())
            return false;
        }
        SqliteStatement m(db,
                          "INSERT INTO monthly_differences (comparison_id, series, month, unit, n, base_mean, "
                          "alternative_mean, difference_mean, ci_low, ci_high, confidence, method, significant) "
                          "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (const auto& x : comparison.monthly_differences()) {
          if (!m.bind(1, x.name()).bind(2, x.period()).bind(3, x.unit()).bind(4, static_cast<std::int64_t>(x.n()))
                   .bind(5, x.base_mean()).bind(6, x.alternative_mean()).bind(7, x.difference_mean())
                   .bind(8, x.ci_low()).bind(9, x.ci_high()).bind(10, x.confidence()).bind(11, x.method())
                   .bind(12, static_cast<std::int64_t>(x.significant())).run())
            return false;
        }
        return true;
      },
      error);
}

}  // namespace desksim::analysis
