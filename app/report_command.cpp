// `desksim report DIR --out FILE.html`: an HTML report of a run's or a comparison's results.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "analysis/export/atomic_file.hpp"
#include "analysis/report/html_report.hpp"
#include "app/commands.hpp"

namespace desksim::app {

namespace {

struct ReportArguments {
  std::string directory;
  std::string out;
};

bool read_file(const std::filesystem::path& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *bytes = s.str();
  return true;
}

int execute_report(const ReportArguments& args) {
  const std::filesystem::path dir(args.directory);
  std::string bytes, html;
  // A comparison directory holds comparison.pb; a sweep's sweep.pb; a check-fit's check-fit.pb; a
  // run's results.pb.
  if (read_file(dir / "sweep.pb", &bytes)) {
    results::Sweep sweep;
    if (!sweep.ParseFromString(bytes)) {
      std::cerr << "desksim report: " << (dir / "sweep.pb").string() << ": not a sweep\n";
      return 2;
    }
    html = analysis::html_report(sweep);
  } else if (read_file(dir / "check-fit.pb", &bytes)) {
    results::FitCheck check;
    if (!check.ParseFromString(bytes)) {
      std::cerr << "desksim report: " << (dir / "check-fit.pb").string() << ": not a check-fit\n";
      return 2;
    }
    html = analysis::html_report(check);
  } else if (read_file(dir / "comparison.pb", &bytes)) {
    results::Comparison comparison;
    if (!comparison.ParseFromString(bytes)) {
      std::cerr << "desksim report: " << (dir / "comparison.pb").string() << ": not a comparison\n";
      return 2;
    }
    html = analysis::html_report(comparison);
  } else if (read_file(dir / "results.pb", &bytes)) {
    results::RunResult run;
    if (!run.ParseFromString(bytes) || run.replications_size() == 0) {
      std::cerr << "desksim report: " << (dir / "results.pb").string() << ": not the results of a run\n";
      return 2;
    }
    html = analysis::html_report(run);
  } else {
    std::cerr << "desksim report: " << args.directory
              << ": holds no results.pb, comparison.pb, sweep.pb or check-fit.pb (the output of desksim run, compare, "
                 "sweep or check-fit)\n";
    return 2;
  }
  std::string error;
  if (!analysis::write_file_atomically(args.out, html, &error)) {
    std::cerr << "desksim report: " << error << "\n";
    return 1;
  }
  std::cout << "report written to " << args.out << "\n";
  return 0;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto args = std::make_shared<ReportArguments>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write one self-contained HTML file with charts (throughput, backlog, time to resolve, SLA attainment and "
      "availability against targets, desk load by hour of week, credits by month) from the output directory of "
      "desksim run or desksim compare. Needs no network to view.");
  cmd->add_option("directory", args->directory, "Output directory of a run or a comparison")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--out,-o", args->out, "HTML file to write")->required();
  return Command{cmd, [args] { return execute_report(*args); }};
}

}  // namespace desksim::app
