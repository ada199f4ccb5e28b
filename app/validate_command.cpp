// `desksim validate [--print-merged] FILE...`: parse and check scenario files without running them.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/text_format.h>

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
  auto print_merged = std::make_shared<bool>(false);
  cmd->add_flag("--print-merged", *print_merged,
                "Print each file merged with the bases it extends (text format), before checking it");
  return Command{cmd, [files, print_merged] {
                   int status = 0;
                   for (const std::string& file : *files) {
                     scenario::Scenario scenario;
                     std::vector<models::Diagnostic> diagnostics;
                     // Printed even when the merged scenario breaks a rule: seeing it is how one finds why.
                     if (*print_merged && models::merge_scenario_file(file, &scenario, &diagnostics)) {
                       std::string text;
                       google::protobuf::TextFormat::PrintToString(scenario, &text);
                       std::cout << text;
                     }
                     diagnostics.clear();
                     if (models::load_scenario(file, &scenario, &diagnostics)) {
                       // With --print-merged stdout is the merged scenario alone, a file one can run.
                       (*print_merged ? std::cerr : std::cout) << file << ": ok\n";
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
