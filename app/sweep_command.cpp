// `desksim sweep SCENARIO --vary FIELD=V1,V2,... [--vary ...] | --points FILE`: run every point of a
// grid (or of a list) on common random numbers, print each point's headline measures with intervals,
// and write each point's results like a run, with the sweep's own files beside them.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/export/results_writer.hpp"
#include "analysis/report/sweep_summary.hpp"
#include "analysis/statistics/run_estimates.hpp"
#include "app/commands.hpp"
#include "app/output_directory.hpp"
#include "app/run_progress.hpp"
#include "app/scenario_info.hpp"
#include "app/stop_signals.hpp"
#include "app/task_mode.hpp"
#include "app/whole_number_option.hpp"
#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"
#include "models/scenario/sweep_points.hpp"

namespace desksim::app {

namespace {

struct SweepArguments {
  std::string scenario;
  std::vector<std::string> vary;
  std::string points;
  std::uint64_t seed = 0;
  unsigned replications = 0;
  unsigned jobs = 1;
  std::string out = "out/sweep";
  bool quiet = false;
  bool progress = false;
  TaskModeArguments task_mode;  ///< desksim-mpi's plumbing (app/task_mode.hpp)
};

std::string point_directory(std::size_t point) {
  char name[32];
  std::snprintf(name, sizeof name, "point-%03zu", point);
  return name;
}

int execute_sweep(const SweepArguments& args, bool has_seed) {
  scenario::Scenario base;
  std::vector<models::Diagnostic> diagnostics;
  if (!models::load_scenario(args.scenario, &base, &diagnostics)) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  std::vector<std::string> fields;
  std::vector<models::SweepPointSpec> specs;
  std::string error;
  if (!args.points.empty()) {
    if (!models::read_sweep_points(args.points, &fields, &specs, &error)) {
      std::cerr << "desksim sweep: " << error << "\n";
      return 2;
    }
  } else {
    std::vector<models::SweepAxis> axes;
    for (const std::string& v : args.vary) {
      models::SweepAxis axis;
      if (!models::parse_sweep_axis(v, &axis, &error)) {
        std::cerr << "desksim sweep: " << error << "\n";
        return 2;
      }
      fields.push_back(axis.field);
      axes.push_back(std::move(axis));
    }
    if (!models::sweep_grid(axes, &specs, &error)) {
      std::cerr << "desksim sweep: " << error << "\n";
      return 2;
    }
  }
  auto options = models::run_options_for(base, has_seed, args.seed, args.replications, args.jobs);
  if (static_cast<std::uint64_t>(specs.size()) * options.replications > models::kMaxReplications) {
    std::cerr << "desksim sweep: " << specs.size() << " points x " << options.replications
              << " replications is more than " << models::kMaxReplications << " runs\n";
    return 2;
  }
  std::vector<scenario::Scenario> scenarios;
  if (args.task_mode.task >= 0) {
    // One task builds its own point only (the plan validated them all): a task of a sweep of many
    // points costs no more than one of a few.
    std::size_t point = 0;
    unsigned replication = 0;
    if (!locate_task(args.task_mode.task, specs.size(), options.replications, &point, &replication, &error)) {
      std::cerr << "desksim sweep: " << error << "\n";
      return 2;
    }
    if (!models::make_sweep_scenarios(base, {specs[point]}, &scenarios, &diagnostics)) {
      std::cerr << models::format_all(diagnostics);
      return 2;
    }
    return run_one_task(scenarios[0], options.seed, point, replication, args.task_mode, "desksim sweep");
  }
  // Every point is built and validated before anything runs: a bad value is found in seconds.
  if (!models::make_sweep_scenarios(base, specs, &scenarios, &diagnostics)) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  if (!args.task_mode.task_results.empty() &&
      !read_task_results(args.task_mode.task_results, static_cast<unsigned>(scenarios.size()) * options.replications,
                         &options.finished, &error)) {
    std::cerr << "desksim sweep: " << error << "\n";
    return 1;
  }
  if (!prepare_output_folder(args.out, &error)) {
    std::cerr << "desksim sweep: " << error << "\n";
    return 1;
  }
  if (args.task_mode.plan) {
    print_plan(scenarios, options.seed, options.replications, args.out);
    return 0;
  }
  StopSignals signals;
  options.stop_fd = signals.fd();
  std::vector<results::RunResult> runs;
  bool stopped = false;
  const bool ran = show_progress(args.progress)
                       ? run_scenarios_with_progress(scenarios, options, "sweep", &runs, &error, &stopped)
                       : models::run_scenarios(scenarios, options, &runs, &error, &stopped);
  if (stopped) {
    std::cerr << "desksim sweep: stopped by " << signal_name(signals.received()) << "; the outputs in " << args.out
              << " are as they were\n";
    return 128 + signals.received();
  }
  if (!ran) {
    std::cerr << "desksim sweep: " << error << "\n";
    return 1;
  }
  results::Sweep sweep;
  sweep.set_scenario_name(base.name());
  sweep.set_seed(options.seed);
  sweep.set_replications(options.replications);
  for (const auto& f : fields) sweep.add_fields(f);
  for (std::size_t p = 0; p < runs.size(); ++p) {
    // Each point's results are what `desksim run` gives for that point's scenario, byte for byte.
    results::RunResult& run = runs[p];
    run.set_desksim_version(std::string(kVersion));
    describe_scenario(scenarios[p], run.mutable_scenario());
    analysis::add_estimates(&run);
    auto* point = sweep.add_points();
    point->set_point(static_cast<std::uint32_t>(p));
    point->set_directory(point_directory(p));
    for (const auto& [field, value] : specs[p].settings) {
      auto* s = point->add_settings();
      s->set_field(field);
      s->set_value(value);
    }
    *point->mutable_estimates() = run.estimates();
  }
  if (!analysis::write_sweep(sweep, runs, args.out, analysis::sweep_summary_csv(sweep), &error, {args.jobs})) {
    std::cerr << "desksim sweep: " << error << "\n";
    return 1;
  }
  if (!args.quiet) std::cout << analysis::sweep_summary(sweep);
  std::cout << "sweep written to " << args.out << "/sweep.pb, sweep.json, sweep.sqlite, sweep-summary.csv and csv/; "
            << "each point's results in " << args.out << "/point-NNN/\n";
  return 0;
}

}  // namespace

Command add_sweep_command(CLI::App& app) {
  auto args = std::make_shared<SweepArguments>();
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "What-if sweep: run a scenario at every point of a grid of field values (or of a list of points), all with "
      "the same seed and replications (common random numbers, so that differences between points are not noise), "
      "print each point's headline measures with 95% intervals, and write each point's results like a run.");
  cmd->add_option("scenario", args->scenario, "Scenario file (.textproto, or .json)")->required()->check(CLI::ExistingFile);
  CLI::Option* vary = cmd->add_option("--vary", args->vary,
                                      "FIELD=V1,V2,...: a scenario field path and its values, e.g. desk.agents=10,12,14 or "
                                      "resolver_network.groups[name=eus-deskside].servers=4,5. Repeat for a grid (the "
                                      "last --vary changes fastest).")
                          ->take_all();
  CLI::Option* points = cmd->add_option("--points", args->points,
                                        "CSV file of points instead of a grid: a header of field paths, then one line "
                                        "of values per point")
                            ->check(CLI::ExistingFile);
  vary->excludes(points);
  points->excludes(vary);
  CLI::Option* seed = cmd->add_option("--seed", args->seed, "Base seed of every point (default: the scenario's run.seed, else 1)")
                         ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--replications,-r", args->replications, "Replications per point (default: the scenario's run.replications, else 1)")
      ->check(whole_number(1, models::kMaxReplications));
  cmd->add_option("--jobs,-j", args->jobs, "Replications run in parallel, across points, and threads that write the outputs (default 1)")
      ->check(whole_number(1, kMaxJobs));
  cmd->add_option("--out,-o", args->out, "Output directory (default: out/sweep)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print only where the sweep was written");
  cmd->add_flag("--progress", args->progress,
                "Show replications done, elapsed time and ETA on stderr even when it is not a terminal");
  cmd->callback([vary, points] {
    if (vary->count() == 0 && points->count() == 0) throw CLI::RequiredError("--vary or --points");
  });
  add_task_mode_options(cmd, &args->task_mode);
  return Command{cmd, [args, seed] { return execute_sweep(*args, seed->count() > 0); }};
}

}  // namespace desksim::app
