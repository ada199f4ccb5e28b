// Interrupting desksim: SIGINT or SIGTERM stops the replications (no child runs on), leaves the
// outputs as they were, keeps the finished replications, and `run --resume` completes the run to the
// same bytes as a run never interrupted. The output folder is checked before anything runs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "tests/e2e/cli_support.hpp"

namespace {

namespace fs = std::filesystem;
using desksim::e2e::children_of;
using desksim::e2e::desksim;
using desksim::e2e::eventually;
using desksim::e2e::gone;
using desksim::e2e::read_file;
using desksim::e2e::start_desksim;
using desksim::e2e::wait_for_exit;

class Interruption : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("desksim-interrupt-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // Four replications of about half a second each, so that a run can be caught between them: a
    // component failing every few seconds of simulated time costs the time, a quiet desk gives the
    // per-ticket records, and both leave small outputs.
    std::ofstream(scenario()) << R"(name: "interrupted"
run { horizon_hours: 4000 replications: 4 }
demand { arrivals_per_hour: 2 }
desk { agents: 2 handle_time_minutes { exponential { mean: 30 } } }
infrastructure {
  repair_crews { name: "crew" crews: 1 }
  components { name: "server" kind: HOST time_to_failure_hours { exponential { mean: 0.016 } }
               time_to_repair_hours { exponential { mean: 0.004 } } }
}
)";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string scenario() const { return (dir_ / "s.textproto").string(); }
  fs::path partial() const { return dir_ / "out" / ".partial"; }

  int kept_replications() const {
    int n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(partial(), ec))
      if (e.path().extension() == ".pb") ++n;
    return n;
  }

  /// Starts desksim with these arguments, waits until `ready(pid)`, sends `signal` (to desksim alone,
  /// or to its whole process group as Ctrl-C in a terminal does), and returns the exit code after
  /// checking that no replication process outlived it.
  template <typename Condition>
  int interrupt(const std::vector<std::string>& arguments, Condition ready, int signal, bool whole_group = false) {
    const pid_t pid = start_desksim(arguments, dir_ / "interrupted.log");
    EXPECT_TRUE(eventually([&] { return ready(pid); })) << read_file(dir_ / "interrupted.log");
    const auto children = children_of(pid);
    ::kill(whole_group ? -pid : pid, signal);
    const int code = wait_for_exit(pid);
    for (pid_t child : children) EXPECT_TRUE(eventually([&] { return gone(child); }, 10)) << "child " << child;
    return code;
  }
  fs::path dir_;
};

TEST_F(Interruption, ResumedRunEqualsAnUninterruptedOneByteForByte) {
  const std::string out = (dir_ / "out").string(), tickets = (dir_ / "out" / "tickets.csv").string();
  ASSERT_EQ(desksim("run " + scenario() + " --seed 3 -q --tickets " + (dir_ / "ref" / "tickets.csv").string() +
                    " --out " + (dir_ / "ref").string()).exit_code, 0);
  // Outputs of an earlier run, which the interrupted run must leave as they are.
  ASSERT_EQ(desksim("run " + scenario() + " --seed 9 -r 1 -q --tickets " + tickets + " --out " + out).exit_code, 0);
  const std::string previous_results = read_file(dir_ / "out" / "results.pb");
  const std::string previous_tickets = read_file(tickets);

  const std::vector<std::string> run = {"run", scenario(), "--seed", "3", "-q", "--tickets", tickets, "--out", out};
  const int code = interrupt(
      run, [&](pid_t pid) { return fs::exists(partial() / "replication-0.pb") && !children_of(pid).empty(); }, SIGINT);
  const std::string log = read_file(dir_ / "interrupted.log");
  EXPECT_EQ(code, 130) << log;  // 128 + SIGINT
  EXPECT_NE(log.find("stopped by SIGINT"), std::string::npos) << log;
  const int kept = kept_replications();
  EXPECT_GE(kept, 1);
  EXPECT_LT(kept, 4);
  EXPECT_EQ(read_file(dir_ / "out" / "results.pb"), previous_results);
  EXPECT_EQ(read_file(tickets), previous_tickets);
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "out")) {
    if (e.path().parent_path() == partial()) continue;
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  }

  auto resume = run;
  resume.push_back("--resume");
  resume.push_back("--progress");
  std::string arguments;
  for (std::size_t i = 1; i < resume.size(); ++i) arguments += " " + resume[i];
  const auto resumed = desksim("run" + arguments);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  const std::string k = std::to_string(kept);
  EXPECT_NE(resumed.output.find("resuming: " + k + " of 4 replications are kept"), std::string::npos) << resumed.output;
  EXPECT_NE(resumed.output.find("replications " + k + "/4 · elapsed"), std::string::npos) << resumed.output;
  EXPECT_EQ(resumed.output.find("replications 0/4"), std::string::npos) << resumed.output;
  EXPECT_FALSE(fs::exists(partial()));

  int compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "ref")) {
    if (!e.is_regular_file()) continue;
    const fs::path relative = fs::relative(e.path(), dir_ / "ref");
    EXPECT_EQ(read_file(e.path()), read_file(dir_ / "out" / relative)) << relative;
    ++compared;
  }
  EXPECT_GT(compared, 10);  // results.pb, .json, .sqlite, tickets.csv and the csv/ folder
  EXPECT_GT(read_file(tickets).size(), previous_tickets.size());
}

TEST_F(Interruption, ResumeRefusesAnotherRunOrNoRun) {
  const std::string out = (dir_ / "out").string();
  EXPECT_NE(desksim("run " + scenario() + " --resume --out " + out).output.find("nothing to resume"), std::string::npos);
  // Ctrl-C while the first replication runs: the children get SIGINT too, and that is a stop, not a
  // failure. The checkpoint then holds only what the run is.
  const int code = interrupt({"run", scenario(), "--seed", "3", "-q", "--out", out},
                             [&](pid_t pid) { return !children_of(pid).empty(); }, SIGINT, true);
  EXPECT_EQ(code, 130) << read_file(dir_ / "interrupted.log");
  EXPECT_NE(read_file(dir_ / "interrupted.log").find("stopped by SIGINT: 0 of 4 replications finished"),
            std::string::npos)
      << read_file(dir_ / "interrupted.log");
  const auto other_seed = desksim("run " + scenario() + " --seed 4 --resume --out " + out);
  EXPECT_EQ(other_seed.exit_code, 2);
  EXPECT_NE(other_seed.output.find("its seed is 3, not 4"), std::string::npos) << other_seed.output;
  const auto other_count = desksim("run " + scenario() + " --seed 3 -r 2 --resume --out " + out);
  EXPECT_NE(other_count.output.find("it has 4 replications, not 2"), std::string::npos) << other_count.output;
  // A comment changes nothing that runs; a changed value does (the identity is the scenario as loaded).
  std::ofstream(scenario(), std::ios::app) << "description: \"edited\"\n";
  const auto edited = desksim("run " + scenario() + " --seed 3 --resume --out " + out);
  EXPECT_EQ(edited.exit_code, 2);
  EXPECT_NE(edited.output.find("the scenario (or a base it extends) has changed since"), std::string::npos) << edited.output;
  EXPECT_TRUE(fs::exists(partial() / "identity"));  // refusing keeps it
  // Without --resume the run starts again, and says what it discards.
  const auto again = desksim("run " + scenario() + " --seed 3 -r 1 -q --out " + out);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("discarding the replications an interrupted run kept"), std::string::npos);
  EXPECT_FALSE(fs::exists(partial()));
}

TEST_F(Interruption, TicketRecordsAreReplacedTogetherWithTheResultsOrNotAtAll) {
  std::ofstream(scenario()) << "name: \"small\"\nrun { max_tickets: 2000 replications: 2 }\n"
                               "demand { arrivals_per_hour: 9 }\n"
                               "desk { agents: 10 handle_time_minutes { exponential { mean: 60 } } }\n";
  const std::string out = (dir_ / "out").string(), tickets = (dir_ / "records" / "t.csv").string();
  const std::string run = "run " + scenario() + " -q --tickets " + tickets + " --out " + out;
  ASSERT_EQ(desksim(run + " --seed 1").exit_code, 0);
  ASSERT_EQ(desksim("run " + scenario() + " -q --seed 2 --tickets " + (dir_ / "ref.csv").string() + " --out " +
                    (dir_ / "ref").string()).exit_code, 0);
  const std::string old_tickets = read_file(tickets), old_results = read_file(dir_ / "out" / "results.pb");
  // A folder where results.json goes: found before any rename, so no output is replaced, the
  // per-ticket records (in another folder) included.
  fs::remove(dir_ / "out" / "results.json");
  fs::create_directory(dir_ / "out" / "results.json");
  const auto failed = desksim(run + " --seed 2");
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_NE(failed.output.find("--resume writes the outputs without running them again"), std::string::npos)
      << failed.output;
  EXPECT_EQ(read_file(tickets), old_tickets);
  EXPECT_EQ(read_file(dir_ / "out" / "results.pb"), old_results);
  for (const auto& folder : {dir_ / "out", dir_ / "records"}) {
    for (const auto& e : fs::directory_iterator(folder))
      EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  }
  // The replications were kept: once the way is clear, --resume writes every output, all new.
  EXPECT_EQ(kept_replications(), 2);
  fs::remove(dir_ / "out" / "results.json");
  const auto resumed = desksim(run + " --seed 2 --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("resuming: 2 of 2 replications are kept"), std::string::npos) << resumed.output;
  EXPECT_EQ(read_file(tickets), read_file(dir_ / "ref.csv"));
  EXPECT_EQ(read_file(dir_ / "out" / "results.pb"), read_file(dir_ / "ref" / "results.pb"));
}

TEST_F(Interruption, CompareStopsItsReplicationsToo) {
  const int code = interrupt({"compare", scenario(), scenario(), "-j", "2", "-q", "--out", (dir_ / "c").string()},
                             [&](pid_t pid) { return children_of(pid).size() == 2; }, SIGTERM);
  EXPECT_EQ(code, 143) << read_file(dir_ / "interrupted.log");
  EXPECT_FALSE(fs::exists(dir_ / "c" / "comparison.pb"));
}

TEST_F(Interruption, TheOutputFolderIsCheckedBeforeTheRun) {
  // A run that would take minutes fails at once when its outputs cannot be written.
  std::ofstream(scenario()) << "name: \"long\"\nrun { max_tickets: 50000000 }\ndemand { arrivals_per_hour: 9 }\n"
                               "desk { agents: 10 handle_time_minutes { exponential { mean: 60 } } }\n";
  std::ofstream(dir_ / "blocked") << "a file";
  const auto out = desksim("run " + scenario() + " -q --out " + (dir_ / "blocked").string(), 30);
  EXPECT_EQ(out.exit_code, 1) << out.output;
  EXPECT_NE(out.output.find((dir_ / "blocked").string() + ": cannot create the output folder"), std::string::npos)
      << out.output;
  const auto tickets = desksim("run " + scenario() + " -q --tickets " + (dir_ / "blocked" / "t.csv").string() +
                               " --out " + (dir_ / "o").string(), 30);
  EXPECT_EQ(tickets.exit_code, 1) << tickets.output;
  const auto compare = desksim("compare " + scenario() + " " + scenario() + " -q --out " + (dir_ / "blocked").string(), 30);
  EXPECT_EQ(compare.exit_code, 1) << compare.output;
}

TEST_F(Interruption, InterruptingThePlatformCheckLeavesNoFileBehind) {
  // A platform large enough that SimGrid takes a while to load it in the check's child process.
  {
    std::ofstream xml(dir_ / "big.xml");
    xml << "<?xml version='1.0'?>\n<!DOCTYPE platform SYSTEM \"https://simgrid.org/simgrid.dtd\">\n"
           "<platform version=\"4.1\">\n<zone id=\"z\" routing=\"Full\">\n<host id=\"control\" speed=\"1Gf\"/>\n";
    for (int i = 0; i < 40000; ++i) xml << "<host id=\"h" << i << "\" speed=\"1Gf\"/>\n";
    xml << "</zone>\n</platform>\n";
  }
  std::ofstream(scenario()) << R"(name: "big-platform"
run { horizon_hours: 100 }
infrastructure {
  platform_file: "big.xml"
  repair_crews { name: "crew" crews: 1 }
  components { name: "h1" kind: HOST time_to_failure_hours { exponential { mean: 1000 } } time_to_repair_hours { exponential { mean: 10 } } }
  services { name: "svc" depends_on { component: "h1" } availability_target_percent: 99 }
}
)";
  auto leftovers = [] {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path()))
      if (e.path().filename().string().rfind("desksim-platform-check", 0) == 0) names.insert(e.path().string());
    return names;
  };
  const auto before = leftovers();
  const pid_t pid = start_desksim({"validate", scenario()}, dir_ / "validate.log");
  std::vector<pid_t> children;
  ASSERT_TRUE(eventually([&] { return !(children = children_of(pid)).empty(); })) << read_file(dir_ / "validate.log");
  ::kill(pid, SIGINT);
  EXPECT_EQ(wait_for_exit(pid), -1);  // validate keeps SIGINT's default action: it ends there
  for (pid_t child : children) EXPECT_TRUE(eventually([&] { return gone(child); }, 10)) << "child " << child;
  // Another desksim may be checking a platform right now: a file of its own goes away, a leftover stays.
  std::set<std::string> left;
  for (const auto& name : leftovers())
    if (!before.count(name)) left.insert(name);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  for (const auto& name : left) EXPECT_FALSE(fs::exists(name)) << name << " was left behind";
}

}  // namespace
