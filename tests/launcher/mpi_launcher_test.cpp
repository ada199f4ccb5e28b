// desksim-mpi under mpirun (3 ranks on this machine, oversubscribed): the outputs are the local
// desksim command's, file for file and byte for byte (for the optimiser, but for the time its search
// took); a task whose child process crashes runs again on another rank and the run says so; so does
// the task of a rank that is killed, when mpirun is told to let the job go on (--enable-recovery);
// bad input is refused before anything runs; an optimiser's task out of attempts fails the search,
// naming its candidate and replication; the results of a job stopped part of the way (a task out of
// attempts, a signal to rank 0 or to mpirun) are kept, and --resume completes it with the local bytes.
// Skipped when no Open MPI was found at configure time (desksim-mpi is then not built).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include "tests/e2e/cli_support.hpp"
#include "tests/e2e/two_station_optimise.hpp"

namespace desksim::e2e {
namespace {

namespace fs = std::filesystem;

// tests/CMakeLists.txt defines DESKSIM_MPI (desksim-mpi) and DESKSIM_MPIEXEC (mpirun) when Open MPI
// was found; without them every test here is skipped.
#ifdef DESKSIM_MPI
constexpr bool kLauncherBuilt = true;
#else
constexpr bool kLauncherBuilt = false;
#define DESKSIM_MPI ""
#define DESKSIM_MPIEXEC ""
#endif

/// `mpirun -np RANKS desksim-mpi ARGUMENTS` (as root in CI and containers, more ranks than cores),
/// with the environment variable `variable` set to `value` on every rank when given.
Outcome desksim_mpi(int ranks, const std::string& arguments, const std::string& variable = "",
                    const std::string& value = "") {
  const std::string set = variable.empty() ? "" : "env " + variable + "=" + value + " ";
  const std::string forward = variable.empty() ? "" : " -x " + variable;
  return run_shell(set + "timeout 300 " + DESKSIM_MPIEXEC + " --allow-run-as-root --oversubscribe" + forward + " -np " +
                   std::to_string(ranks) + " " + DESKSIM_MPI + " " + arguments);
}

/// Every file under `root`, by path relative to it, with its bytes.
std::map<std::string, std::string> files_under(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) out[fs::relative(entry.path(), root).string()] = read_file(entry.path());
  return out;
}

void expect_same_files(const fs::path& local, const fs::path& mpi) {
  const auto a = files_under(local), b = files_under(mpi);
  ASSERT_FALSE(a.empty());
  std::string names_a, names_b;
  for (const auto& [name, bytes] : a) names_a += name + " ";
  for (const auto& [name, bytes] : b) names_b += name + " ";
  EXPECT_EQ(names_a, names_b) << "the same files";
  for (const auto& [name, bytes] : a) {
    const auto it = b.find(name);
    if (it == b.end()) continue;
    EXPECT_FALSE(bytes.empty()) << name;
    EXPECT_TRUE(bytes == it->second) << name << " differs from the local run's";
  }
}

/// The rank `rank` of the MPI job whose mpirun is `mpirun` (its child, by OMPI_COMM_WORLD_RANK); -1 if none.
pid_t rank_process(pid_t mpirun, int rank) {
  for (pid_t child : children_of(mpirun)) {
    std::string environment = read_file("/proc/" + std::to_string(child) + "/environ");
    for (char& c : environment)
      if (c == '\0') c = '\n';
    if (("\n" + environment).find("\nOMPI_COMM_WORLD_RANK=" + std::to_string(rank) + "\n") != std::string::npos)
      return child;
  }
  return -1;
}

struct MpiLauncher : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("desksim-mpi-e2e-" + std::to_string(::getpid()));
  std::string scenario;
  /// `mpirun ... desksim-mpi` for 3 ranks that goes on when one is killed (without --enable-recovery
  /// mpirun ends the whole job, README), exec'd by the shell as timeout's child. The ranks' temporary
  /// files go to the test's folder: a killed rank cannot remove those of the task it was running.
  std::string killable_job() const {
    fs::create_directories(dir / "tmp");
    return "exec env TMPDIR=" + (dir / "tmp").string() + " timeout 300 " + DESKSIM_MPIEXEC +
           " --allow-run-as-root --oversubscribe --enable-recovery -x TMPDIR -np 3 " + DESKSIM_MPI;
  }
  /// Runs desksim-mpi ARGS on 3 ranks (killable_job), kills rank 2 once it runs a task, and returns
  /// the job's exit code; its output is in dir / "log".
  int run_killing_rank_2(const std::string& args) const {
    const std::string command = killable_job() + " --lost-after 2 " + args + " > " + (dir / "log").string() + " 2>&1";
    const pid_t shell = ::fork();
    if (shell == 0) {
      ::execl("/bin/sh", "sh", "-c", command.c_str(), nullptr);
      _exit(127);
    }
    // timeout runs mpirun as its child.
    pid_t mpirun = -1, rank2 = -1;
    const bool running = eventually([&] {
      for (pid_t p : children_of(shell)) mpirun = p;
      rank2 = mpirun > 0 ? rank_process(mpirun, 2) : -1;
      return rank2 > 0 && !children_of(rank2).empty();  // rank 2 is running a task
    });
    EXPECT_TRUE(running) << read_file(dir / "log");
    if (running) ::kill(rank2, SIGKILL);
    return wait_for_exit(shell);
  }
  void SetUp() override {
    if (!kLauncherBuilt) GTEST_SKIP() << "desksim-mpi was not built: no Open MPI (mpirun) at configure time";
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_mm10_scenario(dir / "mm.textproto", 3000, 11);
    scenario = (dir / "mm.textproto").string();
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(MpiLauncher, LinksOpenMpiAndNeitherSimGridNorTheModels) {
  // SimGrid exports MPI_* symbols of its own: the two must never meet in one binary.
  const auto [code, libraries] = run_shell("ldd " + std::string(DESKSIM_MPI));
  ASSERT_EQ(code, 0) << libraries;
  EXPECT_NE(libraries.find("libmpi.so"), std::string::npos) << libraries;
  EXPECT_EQ(libraries.find("simgrid"), std::string::npos) << libraries;
  EXPECT_EQ(libraries.find("protobuf"), std::string::npos) << "no desksim library either\n" << libraries;
}

TEST_F(MpiLauncher, ASweepOverThreeRanksWritesTheLocalSweepsBytes) {
  const std::string sweep = "sweep " + scenario + " --vary desk.agents=10,12 -r 3 -q --out ";
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  const auto mpi = desksim_mpi(3, sweep + (dir / "mpi").string());
  ASSERT_EQ(mpi.exit_code, 0) << mpi.output;
  expect_same_files(dir / "local", dir / "mpi");
  EXPECT_NE(mpi.output.find("sweep written to " + (dir / "mpi").string()), std::string::npos) << mpi.output;
  EXPECT_NE(mpi.output.find("desksim-mpi: 6 tasks (2 points x 3 replications) on 3 ranks; retried 0, ranks lost 0"),
            std::string::npos)
      << mpi.output;
  const std::regex efficiency(R"(efficiency ([0-9.]+) = ([0-9.]+) s of task wall time / \(3 x ([0-9.]+) s\))");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(mpi.output, m, efficiency)) << mpi.output;
  // Each printed figure is rounded to 0.01 (error up to 0.005). The true useful and elapsed times lie
  // within 0.005 of the printed u and e, so the true efficiency lies between (u - 0.005) / (3 (e + 0.005))
  // and (u + 0.005) / (3 (e - 0.005)), and the printed one within 0.005 of it.
  const double e = std::stod(m[3]), u = std::stod(m[2]);
  const double spread = std::max((u + 0.005) / (3 * (e - 0.005)) - u / (3 * e), u / (3 * e) - (u - 0.005) / (3 * (e + 0.005)));
  const double rounding = 0.005 + spread + 1e-12;
  EXPECT_NEAR(std::stod(m[1]), u / (3 * e), rounding);
  EXPECT_GT(std::stod(m[1]), 0.0);
  EXPECT_LE(std::stod(m[1]), 1.0);
}

TEST_F(MpiLauncher, ARunOverTwoRanksWritesTheLocalRunsBytes) {
  const std::string run = "run " + scenario + " -r 3 --seed 5 -q --out ";
  const auto local = desksim(run + (dir / "local").string());
  ASSERT_EQ(local.exit_code, 0) << local.output;
  const auto mpi = desksim_mpi(2, run + (dir / "mpi").string());
  ASSERT_EQ(mpi.exit_code, 0) << mpi.output;
  expect_same_files(dir / "local", dir / "mpi");
}

TEST_F(MpiLauncher, ACrashedTaskRunsAgainOnAnotherRankAndTheRunSaysSo) {
  const std::string sweep = "sweep " + scenario + " --vary desk.agents=10,12 -r 2 -q --out ";
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  // Test hook: the first attempt at task 1 has its child process killed as it starts.
  const auto mpi = desksim_mpi(3, sweep + (dir / "mpi").string(), "DESKSIM_MPI_TEST_CRASH_TASK", "1");
  ASSERT_EQ(mpi.exit_code, 0) << mpi.output;
  expect_same_files(dir / "local", dir / "mpi");
  std::smatch failed, done;
  ASSERT_TRUE(std::regex_search(mpi.output, failed,
                                std::regex(R"(task 1 \(point 0, replication 1\), attempt 1, failed on rank ([0-9]): desksim killed by signal Killed)")))
      << mpi.output;
  EXPECT_NE(mpi.output.find("it will run again on another rank"), std::string::npos) << mpi.output;
  ASSERT_TRUE(std::regex_search(mpi.output, done, std::regex(R"(task 1 \(point 0, replication 1\) done on rank ([0-9]) at attempt 2)")))
      << mpi.output;
  EXPECT_NE(failed[1].str(), done[1].str()) << "run again elsewhere";
  EXPECT_NE(mpi.output.find("on 3 ranks; retried 1, ranks lost 0"), std::string::npos) << mpi.output;
}

TEST_F(MpiLauncher, BadInputIsRefusedBeforeAnythingRuns) {
  // Started without mpirun, desksim-mpi is an MPI job of one rank (Open MPI's singleton start): the
  // input is checked in the same code as under mpirun, without the seconds mpirun takes to wind up a
  // job that exits non-zero.
  const std::string launcher = std::string(DESKSIM_MPI) + " ";
  auto run = [&](const std::string& arguments) { return run_shell("timeout 60 " + launcher + arguments); };
  const auto point = run("sweep " + scenario + " --vary desk.agents=10,0 --out " + (dir / "out").string());
  EXPECT_EQ(point.exit_code, 2) << point.output;
  EXPECT_NE(point.output.find("point 1 (desk.agents=0)"), std::string::npos) << point.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "sweep.pb"));
  const auto command = run("validate " + scenario);
  EXPECT_EQ(command.exit_code, 2) << command.output;
  EXPECT_NE(command.output.find("the command must be `run`, `sweep` or `optimise`"), std::string::npos) << command.output;
  const auto plumbing = run("run " + scenario + " --task-results " + dir.string());
  EXPECT_EQ(plumbing.exit_code, 2) << plumbing.output;
  EXPECT_NE(plumbing.output.find("--task-results is desksim-mpi's own plumbing"), std::string::npos) << plumbing.output;
  const auto resume = run("--resume optimise " + scenario + " --targets " + scenario);
  EXPECT_EQ(resume.exit_code, 2) << resume.output;
  EXPECT_NE(resume.output.find("--resume is for run and sweep"), std::string::npos) << resume.output;
  const auto desksim_path = run("--desksim /nonexistent/desksim run " + scenario);
  EXPECT_EQ(desksim_path.exit_code, 2) << desksim_path.output;
  EXPECT_NE(desksim_path.output.find("--desksim /nonexistent/desksim: not an executable file"), std::string::npos);
}

/// The processes whose command line contains `text`.
std::vector<pid_t> processes_naming(const std::string& text) {
  std::vector<pid_t> out;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string command = read_file(entry.path() / "cmdline");
    if (command.find(text) != std::string::npos) out.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return out;
}

/// The number of task results kept in `folder` (task-<n>.pb).
std::size_t kept_results(const fs::path& folder) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    n += entry.path().filename().string().rfind("task-", 0) == 0 && entry.path().extension() == ".pb";
  return n;
}

TEST_F(MpiLauncher, ATaskOutOfAttemptsFailsTheRunNamingItAndResumeRunsOnlyTheOthers) {
  // One rank, started without mpirun; one attempt allowed, and the test hook crashes task 2.
  const std::string sweep = " sweep " + scenario + " --vary desk.agents=10,12 -r 2 -q --out ";
  const auto [code, output] = run_shell("env DESKSIM_MPI_TEST_CRASH_TASK=2 timeout 60 " + std::string(DESKSIM_MPI) +
                                         " --max-attempts 1" + sweep + (dir / "mpi").string());
  EXPECT_EQ(code, 1) << output;
  const fs::path kept = dir / "mpi" / ".mpi-partial";
  // The rank runs tasks 0, 1 and 2 in turn; task 2 fails, and the run stops there.
  EXPECT_NE(output.find("the run failed: task 2 (point 1, replication 0) failed 1 of 1 attempts; the last, on rank 0: "
                        "desksim killed by signal Killed\ndesksim-mpi: no output was written; the results of 2 of 4 "
                        "tasks (2 points x 2 replications) are kept in " + kept.string() +
                        " (desksim-mpi --resume runs only the others)"),
            std::string::npos)
      << output;
  EXPECT_FALSE(fs::exists(dir / "mpi" / "sweep.pb"));
  EXPECT_EQ(kept_results(kept), 2u);

  const auto resumed = run_shell("timeout 60 " + std::string(DESKSIM_MPI) + " --resume" + sweep + (dir / "mpi").string());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("resuming: the results of 2 of 4 tasks (2 points x 2 replications) are kept in " +
                                kept.string() + "; the other 2 will run"),
            std::string::npos)
      << resumed.output;
  EXPECT_NE(resumed.output.find("4 tasks (2 points x 2 replications), 2 run by this job on 1 rank"), std::string::npos)
      << resumed.output;
  EXPECT_FALSE(fs::exists(kept)) << "the kept results go once the outputs are written";
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  expect_same_files(dir / "local", dir / "mpi");
}

TEST_F(MpiLauncher, WithoutResumeAnEarlierJobsResultsAreDiscardedAndResumeWithNothingKeptRunsEverything) {
  const std::string run = " run " + scenario + " -r 2 -q --out " + (dir / "mpi").string();
  const std::string launcher = "timeout 60 " + std::string(DESKSIM_MPI);
  EXPECT_EQ(run_shell("env DESKSIM_MPI_TEST_CRASH_TASK=1 " + launcher + " --max-attempts 1" + run).exit_code, 1);
  EXPECT_EQ(kept_results(dir / "mpi" / ".mpi-partial"), 1u);
  const auto again = run_shell(launcher + run);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("discarded the results an interrupted job kept in " + (dir / "mpi" / ".mpi-partial").string() +
                              " (--resume would have completed that run)"),
            std::string::npos)
      << again.output;
  EXPECT_NE(again.output.find("2 tasks (1 point x 2 replications) on 1 rank"), std::string::npos) << again.output;
  // A batch script may say --resume from its first submission.
  const auto fresh = run_shell(launcher + " --resume" + run);
  ASSERT_EQ(fresh.exit_code, 0) << fresh.output;
  EXPECT_NE(fresh.output.find("nothing to resume in " + (dir / "mpi" / ".mpi-partial").string() + ": every task will run"),
            std::string::npos)
      << fresh.output;
}

TEST_F(MpiLauncher, OutputsThatCannotBeWrittenKeepEveryResultAndResumeOnlyWritesThem) {
  const std::string run = " run " + scenario + " -r 2 -q --out " + (dir / "mpi").string();
  const std::string launcher = "timeout 60 " + std::string(DESKSIM_MPI);
  fs::create_directories(dir / "mpi" / "results.pb");  // a folder where a file must go: the outputs fail
  const auto failed = run_shell(launcher + run);
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_NE(failed.output.find("every result is kept in " + (dir / "mpi" / ".mpi-partial").string() +
                               ": desksim-mpi --resume writes the outputs without running anything again"),
            std::string::npos)
      << failed.output;
  EXPECT_EQ(kept_results(dir / "mpi" / ".mpi-partial"), 2u);
  fs::remove(dir / "mpi" / "results.pb");
  const auto resumed = run_shell(launcher + " --resume" + run);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("the results of all 2 tasks (1 point x 2 replications) are kept in " +
                                (dir / "mpi" / ".mpi-partial").string() + "; only the outputs are left to write"),
            std::string::npos)
      << resumed.output;
  EXPECT_NE(resumed.output.find("2 tasks (1 point x 2 replications), 0 run by this job on 1 rank"), std::string::npos)
      << resumed.output;
  const auto local = desksim(run.substr(0, run.find(" --out ")) + " --out " + (dir / "local").string());
  ASSERT_EQ(local.exit_code, 0) << local.output;
  expect_same_files(dir / "local", dir / "mpi");
}

/// Runs `command` (a shell command line that execs desksim-mpi or mpirun) in the background, sends
/// `signal` to it once `folder` holds a kept result, and returns its exit code; its output goes to `log`.
int stop_once_a_result_is_kept(const std::string& command, const fs::path& folder, const fs::path& log, int signal) {
  const std::string line = command + " > " + log.string() + " 2>&1";
  const pid_t shell = ::fork();
  if (shell == 0) {
    ::execl("/bin/sh", "sh", "-c", line.c_str(), nullptr);
    _exit(127);
  }
  const bool kept = eventually([&] { return kept_results(folder) > 0; });
  EXPECT_TRUE(kept) << read_file(log);
  ::kill(shell, signal);  // the shell has exec'd the command: this is its process
  return wait_for_exit(shell);
}

TEST_F(MpiLauncher, ASignalStopsTheJobKeepingItsResultsAndResumeCompletesItWithTheLocalBytes) {
  // Tasks of about 0.15 s, one rank started without mpirun: a run of six is stopped part of the way.
  write_mm10_scenario(dir / "mm.textproto", 150000, 11);
  const std::string sweep = " sweep " + scenario + " --vary desk.agents=10,11 -r 3 -q --out ";
  fs::create_directories(dir / "tmp");
  const std::string launcher = "exec env TMPDIR=" + (dir / "tmp").string() + " timeout 60 " + DESKSIM_MPI;
  const fs::path kept = dir / "mpi" / ".mpi-partial";
  const int code = stop_once_a_result_is_kept(launcher + sweep + (dir / "mpi").string(), kept, dir / "log", SIGTERM);
  const std::string log = read_file(dir / "log");
  // timeout passes the signal on to desksim-mpi, which ends the job with MPI_Abort and 128 + SIGTERM.
  EXPECT_EQ(code, 128 + SIGTERM) << log;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(log, m,
                                std::regex("stopped by SIGTERM: the results of ([0-9]) of 6 tasks \\(2 points x 3 "
                                           "replications\\) are kept in (.*); the outputs are as they were\\. The same "
                                           "command with desksim-mpi --resume runs only the other ([0-9])\\.")))
      << log;
  const std::size_t results = kept_results(kept);
  EXPECT_EQ(std::stoul(m[1]), results);
  EXPECT_EQ(m[2].str(), kept.string());
  EXPECT_EQ(std::stoul(m[3]), 6 - results);
  EXPECT_LT(results, 6u) << "stopped before its end";
  EXPECT_FALSE(fs::exists(dir / "mpi" / "sweep.pb"));
  for (const auto& entry : fs::directory_iterator(dir / "tmp"))  // (Open MPI keeps its session folder there)
    EXPECT_NE(entry.path().filename().string().rfind("desksim-mpi-task", 0), 0u)
        << entry.path() << ": the running task's temporary files are removed";

  const auto other = run_shell("timeout 60 " + std::string(DESKSIM_MPI) + " --resume" + sweep + (dir / "mpi").string() +
                               " --seed 99");
  EXPECT_EQ(other.exit_code, 2) << other.output;
  EXPECT_NE(other.output.find("cannot resume: the results kept in " + kept.string() + " are for another run"),
            std::string::npos)
      << other.output;
  EXPECT_EQ(kept_results(kept), results) << "a refused resume keeps them";

  const auto resumed = run_shell("timeout 60 " + std::string(DESKSIM_MPI) + " --resume" + sweep + (dir / "mpi").string());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("the other " + std::to_string(6 - results) + " will run"), std::string::npos)
      << resumed.output;
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  expect_same_files(dir / "local", dir / "mpi");
}

TEST_F(MpiLauncher, ARank0StuckAfterASignalEndsItselfWithinItsGraceKeepingItsResults) {
  // Test hook: rank 0 hangs where it would call MPI_Abort; its deadline (10 s) must end it instead.
  write_mm10_scenario(dir / "mm.textproto", 150000, 11);
  const std::string sweep = " sweep " + scenario + " --vary desk.agents=10,11 -r 3 -q --out ";
  const std::string launcher = "exec env DESKSIM_MPI_TEST_STUCK_ABORT=1 timeout 60 " + std::string(DESKSIM_MPI);
  const fs::path kept = dir / "mpi" / ".mpi-partial";
  const auto start = std::chrono::steady_clock::now();
  const int code = stop_once_a_result_is_kept(launcher + sweep + (dir / "mpi").string(), kept, dir / "log", SIGTERM);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string log = read_file(dir / "log");
  EXPECT_EQ(code, 128 + SIGTERM) << log << "\n(timeout's 60 s would give 124)";
  EXPECT_GE(seconds, 10.0) << log;
  EXPECT_LT(seconds, 30.0) << "within Slurm's default KillWait\n" << log;
  EXPECT_NE(log.find("stopped by SIGTERM: the results of"), std::string::npos) << log;
  EXPECT_NE(log.find("desksim-mpi: rank 0 did not end within 10 s of the signal and ends itself now; the results kept "
                     "in " + kept.string() + " stay there (desksim-mpi --resume runs only the others)"),
            std::string::npos)
      << log;
  EXPECT_GE(kept_results(kept), 1u);
  EXPECT_TRUE(eventually([&] { return processes_naming(dir.string()).empty(); })) << "no task is left running";
}

TEST_F(MpiLauncher, MpirunsSigtermEndsTheJobAndResumeOverThreeRanksCompletesItWithTheLocalBytes) {
  // What Slurm's time limit or scancel does to `mpirun`: a second later mpirun passes a SIGTERM on to
  // every rank, and soon after kills them. Twelve tasks of about 0.5 s on two cores: about 3 s.
  write_mm10_scenario(dir / "mm.textproto", 1500000, 11);
  const std::string sweep = " sweep " + scenario + " --vary desk.agents=10,11 -r 6 -q --out ";
  const fs::path kept = dir / "mpi" / ".mpi-partial";
  const std::string mpirun = "exec timeout 300 " + std::string(DESKSIM_MPIEXEC) + " --allow-run-as-root --oversubscribe -np 3 ";
  const int code = stop_once_a_result_is_kept(mpirun + DESKSIM_MPI + sweep + (dir / "mpi").string(), kept, dir / "log",
                                              SIGTERM);
  EXPECT_NE(code, 0) << read_file(dir / "log");
  // mpirun exits at once; its ranks are ended a second or two later, and may keep a result meanwhile.
  EXPECT_TRUE(eventually([&] { return processes_naming(dir.string()).empty(); })) << "every rank and task has ended";
  EXPECT_FALSE(fs::exists(dir / "mpi" / "sweep.pb"));
  const std::size_t results = kept_results(kept);
  EXPECT_GE(results, 1u);
  const auto resumed = run_shell(mpirun + DESKSIM_MPI + " --resume" + sweep + (dir / "mpi").string());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("resuming: the results of " + std::to_string(results) + " of 12 tasks"), std::string::npos)
      << resumed.output;
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  expect_same_files(dir / "local", dir / "mpi");
}

struct MpiOptimise : MpiLauncher {
  std::string optimise;  // `optimise SCENARIO --targets FILE --quiet`
  void SetUp() override {
    MpiLauncher::SetUp();
    std::ofstream(dir / "two.textproto") << kTwoStationScenario;
    std::ofstream(dir / "targets.txtpb") << kTwoStationTargets;
    optimise = "optimise " + (dir / "two.textproto").string() + " --targets " + (dir / "targets.txtpb").string() + " --quiet";
  }
};

TEST_F(MpiOptimise, ASearchOverThreeRanksWritesTheLocalSearchsOutputs) {
  const auto local = desksim(optimise + " --jobs 2 --out " + (dir / "local").string());
  ASSERT_EQ(local.exit_code, 0) << local.output;
  // Test hook: the first attempt at task 1 of every round has its child process killed as it starts.
  const auto mpi = desksim_mpi(3, optimise + " --out " + (dir / "mpi").string(), "DESKSIM_MPI_TEST_CRASH_TASK", "1");
  ASSERT_EQ(mpi.exit_code, 0) << mpi.output;
  EXPECT_TRUE(read_file(dir / "local" / "optimised.textproto") == read_file(dir / "mpi" / "optimised.textproto"))
      << "the same rosters, byte for byte";
  for (const char* file : {"optimise-summary.txt", "optimise-report.html"}) {
    const std::string a = read_file(dir / "local" / file), b = read_file(dir / "mpi" / file);
    EXPECT_NE(comparable_optimiser_output(a, dir / "local"), a) << file << ": the time and the folder were found";
    EXPECT_TRUE(comparable_optimiser_output(a, dir / "local") == comparable_optimiser_output(b, dir / "mpi"))
        << file << " differs from the local search's";
  }
  // Every simulation of the search was a task on the ranks, and each round's task 1 ran twice.
  std::smatch summary, end;
  const std::string text = read_file(dir / "local" / "optimise-summary.txt");
  ASSERT_TRUE(std::regex_search(text, summary, std::regex(R"(Search: ([0-9]+) candidate rosters, ([0-9]+) simulations)")));
  ASSERT_TRUE(std::regex_search(mpi.output, end,
                                std::regex(R"(desksim-mpi: ([0-9]+) rounds of the search, ([0-9]+) tasks \(([0-9]+) candidates x 3 )"
                                           R"(replications\) on 3 ranks; retried ([0-9]+), ranks lost 0)")))
      << mpi.output;
  EXPECT_EQ(end[2].str(), summary[2].str()) << mpi.output;
  EXPECT_EQ(end[3].str(), summary[1].str()) << mpi.output;
  EXPECT_EQ(end[4].str(), end[1].str()) << "one retry per round\n" << mpi.output;
  EXPECT_NE(mpi.output.find("task 1 of round 0 (candidate 0, replication 1), attempt 1, failed on rank"), std::string::npos)
      << mpi.output;
}

TEST_F(MpiOptimise, ATaskOutOfAttemptsFailsTheSearchNamingItsCandidateAndReplication) {
  // One rank, started without mpirun, with a desksim whose replications all fail.
  const fs::path failing = dir / "failing-desksim";
  std::ofstream(failing) << "#!/bin/sh\nif [ \"$1\" = replication-task ]; then echo 'no replication today' >&2; exit 3; fi\n"
                         << "exec " << DESKSIM_CLI << " \"$@\"\n";
  fs::permissions(failing, fs::perms::owner_all);
  const auto [code, output] = run_shell("timeout 60 " + std::string(DESKSIM_MPI) + " --desksim " + failing.string() +
                                         " " + optimise + " --out " + (dir / "out").string());
  EXPECT_EQ(code, 1) << output;
  EXPECT_NE(output.find("desksim optimise: the simulations of round 0 failed on the MPI ranks: task 0 of round 0 "
                        "(candidate 0, replication 0) failed 3 of 3 attempts; the last, on rank 0: desksim exit code 3: "
                        "no replication today"),
            std::string::npos)
      << output;
  EXPECT_FALSE(fs::exists(dir / "out" / "optimised.textproto"));
  EXPECT_FALSE(fs::exists(dir / "out" / "optimise-summary.txt"));
}


TEST_F(MpiLauncher, AKilledRankIsSurvivedWithMpirunsRecoveryAndItsTaskRunsElsewhere) {
  // Tasks of about a third of a second, so that rank 2 is killed while it runs one.
  write_mm10_scenario(dir / "mm.textproto", 300000, 11);
  const std::string sweep = "sweep " + scenario + " --vary desk.agents=10,11,12 -r 2 -q --out ";
  const auto local = desksim(sweep + (dir / "local").string() + " -j 2");
  ASSERT_EQ(local.exit_code, 0) << local.output;
  EXPECT_EQ(run_killing_rank_2(sweep + (dir / "mpi").string()), 0) << read_file(dir / "log");
  const std::string log = read_file(dir / "log");
  EXPECT_NE(log.find("rank 2 is taken as lost (no word from it for 2 s)"), std::string::npos) << log;
  EXPECT_NE(log.find("will run on another rank"), std::string::npos) << log;
  EXPECT_NE(log.find("on 3 ranks; retried 1, ranks lost 1"), std::string::npos) << log;
  expect_same_files(dir / "local", dir / "mpi");
}

TEST_F(MpiOptimise, ARankKilledInOneRoundIsLeftOutOfTheNextAndTheOutputsAreTheLocalSearchs) {
  // Eight weeks instead of eight days: tasks of about 0.2 s, so that rank 2 is killed while it runs one.
  std::string longer = kTwoStationScenario;
  longer.replace(longer.find("horizon_hours: 192 "), 19, "horizon_hours: 1344 ");
  std::ofstream(dir / "two.textproto") << longer;
  const auto local = desksim(optimise + " --jobs 2 --out " + (dir / "local").string());
  ASSERT_EQ(local.exit_code, 0) << local.output;
  EXPECT_EQ(run_killing_rank_2(optimise + " --out " + (dir / "mpi").string()), 0) << read_file(dir / "log");
  const std::string log = read_file(dir / "log");
  const std::string lost = "rank 2 is taken as lost (no word from it for 2 s)";
  const auto lost_at = log.find(lost);
  ASSERT_NE(lost_at, std::string::npos) << log;
  EXPECT_EQ(log.find("is taken as lost", lost_at + lost.size()), std::string::npos) << "lost once only\n" << log;
  std::smatch end;
  ASSERT_TRUE(std::regex_search(log, end, std::regex(R"(([0-9]+) rounds of the search, .* on 3 ranks; retried 1, ranks lost 1)")))
      << "its task ran again, and no task of a later round went to it (it would have been lost again)\n"
      << log;
  EXPECT_GE(std::stoi(end[1]), 2) << log;
  EXPECT_TRUE(read_file(dir / "local" / "optimised.textproto") == read_file(dir / "mpi" / "optimised.textproto"));
  const std::string a = read_file(dir / "local" / "optimise-summary.txt");
  const std::string b = read_file(dir / "mpi" / "optimise-summary.txt");
  EXPECT_TRUE(comparable_optimiser_output(a, dir / "local") == comparable_optimiser_output(b, dir / "mpi")) << a << b;
}
}  // namespace
}  // namespace desksim::e2e
