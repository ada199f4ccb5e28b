// The link with which desksim-mpi serves `desksim optimise` (app/optimise_rounds.hpp), without MPI:
// this test stands in for desksim-mpi, running each round's tasks as `desksim replication-task`, one
// after another. The search then writes the local search's outputs (the overlay byte for byte; the
// summary and report page but for the time the search took); a round that failed elsewhere fails the
// search with the reason given, and nothing is written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "app/optimise_rounds.hpp"
#include "app/task_files.hpp"
#include "tests/e2e/cli_support.hpp"
#include "tests/e2e/two_station_optimise.hpp"

namespace desksim::e2e {
namespace {

namespace fs = std::filesystem;

/// What the stand-in saw, and how the search ended.
struct Served {
  int exit_code = -1;
  std::string output;  // the search's stdout and stderr
  unsigned rounds = 0, tasks = 0;
  std::string task_failure;  // a task that failed, with what it printed
};

/// Runs `desksim optimise ARGUMENTS` linked to this process as to desksim-mpi, answering every round
/// from `fail_round` on with `failed` and `why`.
Served serve_search(const std::vector<std::string>& arguments, const fs::path& folder, unsigned ranks,
                    int fail_round = -1, const std::string& why = "") {
  Served served;
  int request[2], answer[2];  // [0] read end, [1] write end
  if (::pipe2(request, O_CLOEXEC) != 0 || ::pipe2(answer, O_CLOEXEC) != 0) return served;
  std::vector<std::string> argv{DESKSIM_CLI, "optimise"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  argv.insert(argv.end(), {"--rounds-folder", folder.string(), "--rounds-request-fd", std::to_string(request[1]),
                           "--rounds-answer-fd", std::to_string(answer[0]), "--rounds-ranks", std::to_string(ranks)});
  const fs::path log = folder / "search.log";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::fcntl(request[1], F_SETFD, 0);
    ::fcntl(answer[0], F_SETFD, 0);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    ::execv(DESKSIM_CLI, args.data());
    _exit(127);
  }
  ::close(request[1]);
  ::close(answer[0]);
  FILE* requests = ::fdopen(request[0], "r");
  char line[256];
  while (std::fgets(line, sizeof line, requests) != nullptr) {
    app::RoundRequest round;
    std::string text(line);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    EXPECT_TRUE(app::parse_round_request(text, &round)) << text;
    EXPECT_EQ(round.round, served.rounds) << "rounds are numbered from 0";
    ++served.rounds;
    const std::string round_folder = app::round_folder(folder.string(), round.round);
    std::string reply = "done\n";
    if (fail_round >= 0 && static_cast<int>(round.round) >= fail_round) {
      std::ofstream(app::round_failure_file(round_folder)) << why;
      reply = "failed\n";
    }
    for (unsigned t = 0; reply == "done\n" && t < round.candidates * round.replications; ++t, ++served.tasks) {
      const auto task = desksim("replication-task --seed " + std::to_string(round.seed) + " --replication " +
                                std::to_string(t % round.replications) + " --task-in " +
                                app::candidate_file(round_folder, t / round.replications) + " --task-out " +
                                app::task_result_file(round_folder, t));
      // (What a task prints is not checked: under AddressSanitizer SimGrid's context switches make it warn.)
      if (task.exit_code != 0) served.task_failure = "exit code " + std::to_string(task.exit_code) + ": " + task.output;
    }
    if (::write(answer[1], reply.data(), reply.size()) != static_cast<ssize_t>(reply.size())) break;
  }
  std::fclose(requests);
  ::close(answer[1]);
  served.exit_code = wait_for_exit(pid);
  served.output = read_file(log);
  return served;
}

struct OptimiseRoundsCli : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("desksim-optimise-rounds-" + std::to_string(::getpid()));
  std::vector<std::string> arguments;
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir / "rounds");
    std::ofstream(dir / "two.textproto") << kTwoStationScenario;
    std::ofstream(dir / "targets.txtpb") << kTwoStationTargets;
    arguments = {(dir / "two.textproto").string(), "--targets", (dir / "targets.txtpb").string(), "--quiet"};
  }
  void TearDown() override { fs::remove_all(dir); }
};

/// Runs the search linked to the stand-in and locally (--jobs 2), and compares their outputs.
void expect_the_local_searchs_outputs(const fs::path& dir, const std::vector<std::string>& arguments) {
  std::vector<std::string> linked = arguments;
  linked.insert(linked.end(), {"--out", (dir / "linked").string()});
  const Served served = serve_search(linked, dir / "rounds", 3);
  ASSERT_EQ(served.exit_code, 0) << served.output;
  EXPECT_EQ(served.task_failure, "") << "every task succeeds";
  std::string local_command = "optimise";
  for (const std::string& a : arguments) local_command += " " + a;
  const auto local = desksim(local_command + " --jobs 2 --out " + (dir / "local").string());
  ASSERT_EQ(local.exit_code, 0) << local.output;

  // The search's own count of simulations is the tasks it was served: none ran in its own pool.
  const std::string summary = read_file(dir / "local" / "optimise-summary.txt");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(summary, m, std::regex(R"(([0-9]+) simulations)"))) << summary;
  EXPECT_EQ(std::to_string(served.tasks), m[1].str()) << summary;
  EXPECT_GE(served.rounds, 2u) << "a first guess and at least one descent round";
  EXPECT_TRUE(read_file(dir / "local" / "optimised.textproto") == read_file(dir / "linked" / "optimised.textproto"));
  for (const char* file : {"optimise-summary.txt", "optimise-report.html"}) {
    const std::string a = read_file(dir / "local" / file), b = read_file(dir / "linked" / file);
    EXPECT_NE(comparable_optimiser_output(a, dir / "local"), a) << file << ": the time and the folder were found";
    EXPECT_TRUE(comparable_optimiser_output(a, dir / "local") == comparable_optimiser_output(b, dir / "linked"))
        << file << " differs from the local search's";
  }
  EXPECT_FALSE(fs::exists(dir / "rounds" / "round-0")) << "the search removes a round's files once it has read them";
}

TEST_F(OptimiseRoundsCli, RoundsRunElsewhereGiveTheLocalSearchsOutputs) {
  expect_the_local_searchs_outputs(dir, arguments);
}

TEST_F(OptimiseRoundsCli, SoDoThoseOfASearchPerPhase) {
  // Each phase is a search of its own; the rounds are numbered on across them.
  std::ofstream(dir / "phased.textproto") << two_station_with_a_demand_cut();
  arguments[0] = (dir / "phased.textproto").string();
  arguments.push_back("--per-phase");
  expect_the_local_searchs_outputs(dir, arguments);
}

TEST_F(OptimiseRoundsCli, ARoundThatFailedElsewhereFailsTheSearchSayingWhyAndWritesNothing) {
  std::vector<std::string> linked = arguments;
  linked.insert(linked.end(), {"--out", (dir / "out").string()});
  const std::string why =
      "the simulations of round 1 failed on the MPI ranks: task 4 of round 1 (candidate 1, replication 1) failed 3 "
      "of 3 attempts; the last, on rank 2: desksim exit code 1";
  const Served served = serve_search(linked, dir / "rounds", 2, 1, why);
  EXPECT_EQ(served.exit_code, 1) << served.output;
  EXPECT_EQ(served.rounds, 2u) << "the search stops at the round that failed";
  EXPECT_NE(served.output.find("desksim optimise: " + why), std::string::npos) << served.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "optimised.textproto"));
  EXPECT_FALSE(fs::exists(dir / "out" / "optimise-summary.txt"));
}

TEST_F(OptimiseRoundsCli, TheLinkNeedsAllItsPartsAndATaskNeedsAScenario) {
  const auto partial = desksim("optimise " + arguments[0] + " --rounds-folder " + (dir / "rounds").string());
  EXPECT_EQ(partial.exit_code, 2) << partial.output;
  EXPECT_NE(partial.output.find("desksim optimise: --rounds-request-fd: an open file descriptor is needed"),
            std::string::npos)
      << partial.output;
  std::ofstream(dir / "not-a-scenario.pb") << "\xff\xff\xff not protobuf";
  const auto task = desksim("replication-task --seed 1 --replication 0 --task-in " +
                            (dir / "not-a-scenario.pb").string() +
                            " --task-out " + (dir / "out.pb").string());
  EXPECT_EQ(task.exit_code, 1) << task.output;
  EXPECT_NE(task.output.find("not-a-scenario.pb: not a serialised scenario"), std::string::npos) << task.output;
  EXPECT_FALSE(fs::exists(dir / "out.pb"));
  const auto help = desksim("--help");
  EXPECT_EQ(help.output.find("replication-task"), std::string::npos) << "plumbing is hidden:\n" << help.output;
}

}  // namespace
}  // namespace desksim::e2e
