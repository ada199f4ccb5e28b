#include "launcher/launcher_options.hpp"

#include <unistd.h>

#include <filesystem>

#include <CLI/CLI.hpp>

namespace desksim::launcher {

namespace {

/// The desksim beside this executable (its real path, through /proc/self/exe).
std::string sibling_desksim() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? "desksim" : (self.parent_path() / "desksim").string();
}

}  // namespace

bool LauncherOptions::IsValid(std::string* error) const {
  auto fail = [&](std::string m) {
    if (error) *error = std::move(m);
    return false;
  };
  if (desksim.empty()) return fail("--desksim: a path to the desksim executable is needed");
  if (::access(desksim.c_str(), X_OK) != 0) return fail("--desksim " + desksim + ": not an executable file");
  if (command.empty() || (command[0] != "run" && command[0] != "sweep" && command[0] != "optimise"))
    return fail("the command must be `run`, `sweep` or `optimise` with its arguments, as for desksim (got " +
                (command.empty() ? std::string("nothing") : "\"" + command[0] + "\"") + ")");
  for (const std::string& a : command) {
    const std::string name = a.substr(0, a.find('='));
    if (name == "--plan" || name == "--task" || name == "--task-out" || name == "--task-results" ||
        name.rfind("--rounds-", 0) == 0)
      return fail(name + " is desksim-mpi's own plumbing, not an option of the command it runs");
  }
  if (resume && command[0] == "optimise")
    return fail("--resume is for run and sweep: the optimiser's search keeps no results between jobs");
  if (max_attempts < 1) return fail("--max-attempts must be >= 1 (got 0)");
  if (!(lost_after_seconds > 0)) return fail("--lost-after must be > 0 seconds");
  return true;
}

bool parse_launcher_options(int argc, char** argv, LauncherOptions* out, std::string* error, bool* help) {
  *help = false;
  CLI::App app{"desksim-mpi: runs a desksim run, sweep or staffing optimiser across the ranks of an MPI job (mpirun, "
               "srun). Every (point, replication) is one task, handed to a rank when it is free; each rank runs its "
               "task as a desksim child process; rank 0 gathers the results and writes exactly the outputs the same "
               "desksim command writes on one machine. For optimise, the search runs in one desksim process beside "
               "rank 0 and each of its rounds' (candidate, replication) simulations are the tasks.\n\nUsage: mpirun "
               "-np N desksim-mpi [OPTIONS] [--] run|sweep|optimise ARGS..."};
  app.prefix_command();  // everything from the first word that is not an option of ours is the command
  app.add_option("--desksim", out->desksim, "The desksim executable (default: the one beside desksim-mpi)");
  app.add_option("--max-attempts", out->max_attempts, "Attempts at one task before the run fails (default 3)");
  app.add_option("--lost-after", out->lost_after_seconds,
                 "Seconds without word from a rank running a task before it is taken as lost and its task run "
                 "elsewhere (default 120)");
  app.add_flag("--resume", out->resume,
               "Run and sweep: take the results a stopped job of the same command kept in OUT/.mpi-partial and run "
               "only the other tasks (all of them if none are kept; refused if they are another run's)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    *help = true;
    *error = app.help();
    return false;
  } catch (const CLI::ParseError& e) {
    *error = e.what();
    return false;
  }
  out->command = app.remaining();
  if (!out->command.empty() && out->command[0] == "--") out->command.erase(out->command.begin());
  if (out->desksim.empty()) out->desksim = sibling_desksim();
  return out->IsValid(error);
}

}  // namespace desksim::launcher
