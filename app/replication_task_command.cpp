// `desksim replication-task --task-in FILE --seed S --replication R --task-out FILE`, hidden: one
// replication of a scenario given as its serialised bytes, the task with which desksim-mpi runs a
// candidate of `desksim optimise` on a rank (app/optimise_rounds.hpp). The scenario is the one the
// search built in memory (a candidate's rosters on the validated input), so it is run as it is, with
// the call the optimiser's local pool makes for it: the result's bytes are the same.
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "app/task_mode.hpp"
#include "app/whole_number_option.hpp"
#include "desksim/scenario.pb.h"

namespace desksim::app {

namespace {

struct ReplicationTaskArguments {
  std::string task_in;   ///< the serialised Scenario
  std::uint64_t seed = 1;
  unsigned replication = 0;
  std::string task_out;  ///< where its serialised ReplicationResult goes (written whole, then renamed)
};

int execute_replication_task(const ReplicationTaskArguments& args) {
  const std::string command = "desksim replication-task";
  std::ifstream in(args.task_in, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  scenario::Scenario scenario;
  if (!in.is_open() || in.bad() || !scenario.ParseFromString(bytes)) {
    std::cerr << command << ": " << args.task_in << ": not a serialised scenario\n";
    return 1;
  }
  return run_replication_task(scenario, args.seed, args.replication, args.task_out,
                              "replication " + std::to_string(args.replication) + " of " + args.task_in, command);
}

}  // namespace

Command add_replication_task_command(CLI::App& app) {
  auto args = std::make_shared<ReplicationTaskArguments>();
  // Hidden (empty group): plumbing for desksim-mpi.
  CLI::App* cmd = app.add_subcommand("replication-task", "Run one replication of a serialised scenario")->group("");
  cmd->add_option("--task-in", args->task_in, "The serialised scenario")->required()->check(CLI::ExistingFile);
  cmd->add_option("--seed", args->seed, "The run's seed")->required()->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--replication", args->replication, "The replication's index")
      ->required()
      ->check(whole_number(0, UINT32_MAX));
  cmd->add_option("--task-out", args->task_out, "Where its result's bytes go")->required();
  return Command{cmd, [args] { return execute_replication_task(*args); }};
}

}  // namespace desksim::app
