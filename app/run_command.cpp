// `desksim run SCENARIO`: run the replications, print a summary, write the results.
#include <filesystem>
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
};

/// The platform file's bytes: part of what a checkpoint is tied to, as results depend on them.
std::string platform_bytes(const scenario::Scenario& scenario) {
  if (!scenario.has_infrastructure() || scenario.infrastructure().platform_file().empty()) return {};
  std::ifstream in(scenario.infrastructure().platform_file(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
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
  // Before anything runs: a run of hours must not end in "cannot write".
  const std::string tickets_folder = fs::path(args.tickets).parent_path().string();
  if (!prepare_output_folder(args.out, &error) || (!args.tickets.empty() && !prepare_output_folder(tickets_folder, &error))) {
    std::cerr << "desksim run: " << error << "\n";
    return 1;
  }

  const models::RunIdentity identity{std::string(kVersion), options.seed, options.replications, scenario_bytes,
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
  const bool ran = show_progress(args.progress)
                       ? run_scenario_with_progress(scenario, options, "", &run, &error, &stopped)
                       : models::run_scenario(scenario, options, &run, &error, &stopped);
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
  const auto stage_tickets = [&](analysis::StagedFiles& files, std::string* e) {
    if (!with_tickets) return true;
    std::string temporary;
    return files.reserve(fs::absolute(args.tickets).string(), &temporary, e) &&
           models::write_ticket_records(checkpoint, options.replications, temporary, e);
  };
  if (!analysis::write_results(run, args.out, &error, stage_tickets)) {
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
  cmd->add_option("--jobs,-j", args->jobs, "Replications run in parallel (default 1)")->check(whole_number(1, kMaxJobs));
  cmd->add_option("--out,-o", args->out, "Output directory (default: out)");
  cmd->add_option("--tickets", args->tickets,
                  "Also write a CSV of per-ticket records (every replication: opened, channel, category, priority, "
                  "final state, resolved and closed times, SLA met, hours in each state, resolver visits, waits)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print only where the results were written");
  cmd->add_flag("--progress", args->progress,
                "Show replications done, elapsed time and ETA on stderr even when it is not a terminal (on a "
                "terminal it is always shown)");
  cmd->add_flag("--all", args->all, "Print every metric, not only the headline ones (breakdowns by priority, channel, group, ...)");
  cmd->add_flag("--resume", args->resume,
                "Complete a run that was interrupted (SIGINT, SIGTERM): the replications it finished, kept in "
                "OUT/.partial, are not run again. Same scenario file, seed and replications, or it is refused.");
  return Command{cmd, [args, seed] { return execute_run(*args, seed->count() > 0); }};
}

}  // namespace desksim::app
