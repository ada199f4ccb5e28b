#pragma once
// The subcommands of the desksim CLI. Each add_*_command registers its options on the app and
// returns the subcommand with the function that executes it (exit code: 0 ok, 1 failed run,
// 2 bad input).
#include <functional>
#include <string_view>

#include <CLI/CLI.hpp>

namespace desksim::app {

inline constexpr std::string_view kVersion = "0.1.0";

struct Command {
  CLI::App* command;
  std::function<int()> execute;
};

Command add_run_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_compare_command(CLI::App& app);
Command add_report_command(CLI::App& app);
Command add_calibrate_command(CLI::App& app);
Command add_sweep_command(CLI::App& app);
Command add_check_fit_command(CLI::App& app);
Command add_optimise_command(CLI::App& app);
/// Hidden: one replication of a serialised scenario, a task of `desksim-mpi optimise`.
Command add_replication_task_command(CLI::App& app);

}  // namespace desksim::app
