// `desksim validate FILE...`: parse and check scenario files without running them.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "models/scenario/run_limits_validator.hpp"
#include "models/scenario/scenario_loader.hpp"

namespace desksim::app {

Command add_validate_command(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("validate",
                                     "Check scenario files (syntax and every semantic rule) without running them. "
                                     "Lists every error as file:line:column: field: message; exit code 2 if any.");
  cmd->add_option("files", *files, "Scenario files (.textproto, or .json for the JSON mapping)")->required();
  return Command{cmd, [files] {
                   int status = 0;
                   for (const std::string& file : *files) {
                     scenario::Scenario scenario;
                     std::vector<models::Diagnostic> diagnostics;
                     if (models::load_scenario(file, &scenario, &diagnostics)) {
                       std::cout << file << ": ok\n";
                       for (const std::string& w : models::overload_warnings(scenario))
                         std::cerr << file << ": warning: " << w << "\n";
                     } else {
                       std::cerr << models::format_all(diagnostics);
                       status = 2;
                     }
                   }
                   return status;
                 }};
}

}  // namespace desksim::app
