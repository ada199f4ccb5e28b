// `desksim check-fit SCENARIO LOG.csv`: simulate a (calibrated) scenario over the log's period and
// set what it predicts beside what the log shows, for the incidents opened in a window (the whole log,
// or with --from the days a fit did not see). Both sides are computed by the same code from per-ticket
// facts (models/calibration/fit_figures.hpp); each simulated figure has its across-replication interval.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/export/json_text.hpp"
#include "analysis/export/results_writer.hpp"
#include "analysis/export/staged_files.hpp"
#include "analysis/report/fit_check_summary.hpp"
#include "analysis/statistics/metric_interval.hpp"
#include "analysis/statistics/replication_statistics.hpp"
#include "app/commands.hpp"
#include "app/output_directory.hpp"
#include "app/whole_number_option.hpp"
#include "models/calibration/csv_stream.hpp"
#include "models/calibration/fit_figures.hpp"
#include "models/calibration/incident_log.hpp"
#include "models/calibration/log_time.hpp"
#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::app {
namespace {

namespace cal = models::calibration;

struct CheckFitArgs {
  std::string scenario, log, columns, from;
  std::uint64_t seed = 0;
  unsigned replications = 0;
  unsigned jobs = 1;
  std::string out = "out/check-fit";
};

// The targets a fit is held to on days it did not see (issue of record: p50/p90 within 20%, shares
// within 5 points, arrivals per weekday within 15%). Empty tolerance: no target.
struct Target {
  double relative = 0.0, absolute = 0.0;
  bool any() const { return relative > 0 || absolute > 0; }
};
Target target_of(const std::string& name) {
  if (name == "resolve_hours.p50" || name == "resolve_hours.p90") return {0.20, 0.0};
  if (name == "never_reassigned" || name == "made_sla") return {0.0, 0.05};
  if (name.rfind("arrivals.", 0) == 0 && name != "arrivals.Sat" && name != "arrivals.Sun") return {0.15, 0.0};
  return {};
}


int check_fit(const CheckFitArgs& a, bool has_seed) {
  namespace fs = std::filesystem;
  cal::IncidentLog log;
  std::int64_t from_day = 0;
  try {
    cal::ColumnMap map = cal::ColumnMap::servicenow();
    if (!a.columns.empty()) map.apply(a.columns);
    log = cal::read_incident_log(a.log, map);
    if (log.incidents.empty()) throw cal::InputError(a.log + ": no incident");
  } catch (const cal::InputError& e) {
    std::cerr << "desksim check-fit: " << e.what() << "\n";
    return 2;
  }
  // The window's days are those incidents were opened on; the log goes on recording them until its
  // last update, and so does the simulation, so that both see the same resolutions (an incident
  // opened in the last week may be resolved weeks later, and is in the log then).
  std::int64_t first_day = INT64_MAX, last_day = INT64_MIN, last_event_day = INT64_MIN;
  for (const auto& inc : log.incidents) {
    const std::int64_t day = inc.opened / cal::kMinutesPerDay;
    first_day = std::min(first_day, day);
    last_day = std::max(last_day, day);
    for (const auto& t : {inc.resolved, inc.closed})
      if (t) last_event_day = std::max(last_event_day, *t / cal::kMinutesPerDay);
  }
  last_event_day = std::max(last_event_day, last_day);
  from_day = first_day;
  if (!a.from.empty()) {
    const auto day = cal::parse_day(a.from);
    if (!day || *day < first_day || *day > last_day) {
      std::cerr << "desksim check-fit: --from: expected a date from " << cal::format_day(first_day) << " to "
                << cal::format_day(last_day) << " (YYYY-MM-DD), got \"" << a.from << "\"\n";
      return 2;
    }
    from_day = *day;
  }

  scenario::Scenario s;
  std::vector<models::Diagnostic> diagnostics;
  if (!models::load_scenario(a.scenario, &s, &diagnostics)) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  // The simulation covers the log's period exactly, so that both sides are censored alike.
  auto* run = s.mutable_run();
  run->set_start_date(cal::format_day(first_day));
  run->set_horizon_hours(static_cast<double>(last_event_day + 1 - first_day) * 24.0);
  run->set_warmup_hours(0);
  run->set_max_tickets(0);
  run->set_warmup_tickets(0);
  // No incident is opened after the log's last day: the days after it only let tickets resolve.
  if (last_event_day > last_day && s.demand().has_population()) {
    const auto& levels = s.demand().level_changes();
    const std::string stop = cal::format_day(last_day + 1);
    if (levels.empty() || levels[levels.size() - 1].from_date() < stop) {
      auto* level = s.mutable_demand()->add_level_changes();
      level->set_from_date(stop);
      level->set_level(0);
    }
  }
  models::validate_scenario(s, &diagnostics);
  if (!diagnostics.empty()) {
    std::cerr << "desksim check-fit: the scenario over the log's period "
              << cal::format_day(first_day) << " to " << cal::format_day(last_day) << ":\n"
              << models::format_all(diagnostics);
    return 2;
  }
  auto options = models::run_options_for(s, has_seed, a.seed, a.replications, a.jobs);
  std::string error;
  if (!prepare_output_folder(a.out, &error)) {
    std::cerr << "desksim check-fit: " << error << "\n";
    return 1;
  }
  const std::string folder = (fs::path(a.out) / ".partial").string();
  std::string bytes;
  s.SerializeToString(&bytes);
  models::RunCheckpoint checkpoint;
  if (!models::RunCheckpoint::start(folder, models::RunIdentity{std::string(kVersion), options.seed, options.replications, bytes, ""},
                                    &checkpoint, &error)) {
    std::cerr << "desksim check-fit: " << error << "\n";
    return 1;
  }
  options.checkpoint = &checkpoint;
  options.ticket_records = true;
  results::RunResult result;
  if (!models::run_scenario(s, options, &result, &error)) {
    std::cerr << "desksim check-fit: " << error << "\n";
    return 1;
  }

  const cal::FitWindow window{from_day - first_day, last_day + 1 - first_day,
                              static_cast<int>(((first_day % 7) + 7 + 3) % 7)};  // 1970-01-01 was a Thursday
  const auto log_facts = cal::facts_from_log(log, first_day);
  const auto observed = cal::fit_figures(log_facts, window);
  std::vector<std::vector<cal::FitFigure>> simulated;
  std::vector<cal::TicketFacts> pooled;
  try {
    for (unsigned r = 0; r < options.replications; ++r) {
      auto facts = cal::facts_from_records(checkpoint.ticket_records(r));
      simulated.push_back(cal::fit_figures(facts, window));
      pooled.insert(pooled.end(), facts.begin(), facts.end());
    }
  } catch (const cal::InputError& e) {
    std::cerr << "desksim check-fit: " << e.what() << "\n";
    return 1;
  }
  if (!checkpoint.remove(&error)) std::cerr << "desksim check-fit: " << error << "\n";

  results::FitCheck check;
  check.set_scenario_name(s.name());
  check.set_log(fs::path(a.log).filename().string());
  check.set_window_from(cal::format_day(from_day));
  check.set_window_until(cal::format_day(last_day));
  check.set_replications(options.replications);
  for (std::size_t k = 0; k < observed.size(); ++k) {
    const cal::FitFigure& o = observed[k];
    std::vector<double> values;
    for (const auto& rep : simulated)
      if (k < rep.size() && rep[k].defined) values.push_back(rep[k].value);
    if (values.empty() || !o.defined) continue;
    const auto kind = o.unit == "share" ? analysis::MetricKind::kShare : analysis::MetricKind::kNonNegative;
    const auto e = analysis::estimate_mean(values, 0.95);
    const auto interval = analysis::interval_for(kind, values, 0.95);
    auto* f = check.add_figures();
    f->set_name(o.name);
    f->set_unit(o.unit);
    f->set_log(o.value);
    f->set_simulated(e.mean);
    f->set_ci_low(interval.low);
    f->set_ci_high(interval.high);
    f->set_replications(static_cast<std::uint32_t>(values.size()));
    const Target t = target_of(o.name);
    if (t.any()) {
      const double allowed = t.relative > 0 ? t.relative * std::fabs(o.value) : t.absolute;
      f->set_target_kind(t.relative > 0 ? "relative" : "absolute");
      f->set_target_tolerance(t.relative > 0 ? t.relative : t.absolute);
      f->set_target_met(std::fabs(e.mean - o.value) <= allowed);
    }
  }
  for (int p = 1; p < 100; ++p) check.add_probabilities(p / 100.0);
  check.add_probabilities(0.995);
  const std::vector<double> probabilities(check.probabilities().begin(), check.probabilities().end());
  for (double q : cal::resolve_quantiles(log_facts, window, probabilities)) check.add_log_quantiles(q);
  for (double q : cal::resolve_quantiles(pooled, window, probabilities)) check.add_simulated_quantiles(q);

  const std::string table = analysis::fit_check_text(check);
  analysis::StagedFiles files(a.out);
  std::string binary;
  check.SerializeToString(&binary);
  if (!files.add("check-fit.pb", binary, &error) || !files.add("check-fit.json", analysis::json_text(check), &error) ||
      !files.add("check-fit.csv", analysis::fit_check_csv(check), &error) || !files.add("check-fit.txt", table, &error) ||
      !files.commit(&error)) {
    std::cerr << "desksim check-fit: " << error << "\n";
    return 1;
  }
  std::cout << table << "written to " << a.out << "/check-fit.pb, .json, .csv and .txt (desksim report " << a.out
            << " draws it)\n";
  return 0;
}

}  // namespace

Command add_check_fit_command(CLI::App& app) {
  auto args = std::make_shared<CheckFitArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check-fit",
      "Simulate a scenario (e.g. one from `desksim calibrate`) over an incident export's period and print, beside "
      "the export, what it predicts for the incidents opened in a window: arrivals per weekday, time to resolve at "
      "p50/p75/p90/p95 overall and per priority, reassignments, waiting states, the made_sla share and the daily "
      "backlog, each with its 95% interval. With --from, the window is the days from that date (a hold-out).");
  cmd->add_option("scenario", args->scenario, "Scenario file")->required()->check(CLI::ExistingFile);
  cmd->add_option("log", args->log, "Incident export (CSV, or .csv.gz)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--columns", args->columns, "Column map for exports other than ServiceNow's, as for calibrate");
  cmd->add_option("--from", args->from, "First day of the window compared (YYYY-MM-DD); default the log's first day");
  CLI::Option* seed = cmd->add_option("--seed", args->seed, "Base seed (default: the scenario's run.seed, else 1)")
                          ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--replications,-r", args->replications, "Replications (default: the scenario's run.replications)")
      ->check(whole_number(1, models::kMaxReplications));
  cmd->add_option("--jobs,-j", args->jobs, "Replications run in parallel (default 1)")->check(whole_number(1, kMaxJobs));
  cmd->add_option("--out,-o", args->out, "Output directory (default: out/check-fit)");
  return Command{cmd, [args, seed] { return check_fit(*args, seed->count() > 0); }};
}

}  // namespace desksim::app
