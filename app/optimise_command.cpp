// `desksim optimise SCENARIO [--targets FILE] [--budget-minutes M]`: the cheapest rosters for the
// desk and every resolver group together that meet each target with stated confidence; written as a
// scenario overlay that `run`, `compare` and `sweep` accept, with a summary and a report page.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "analysis/export/staged_files.hpp"
#include "app/commands.hpp"
#include "app/optimise_report.hpp"
#include "app/output_directory.hpp"
#include "app/rounds_on_ranks.hpp"
#include "app/whole_number_option.hpp"
#include "models/optimise/optimise_options.hpp"
#include "models/optimise/phased_staffing.hpp"
#include "models/optimise/roster_overlay.hpp"
#include "models/optimise/staffing_search.hpp"
#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::app {

namespace {

namespace fs = std::filesystem;

struct OptimiseArguments {
  std::string scenario;
  std::string targets;
  double budget_minutes = 10.0;
  std::uint64_t seed = 0;
  unsigned jobs = 1;
  std::string out = "out/optimise";
  bool quiet = false;
  bool progress = false;
  bool per_phase = false;
  RoundsOnRanksArguments ranks;  ///< desksim-mpi's plumbing (app/optimise_rounds.hpp)
};

int execute_optimise(const OptimiseArguments& args, bool has_seed) {
  if (std::string error; args.ranks.any() && !args.ranks.IsValid(&error)) {
    std::cerr << "desksim optimise: " << error << "\n";
    return 2;
  }
  scenario::Scenario base;
  std::vector<models::Diagnostic> diagnostics;
  if (!models::load_scenario(args.scenario, &base, &diagnostics)) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  if (base.programme().steps_size() > 0 && !args.per_phase)
    std::cerr << "desksim optimise: note: the scenario has a programme; the rosters found hold from its start, and a "
                 "programme step that sets a roster replaces them from its date\n";
  scenario::OptimiseOptions options;
  if (!args.targets.empty() && !models::load_optimise_options(args.targets, &options, &diagnostics)) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  models::OptimiseSettings settings;
  if (!models::make_optimise_settings(options, base, args.targets.empty() ? args.scenario : args.targets, &settings,
                                      &diagnostics)) {
    std::cerr << models::format_all(diagnostics);
    return 2;
  }
  std::string error;
  if (!settings.IsValid(&error)) {
    std::cerr << "desksim optimise: " << error << "\n";
    return 2;
  }
  if (!prepare_output_folder(args.out, &error)) {
    std::cerr << "desksim optimise: " << error << "\n";
    return 1;
  }
  models::SearchLimits limits;
  limits.budget = std::chrono::duration<double>(args.budget_minutes * 60.0);
  limits.run = models::run_options_for(base, has_seed, args.seed, settings.replications, args.jobs);
  if (args.ranks.any()) {
    // Under desksim-mpi: every round's replications run on the ranks, as many at once as there are ranks.
    limits.elsewhere = replications_on_ranks(args.ranks);
    limits.run.jobs = args.ranks.ranks;
  }
  if (args.progress)
    limits.on_round = [](const models::SearchRound& r) {
      std::cerr << "round (" << r.phase << "): " << r.candidates << " candidates in " << r.seconds << " s; best "
                << (r.incumbent_feasible ? "meeting every target" : "not yet meeting every target") << ", cost "
                << r.best_cost << "\n";
    };
  models::OptimiseResult result;
  models::PhasedResult phased;
  if (args.per_phase) {
    if (!models::optimise_phases(base, settings, limits, &phased, &error, &diagnostics)) {
      std::cerr << (diagnostics.empty() ? "desksim optimise: " + error + "\n" : models::format_all(diagnostics));
      return 1;
    }
    result = phased.phases.front().result;
    result.feasible = phased.feasible;
  } else if (!models::optimise_staffing(base, settings, limits, &result, &error)) {
    std::cerr << "desksim optimise: " << error << "\n";
    return 1;
  }

  // The overlay names its base relative to its own folder, so that the output folder can move with it
  // as long as the base stays where it is relative to it.
  const fs::path out_dir = fs::absolute(args.out);
  const std::string extends = fs::relative(fs::absolute(args.scenario), out_dir).string();
  const std::string overlay_name = "optimised.textproto";
  const std::vector<std::string> comment = {
      "Rosters found by `desksim optimise` for " + base.name() + " (seed " + std::to_string(limits.run.seed) + ", " +
          std::to_string(settings.replications) + " replications per candidate).",
      result.feasible ? "Every target was met at the search's seed." : "NOT every target was met: see optimise-summary.txt."};
  const std::string overlay = args.per_phase ? models::phased_overlay_text(base, phased, extends, comment)
                                             : models::roster_overlay_text(result.scenario, result.stations, extends, comment);
  // The overlay must load and validate as `run` would load it, before anything is put in place.
  const fs::path check = out_dir / ".optimised-check.textproto";
  {
    analysis::StagedFiles probe(out_dir.string());
    if (!probe.add(check.filename().string(), overlay, &error) || !probe.commit(&error)) {
      std::cerr << "desksim optimise: " << error << "\n";
      return 1;
    }
  }
  scenario::Scenario reloaded;
  const bool loads = models::load_scenario(check.string(), &reloaded, &diagnostics);
  fs::remove(check);
  if (!loads) {
    std::cerr << "desksim optimise: the overlay written does not validate (a defect):\n" << models::format_all(diagnostics);
    return 1;
  }
  const std::string overlay_path = (fs::path(args.out) / overlay_name).string();
  const std::string summary =
      args.per_phase ? phased_summary(phased, overlay_path, settings.confidence, settings.replications, limits.run.seed)
                     : optimise_summary(result, overlay_path, settings.confidence, settings.replications, limits.run.seed);
  analysis::StagedFiles files(out_dir.string());
  if (!files.add(overlay_name, overlay, &error) || !files.add("optimise-summary.txt", summary, &error) ||
      !files.add("optimise-report.html",
                 args.per_phase ? phased_report_html(phased, summary) : optimise_report_html(result, summary), &error) ||
      !files.commit(&error)) {
    std::cerr << "desksim optimise: " << error << "\n";
    return 1;
  }
  if (!args.quiet) std::cout << summary;
  std::cout << "written to " << args.out << "/" << overlay_name << ", optimise-summary.txt and optimise-report.html\n";
  return result.feasible ? 0 : 1;
}

}  // namespace

Command add_optimise_command(CLI::App& app) {
  auto args = std::make_shared<OptimiseArguments>();
  CLI::App* cmd = app.add_subcommand(
      "optimise",
      "Staffing optimiser: the cheapest rosters for the desk and every resolver group together (shift rules, staff "
      "cost) whose SLA attainment meets each target with stated confidence (the lower end of its interval at or "
      "above the target). Analytic first guess (Erlang C/A per half-hour on each station's offered load), then a "
      "simulation search on common random numbers. Writes the rosters as a scenario overlay, a summary and a report "
      "page. Exit 0 when every target is met, 1 when no roster found meets them, 2 for bad input.");
  cmd->add_option("scenario", args->scenario, "Scenario file (.textproto, or .json)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--targets", args->targets,
                  "Options file (scenarios/desksim/optimise.proto, text format): shift rules per station, attainment "
                  "targets, phone abandonment ceiling, confidence, replications per candidate. Default: every "
                  "supplier's overall resolution attainment at its contract's highest credit band")
      ->check(CLI::ExistingFile);
  cmd->add_option("--budget-minutes", args->budget_minutes, "Time the search may take, in minutes (default 10)")
      ->check(CLI::Range(0.01, 10000.0));
  CLI::Option* seed = cmd->add_option("--seed", args->seed, "Seed of every candidate (default: the scenario's run.seed, else 1)")
                          ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--jobs,-j", args->jobs, "Replications run in parallel (default 1)")->check(whole_number(1, kMaxJobs));
  cmd->add_option("--out,-o", args->out, "Output directory (default: out/optimise)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print only where the outputs were written");
  cmd->add_flag("--progress", args->progress, "Print each round of the search on stderr");
  cmd->add_flag("--per-phase", args->per_phase,
                "Size staff per phase of the scenario's programme (a phase from each step's date; a ramp is one "
                "phase), each phase with an equal share of the time budget left; the overlay sets each phase's rosters "
                "from its date, and the summary gives staff and cost per month");
  add_rounds_on_ranks_options(cmd, &args->ranks);
  return Command{cmd, [args, seed] { return execute_optimise(*args, seed->count() > 0); }};
}

}  // namespace desksim::app
