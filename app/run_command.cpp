// `desksim run SCENARIO`: run the replications, print a summary, write the results.
#include <cmath>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <iostream>
#include <sstream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/export/results_writer.hpp"
#include "analysis/report/text_summary.hpp"
#include "analysis/statistics/run_estimates.hpp"
#include "app/commands.hpp"
#include "app/output_directory.hpp"
#include "app/run_progress.hpp"
#include "app/scenario_info.hpp"
#include "app/stop_signals.hpp"
#include "app/task_mode.hpp"
#include "app/whole_number_option.hpp"
#include "models/run/run_scenario.hpp"
#include "models/scenario/run_limits_validator.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::app {

namespace {

struct RunArguments {
  std::string scenario;
  std::uint64_t seed = 0;
  unsigned replications = 0;
  unsigned jobs = 1;
  std::string out = "out";
  std::string tickets;
  bool quiet = false;
  bool all = false;
  bool progress = false;
  bool resume = false;
  double precision = 0;              ///< 0 = a fixed number of replications
  std::vector<std::string> measures;  ///< whose relative half-width --precision bounds
  unsigned max_replications = 100;
  TaskModeArguments task_mode;  ///< desksim-mpi's plumbing (app/task_mode.hpp)
};

// The measures --precision watches when none is named: the planner's first two, where the run has them.
const char* const kDefaultPrecisionMeasures[] = {"sla.resolution_attainment.mean", "desk.wait_hours.mean"};

// The widest relative half-width (half the interval over the mean) of the watched measures, and which.
// False with *error when none of them is in the run.
// *needed: the replications each measure's spread says the precision asks for, (1.96 s / (p |mean|))^2,
// the largest of them.
bool widest_half_width(const results::RunResult& run, const std::vector<std::string>& names, bool every_one,
                       double precision, double* widest, std::string* which, double* needed, std::string* error) {
  *widest = 0;
  *needed = 0;
  bool any = false;
  for (const std::string& name : names) {
    const auto* e = analysis::find_estimate(run, name);
    if (e == nullptr && every_one) {
      *error = "--measure " + name + ": the run has no such measure (desksim run --all lists them)";
      return false;
    }
    if (e == nullptr) continue;
    any = true;
    const double relative = e->mean() != 0 ? (e->ci_high() - e->ci_low()) / 2 / std::fabs(e->mean()) : 0.0;
    if (e->mean() != 0) *needed = std::max(*needed, std::pow(1.96 * e->stddev() / (precision * std::fabs(e->mean())), 2));
    if (relative >= *widest) {
      *widest = relative;
      *which = name;
    }
  }
  if (!any) *error = "--precision: the run has none of the measures it watches (name them with --measure)";
  return any;
}

int execute_run(const RunArguments& args, bool has_seed) {
  namespace fs = std::filesystem;
  scenario::Scenario scenario;
  std::vector<models::Diagnostic> diagnostics;
  std::string scenario_bytes;
  if (!models::load_scenario(args.scenario, &scenario, &diagnostics, &scenario_bytes)) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  for (const std::string& w : models::overload_warnings(scenario)) std::cerr << "desksim run: warning: " << w << "\n";
  auto options = models::run_options_for(scenario, has_seed, args.seed, args.replications, args.jobs);
  std::string error;
  if (args.task_mode.any()) {
    // Tasks are a fixed set of replications, each with nothing but its result.
    if (args.precision > 0 || args.resume || !args.tickets.empty()) {
      std::cerr << "desksim run: --precision, --resume and --tickets are for a local run (desksim-mpi runs a fixed "
                   "number of replications and writes no per-ticket records; it resumes with its own --resume)\n";
      return 2;
    }
    if (args.task_mode.plan) {  // the outputs are written at the end: a run must not end in "cannot write"
      if (!prepare_output_folder(args.out, &error)) {
        std::cerr << "desksim run: " << error << "\n";
        return 1;
      }
      print_plan({scenario}, options.seed, options.replications, args.out);
      return 0;
    }
    if (args.task_mode.task >= 0) {
      std::size_t point = 0;
      unsigned replication = 0;
      if (!locate_task(args.task_mode.task, 1, options.replications, &point, &replication, &error)) {
        std::cerr << "desksim run: " << error << "\n";
        return 2;
      }
      return run_one_task(scenario, options.seed, point, replication, args.task_mode, "desksim run");
    }
    if (!read_task_results(args.task_mode.task_results, options.replications, &options.finished, &error)) {
      std::cerr << "desksim run: " << error << "\n";
      return 1;
    }
  }
  // Before anything runs: a run of hours must not end in "cannot write".
  const std::string tickets_folder = fs::path(args.tickets).parent_path().string();
  if (!prepare_output_folder(args.out, &error) || (!args.tickets.empty() && !prepare_output_folder(tickets_folder, &error))) {
    std::cerr << "desksim run: " << error << "\n";
    return 1;
  }

  if (args.precision > 0 && options.replications > args.max_replications) {
    std::cerr << "desksim run: --replications " << options.replications << " is above --max-replications "
              << args.max_replications << "\n";
    return 2;
  }
  // In sequential mode the checkpoint is sized for the most replications the run may reach.
  const models::RunIdentity identity{std::string(kVersion), options.seed,
                                     args.precision > 0 ? args.max_replications : options.replications, scenario_bytes,
                                     platform_bytes(scenario)};
  const std::string folder = (fs::path(args.out) / ".partial").string();
  const bool with_tickets = !args.tickets.empty();
  models::RunCheckpoint checkpoint;
  if (args.resume) {
    if (!models::RunCheckpoint::resume(folder, identity, &checkpoint, &error)) {
      std::cerr << "desksim run: cannot resume: " << error << "\n";
      return 2;
    }
    std::cerr << "desksim run: resuming: " << checkpoint.finished(with_tickets).size() << " of " << options.replications
              << " replications are kept in " << folder << " and are not run again\n";
  } else {
    std::error_code ec;
    if (fs::exists(folder, ec))
      std::cerr << "desksim run: discarding the replications an interrupted run kept in " << folder
                << " (--resume would have completed that run)\n";
    if (!models::RunCheckpoint::start(folder, identity, &checkpoint, &error)) {
      std::cerr << "desksim run: " << error << "\n";
      return 1;
    }
  }
  options.checkpoint = &checkpoint;
  options.ticket_records = with_tickets;

  // From here to the last rename a signal only asks to stop: the runner stops the replications, and
  // the outputs are replaced together or not at all.
  StopSignals signals;
  options.stop_fd = signals.fd();
  results::RunResult run;
  bool stopped = false;
  auto run_replications = [&] {
    run.Clear();
    return show_progress(args.progress) ? run_scenario_with_progress(scenario, options, "", &run, &error, &stopped)
                                        : models::run_scenario(scenario, options, &run, &error, &stopped);
  };
  bool ran = run_replications();
  // Sequential mode: more replications until every watched measure's interval is narrow enough. The
  // replications already run are kept in the checkpoint and not run again; replication r is the same
  // whatever the total, so the result is that of `--replications N` with the N reached.
  if (args.precision > 0) {
    std::vector<std::string> watched = args.measures;
    if (watched.empty()) watched.assign(std::begin(kDefaultPrecisionMeasures), std::end(kDefaultPrecisionMeasures));
    while (ran) {
      analysis::add_estimates(&run);
      double widest = 0, needed = 0;
      std::string which;
      if (!widest_half_width(run, watched, !args.measures.empty(), args.precision, &widest, &which, &needed, &error)) {
        std::cerr << "desksim run: " << error << "\n";
        return 2;
      }
      std::cerr << "desksim run: " << options.replications << " replications: widest relative half-width " << widest
                << " (" << which << ")\n";
      if (widest <= args.precision) break;
      if (options.replications >= args.max_replications) {
        std::cerr << "desksim run: --precision " << args.precision << " not reached within --max-replications "
                  << args.max_replications << "\n";
        break;
      }
      // A half-width shrinks like 1/sqrt(n): ask for the n the spread says, at least one more replication
      // per job, and at most four times as many (a spread from few replications is itself uncertain).
      const double n = options.replications;
      options.replications = static_cast<unsigned>(
          std::min<double>(args.max_replications, std::min(4 * n, std::max(n + options.jobs, std::ceil(needed)))));
      ran = run_replications();
    }
  }
  if (stopped) {
    std::cerr << "desksim run: stopped by " << signal_name(signals.received()) << ": "
              << checkpoint.finished(with_tickets).size() << " of " << options.replications
              << " replications finished and are kept in " << folder << "; the outputs in " << args.out
              << " are as they were. The same command with --resume completes the run.\n";
    return 128 + signals.received();
  }
  if (!ran) {
    std::cerr << "desksim run: " << error << "\n";
    return 1;
  }
  run.set_desksim_version(std::string(kVersion));
  describe_scenario(scenario, run.mutable_scenario());
  analysis::add_estimates(&run);
  std::string tickets_staged;  // where the records are staged: the database reads them from there
  const auto stage_tickets = [&](analysis::StagedFiles& files, std::string* e) {
    if (!with_tickets) return true;
    return files.reserve(fs::absolute(args.tickets).string(), &tickets_staged, e) &&
           models::write_ticket_records(checkpoint, options.replications, tickets_staged, e);
  };
  if (!analysis::write_results(run, args.out, &error, stage_tickets, &tickets_staged, {options.jobs})) {
    std::cerr << "desksim run: " << error << " (the replications stay in " << folder
              << ": --resume writes the outputs without running them again)\n";
    return 1;
  }
  if (!checkpoint.remove(&error)) std::cerr << "desksim run: " << error << "\n";
  if (signals.received() != 0)
    std::cerr << "desksim run: " << signal_name(signals.received())
              << " came after the last replication: the outputs were completed first\n";
  if (!args.quiet) std::cout << analysis::text_summary(run, args.all);
  std::cout << "results written to " << args.out << "/results.pb, results.json, results.sqlite and csv/\n";
  return 0;
}

}  // namespace

Command add_run_command(CLI::App& app) {
  auto args = std::make_shared<RunArguments>();
  CLI::App* cmd = app.add_subcommand("run",
                                     "Run a scenario's replications (each in its own process), print a summary with "
                                     "confidence intervals, and write results.pb and results.json to --out.");
  cmd->add_option("scenario", args->scenario, "Scenario file (.textproto, or .json)")->required()->check(CLI::ExistingFile);
  CLI::Option* seed = cmd->add_option("--seed", args->seed, "Base seed of all random streams (default: the scenario's run.seed, else 1)")
                         ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--replications,-r", args->replications, "Replications (default: the scenario's run.replications, else 1)")
      ->check(whole_number(1, models::kMaxReplications));
  cmd->add_option("--jobs,-j", args->jobs, "Replications run in parallel, and threads that write the outputs (default 1)")
      ->check(whole_number(1, kMaxJobs));
  cmd->add_option("--out,-o", args->out, "Output directory (default: out)");
  cmd->add_option("--tickets", args->tickets,
                  "Also write a CSV of per-ticket records (every replication: opened, channel, category, priority, "
                  "final state, resolved and closed times, SLA met, hours in each state, resolver visits, waits)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print only where the results were written");
  cmd->add_flag("--progress", args->progress,
                "Show replications done, elapsed time and ETA on stderr even when it is not a terminal (on a "
                "terminal it is always shown)");
  cmd->add_flag("--all", args->all, "Print every metric, not only the headline ones (breakdowns by priority, channel, group, ...)");
  cmd->add_option("--precision", args->precision,
                  "Sequential mode: add replications (from --replications, at most --max-replications) until each "
                  "watched measure's 95% interval has at most this relative half-width, e.g. 0.02")
      ->check(CLI::Range(1e-6, 1.0));
  cmd->add_option("--measure", args->measures,
                  "A measure --precision watches (repeat; default sla.resolution_attainment.mean and "
                  "desk.wait_hours.mean, where the run has them)");
  cmd->add_option("--max-replications", args->max_replications, "The most replications --precision may run (default 100)")
      ->check(whole_number(2, models::kMaxReplications));
  cmd->add_flag("--resume", args->resume,
                "Complete a run that was interrupted (SIGINT, SIGTERM): the replications it finished, kept in "
                "OUT/.partial, are not run again. Same scenario file, seed and replications, or it is refused.");
  add_task_mode_options(cmd, &args->task_mode);
  return Command{cmd, [args, seed] { return execute_run(*args, seed->count() > 0); }};
}

}  // namespace desksim::app
