#include "bench/run_benches.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "analysis/export/results_writer.hpp"
#include "analysis/report/text_summary.hpp"
#include "analysis/statistics/run_estimates.hpp"
#include "bench/json_lines.hpp"
#include "bench/process_timing.hpp"
#include "bench/replication_timing.hpp"
#include "models/run/run_scenario.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::bench {
namespace {

namespace fs = std::filesystem;

scenario::Scenario load_or_exit(const std::string& path) {
  scenario::Scenario s;
  std::vector<models::Diagnostic> diagnostics;
  if (!models::load_scenario(path, &s, &diagnostics)) {
    std::fprintf(stderr, "%s", models::format_all(diagnostics).c_str());
    std::exit(2);
  }
  return s;
}

/// CPU seconds of the replications (children) and of what `desksim run` does after them in its own
/// process: across-replication estimates, the outputs (pb, json, sqlite, csv) and the summary.
struct OutputShare {
  double replications_cpu = 0, output_cpu = 0;
  double replications_wall = 0, output_wall = 0;  // --jobs 1: the replications one after another
};

OutputShare output_share(const scenario::Scenario& s, unsigned replications, const fs::path& folder) {
  models::RunOptions options;
  options.replications = replications;
  const double children_before = cpu_seconds_of(RUSAGE_CHILDREN);
  const auto started = std::chrono::steady_clock::now();
  results::RunResult run;
  std::string error;
  if (!models::run_scenario(s, options, &run, &error)) {
    std::fprintf(stderr, "desksim_bench: %s\n", error.c_str());
    std::exit(1);
  }
  OutputShare share;
  share.replications_cpu = cpu_seconds_of(RUSAGE_CHILDREN) - children_before;
  const auto simulated = std::chrono::steady_clock::now();
  share.replications_wall = std::chrono::duration<double>(simulated - started).count();
  fs::create_directories(folder);
  const double before = cpu_seconds_of(RUSAGE_SELF);
  analysis::add_estimates(&run);
  if (!analysis::write_results(run, folder.string(), &error)) {
    std::fprintf(stderr, "desksim_bench: %s\n", error.c_str());
    std::exit(1);
  }
  if (analysis::text_summary(run).empty()) {  // what `desksim run` prints last: part of its output cost
    std::fprintf(stderr, "desksim_bench: empty summary\n");
    std::exit(1);
  }
  share.output_cpu = cpu_seconds_of(RUSAGE_SELF) - before;
  share.output_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - simulated).count();
  return share;
}

}  // namespace

void startup_bench(const std::string& desksim, int repeats) {
  const fs::path dir = scratch_folder();
  const std::string path = (dir / "small.textproto").string();
  std::ofstream(path) << "name: \"startup\"\nrun { max_tickets: 1000 warmup_tickets: 100 }\n"
                         "demand { arrivals_per_hour: 9 }\n"
                         "desk { agents: 10 handle_time_minutes { exponential { mean: 60 } } }\n";
  const ProcessTiming t =
      median_of(repeats, {desksim, "run", path, "--replications", "1", "--quiet", "--out", (dir / "out").string()});
  const ProcessTiming help = median_of(repeats, {desksim, "--help"});
  fs::remove_all(dir);
  emit_line({{"bench", "startup"},
             {"customers", 1000},
             {"repeats", repeats},
             {"wall_seconds", t.wall_seconds},
             {"cpu_seconds", t.cpu_seconds},
             {"max_rss_mb", t.max_rss_mb},
             {"help_wall_seconds", help.wall_seconds},
             {"target_wall_seconds", 0.05}});
}

void baseline_bench(const std::string& desksim, const std::string& baseline_path, int repeats) {
  const scenario::Scenario s = load_or_exit(baseline_path);
  ReplicationTiming best;
  best.cpu_seconds = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const ReplicationTiming m = time_replication(s);
    if (m.cpu_seconds < best.cpu_seconds) best = m;
  }
  const fs::path dir = scratch_folder();
  const ProcessTiming whole = median_of(
      repeats, {desksim, "run", baseline_path, "--replications", "1", "--quiet", "--out", (dir / "whole").string()});
  const OutputShare one = output_share(s, 1, dir / "one");
  const unsigned own = s.run().replications() > 0 ? s.run().replications() : 1;
  const OutputShare all = output_share(s, own, dir / "own");
  fs::remove_all(dir);
  emit_line({{"bench", "baseline_year"},
             {"scenario", s.name()},
             {"tickets", best.tickets},
             {"events", best.events},
             {"replication_cpu_seconds", best.cpu_seconds},
             {"replication_max_rss_mb", best.max_rss_mb},
             {"us_per_ticket_in_process", best.cpu_seconds / static_cast<double>(best.tickets) * 1e6},
             {"process_wall_seconds", whole.wall_seconds},
             {"process_cpu_seconds", whole.cpu_seconds},
             {"process_max_rss_mb", whole.max_rss_mb},
             {"us_per_ticket_all_included", whole.cpu_seconds / static_cast<double>(best.tickets) * 1e6},
             {"output_share_1_replication", one.output_cpu / (one.output_cpu + one.replications_cpu)},
             {"output_wall_share_1_replication", one.output_wall / (one.output_wall + one.replications_wall)},
             {"replications", own},
             {"output_share_own_replications", all.output_cpu / (all.output_cpu + all.replications_cpu)},
             {"output_wall_share_own_replications", all.output_wall / (all.output_wall + all.replications_wall)},
             {"target_cpu_seconds", 0.5},
             {"target_max_rss_mb", 100},
             {"target_output_share", 0.10}});
}

void parallel_bench(const std::string& desksim, const std::string& baseline_path) {
  const fs::path dir = scratch_folder();
  const auto run = [&](const char* jobs) {
    return time_command({desksim, "run", baseline_path, "--replications", "8", "--jobs", jobs, "--quiet", "--out",
                         (dir / jobs).string()});
  };
  const ProcessTiming one = run("1"), two = run("2");
  fs::remove_all(dir);
  emit_line({{"bench", "parallel_replications"},
             {"replications", 8},
             {"jobs_1_wall_seconds", one.wall_seconds},
             {"jobs_2_wall_seconds", two.wall_seconds},
             {"ratio", two.wall_seconds / one.wall_seconds},
             {"target_ratio", 0.55}});
}

}  // namespace desksim::bench
