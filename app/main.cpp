// desksim command line: `desksim run`, `desksim validate`, `desksim compare`, `desksim sweep`, `desksim report`,
// `desksim calibrate`, `desksim check-fit`. Each subcommand lives in its own file;
// this one only wires them up.
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"desksim: discrete-event simulation of a two-tower IT service desk (throughput, waits, SLAs, "
               "availability) for capacity planning and scenario comparison."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(desksim::app::kVersion));
  auto run = desksim::app::add_run_command(app);
  auto validate = desksim::app::add_validate_command(app);
  auto compare = desksim::app::add_compare_command(app);
  auto report = desksim::app::add_report_command(app);
  auto calibrate = desksim::app::add_calibrate_command(app);
  auto sweep = desksim::app::add_sweep_command(app);
  auto check_fit = desksim::app::add_check_fit_command(app);
  auto optimise = desksim::app::add_optimise_command(app);
  auto replication_task = desksim::app::add_replication_task_command(app);  // hidden: desksim-mpi's
  try {
    app.parse(argc, argv);
  } catch (const CLI::RequiredError& e) {
    // CLI11 reports a mistyped command only as "A subcommand is required": name it.
    if (app.get_subcommands().empty() && !app.remaining().empty()) {
      std::cerr << "desksim: unknown command \"" << app.remaining().front()
                << "\" (commands: run, validate, compare, sweep, report, calibrate, check-fit, optimise)\nRun with --help for more information.\n";
      return 2;
    }
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here too, with exit code 0. Every other error is a usage error:
    // CLI11 prints it and desksim exits 2, as for any other bad input (CLI11's own codes are 100+).
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (app.got_subcommand(run.command)) return run.execute();
  if (app.got_subcommand(validate.command)) return validate.execute();
  if (app.got_subcommand(compare.command)) return compare.execute();
  if (app.got_subcommand(report.command)) return report.execute();
  if (app.got_subcommand(calibrate.command)) return calibrate.execute();
  if (app.got_subcommand(sweep.command)) return sweep.execute();
  if (app.got_subcommand(check_fit.command)) return check_fit.execute();
  if (app.got_subcommand(optimise.command)) return optimise.execute();
  if (app.got_subcommand(replication_task.command)) return replication_task.execute();
  return 2;
}
