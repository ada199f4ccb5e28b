// `desksim compare BASE ALTERNATIVE`: run two scenarios on common random numbers and estimate the
// difference of every metric they share with a paired interval.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/export/results_writer.hpp"
#include "analysis/report/comparison_summary.hpp"
#include "analysis/statistics/run_estimates.hpp"
#include "analysis/statistics/scenario_comparison.hpp"
#include "app/commands.hpp"
#include "app/output_directory.hpp"
#include "app/run_progress.hpp"
#include "app/scenario_info.hpp"
#include "app/stop_signals.hpp"
#include "app/whole_number_option.hpp"
#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::app {

namespace {

struct CompareArguments {
  std::string base, alternative;
  std::uint64_t seed = 0;
  unsigned replications = 0;
  unsigned jobs = 1;
  std::string out = "out/compare";
  bool quiet = false;
  bool all = false;
  bool progress = false;
};

int execute_compare(const CompareArguments& args, bool has_seed) {
  scenario::Scenario base, alternative;
  std::vector<models::Diagnostic> diagnostics;
  const bool base_ok = models::load_scenario(args.base, &base, &diagnostics);
  const bool alternative_ok = models::load_scenario(args.alternative, &alternative, &diagnostics);
  if (!base_ok || !alternative_ok) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  // Both runs use the base scenario's seed and replication count unless the command line says.
  auto options = models::run_options_for(base, has_seed, args.seed, args.replications, args.jobs);
  results::Comparison comparison;
  std::string error;
  if (!prepare_output_folder(args.out, &error)) {  // before the runs, not after them
    std::cerr << "desksim compare: " << error << "\n";
    return 1;
  }
  StopSignals signals;  // a signal stops the replications; the outputs stay as they were
  options.stop_fd = signals.fd();
  bool stopped = false;
  auto run = [&](const scenario::Scenario& s, const std::string& label, results::RunResult* out) {
    return show_progress(args.progress) ? run_scenario_with_progress(s, options, label, out, &error, &stopped)
                                        : models::run_scenario(s, options, out, &error, &stopped);
  };
  if (!run(base, "base", comparison.mutable_base()) || !run(alternative, "alternative", comparison.mutable_alternative())) {
    if (stopped) {
      std::cerr << "desksim compare: stopped by " << signal_name(signals.received()) << "; the outputs in " << args.out
                << " are as they were\n";
      return 128 + signals.received();
    }
    std::cerr << "desksim compare: " << error << "\n";
    return 1;
  }
  describe_scenario(base, comparison.mutable_base()->mutable_scenario());
  describe_scenario(alternative, comparison.mutable_alternative()->mutable_scenario());
  for (auto* run : {comparison.mutable_base(), comparison.mutable_alternative()}) {
    run->set_desksim_version(std::string(kVersion));
    analysis::add_estimates(run);
  }
  if (!analysis::compare_runs(&comparison, 0.95, &error) || !analysis::write_comparison(comparison, args.out, &error, {args.jobs})) {
    std::cerr << "desksim compare: " << error << "\n";
    return 1;
  }
  if (!args.quiet) std::cout << analysis::comparison_summary(comparison, args.all);
  std::cout << "comparison written to " << args.out << "/comparison.pb, comparison.json, comparison.sqlite and csv/\n";
  return 0;
}

}  // namespace

Command add_compare_command(CLI::App& app) {
  auto args = std::make_shared<CompareArguments>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Run two scenarios (e.g. run-and-maintain and a transformation) with the same seed and replications, so that "
      "they share random numbers source by source, and print the difference of every metric with a paired 95% "
      "interval; write comparison.pb and comparison.json to --out.");
  cmd->add_option("base", args->base, "Base scenario file")->required()->check(CLI::ExistingFile);
  cmd->add_option("alternative", args->alternative, "Alternative scenario file")->required()->check(CLI::ExistingFile);
  CLI::Option* seed = cmd->add_option("--seed", args->seed, "Base seed for both (default: the base scenario's run.seed, else 1)")
                         ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--replications,-r", args->replications,
                  "Paired replications (default: the base scenario's run.replications, else 1)")
      ->check(whole_number(1, models::kMaxReplications));
  cmd->add_option("--jobs,-j", args->jobs, "Replications run in parallel, and threads that write the outputs (default 1)")
      ->check(whole_number(1, kMaxJobs));
  cmd->add_option("--out,-o", args->out, "Output directory (default: out/compare)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print only where the comparison was written");
  cmd->add_flag("--progress", args->progress,
                "Show replications done, elapsed time and ETA on stderr even when it is not a terminal (on a "
                "terminal it is always shown)");
  cmd->add_flag("--all", args->all, "Print every metric, not only the headline ones");
  return Command{cmd, [args, seed] { return execute_compare(*args, seed->count() > 0); }};
}

}  // namespace desksim::app
