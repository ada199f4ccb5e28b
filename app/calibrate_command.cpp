// `desksim calibrate LOG.csv --out SCENARIO.textproto`: fit a scenario to an incident export
// (models/calibration), write it with a comment on every number, and check it as `validate` would.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "models/calibration/csv_stream.hpp"
#include "models/calibration/incident_log.hpp"
#include "models/calibration/log_time.hpp"
#include "models/calibration/scenario_fit.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::app {
namespace {

struct CalibrateArgs {
  std::string log, out, columns, fit_until;
  unsigned users = 0;
};

int calibrate(const CalibrateArgs& a) {
  namespace cal = models::calibration;
  cal::CalibrationResult result;
  try {
    cal::ColumnMap map = cal::ColumnMap::servicenow();
    if (!a.columns.empty()) map.apply(a.columns);
    cal::CalibrationOptions options;
    options.users = a.users;
    options.source = std::filesystem::path(a.log).filename().string();
    if (!a.fit_until.empty()) {
      options.fit_until = cal::parse_day(a.fit_until);
      if (!options.fit_until) throw cal::InputError("--fit-until: expected YYYY-MM-DD, got \"" + a.fit_until + "\"");
    }
    const cal::IncidentLog log = cal::read_incident_log(a.log, map);
    result = cal::calibrate(log, options);
  } catch (const cal::InputError& e) {
    std::cerr << "desksim calibrate: " << e.what() << "\n";
    return 2;
  }
  // Written to a temporary name and renamed once it validates, so a failure never leaves half a file.
  const std::string tmp = a.out + ".tmp";
  {
    std::ofstream file(tmp);
    file << result.scenario_text;
    if (!file) {
      std::cerr << "desksim calibrate: cannot write " << tmp << "\n";
      return 1;
    }
  }
  scenario::Scenario s;
  std::vector<models::Diagnostic> diagnostics;
  if (!models::load_scenario(tmp, &s, &diagnostics)) {
    std::cerr << "desksim calibrate: the fitted scenario does not validate (a bug; left in " << tmp << "):\n"
              << models::format_all(diagnostics);
    return 1;
  }
  std::filesystem::rename(tmp, a.out);
  std::cout << result.summary << "wrote " << a.out << " (validated)\n";
  return 0;
}

}  // namespace

Command add_calibrate_command(CLI::App& app) {
  auto args = std::make_shared<CalibrateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "calibrate", "Fit a scenario to an incident event log (CSV, plain or gzip; ServiceNow's columns unless --columns). "
                   "Exit code 2 for bad input, naming file, row and column.");
  cmd->add_option("log", args->log, "Incident event log (.csv or .csv.gz)")->required();
  cmd->add_option("--out", args->out, "Scenario file to write (.textproto)")->required();
  cmd->add_option("--columns", args->columns,
                  "Column map: field=Header,... or a file of field=Header lines (fields: number, opened_at, "
                  "resolved_at, closed_at, state, priority, category, assignment_group, reassignment_count, "
                  "made_sla, sys_updated_at, sys_mod_count)");
  cmd->add_option("--fit-until", args->fit_until, "Fit to incidents opened on or before this date (YYYY-MM-DD)");
  cmd->add_option("--users", args->users, "Users in the one segment (default: one incident per user per month)");
  return Command{cmd, [args] { return calibrate(*args); }};
}

}  // namespace desksim::app
