// `desksim run SCENARIO`: run the replications, print a summary, write the results.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/export/results_writer.hpp"
#include "analysis/report/text_summary.hpp"
#include "analysis/statistics/run_estimates.hpp"
#include "app/commands.hpp"
#include "app/run_progress.hpp"
#include "app/scenario_info.hpp"
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
};

int execute_run(const RunArguments& args, bool has_seed) {
  scenario::Scenario scenario;
  std::vector<models::Diagnostic> diagnostics;
  if (!models::load_scenario(args.scenario, &scenario, &diagnostics)) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  for (const std::string& w : models::overload_warnings(scenario)) std::cerr << "desksim run: warning: " << w << "\n";
  auto options = models::run_options_for(scenario, has_seed, args.seed, args.replications, args.jobs);
  options.ticket_records = args.tickets;
  if (!args.tickets.empty()) {
    // The records are written while the replications run: their folder must exist first.
    std::error_code ec;
    const auto folder = std::filesystem::path(args.tickets).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    if (ec) {
      std::cerr << "desksim run: cannot create " << folder.string() << ": " << ec.message() << "\n";
      return 1;
    }
  }
  results::RunResult run;
  std::string error;
  const bool ran = show_progress(args.progress) ? run_scenario_with_progress(scenario, options, "", &run, &error)
                                                : models::run_scenario(scenario, options, &run, &error);
  if (!ran) {
    std::cerr << "desksim run: " << error << "\n";
    return 1;
  }
  run.set_desksim_version(std::string(kVersion));
  describe_scenario(scenario, run.mutable_scenario());
  analysis::add_estimates(&run);
  if (!analysis::write_results(run, args.out, &error)) {
    std::cerr << "desksim run: " << error << "\n";
    return 1;
  }
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
  return Command{cmd, [args, seed] { return execute_run(*args, seed->count() > 0); }};
}

}  // namespace desksim::app
