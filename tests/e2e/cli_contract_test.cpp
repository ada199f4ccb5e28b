// The command line's contract for bad input: every usage error and every bad scenario exits 2 with a
// message naming what is wrong, and nothing runs. Out-of-range numbers are refused, not wrapped.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/e2e/cli_support.hpp"

namespace {

namespace fs = std::filesystem;
using desksim::e2e::desksim;
using desksim::e2e::read_file;

class CliContract : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("desksim-contract-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "small.textproto") << R"(name: "small"
run { max_tickets: 2000 replications: 1 }
demand { arrivals_per_hour: 9 }
desk { agents: 10 handle_time_minutes { exponential { mean: 60 } } }
)";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string scenario() const { return (dir_ / "small.textproto").string(); }
  std::string out() const { return " --out " + (dir_ / "o").string(); }

  /// The command exits 2 within a minute, prints `message`, and wrote no results.
  void expect_usage_error(const std::string& arguments, const std::string& message) {
    const auto o = desksim(arguments, 60);
    EXPECT_EQ(o.exit_code, 2) << arguments << "\n" << o.output;
    EXPECT_NE(o.output.find(message), std::string::npos) << arguments << "\n" << o.output;
    EXPECT_FALSE(fs::exists(dir_ / "o" / "results.pb")) << arguments;
  }
  fs::path dir_;
};

TEST_F(CliContract, UsageErrorsExitTwo) {
  expect_usage_error("", "A subcommand is required");
  expect_usage_error("run", "scenario is required");
  expect_usage_error("frobnicate", "unknown command \"frobnicate\"");
  expect_usage_error("run " + scenario() + " --frobnicate", "frobnicate");
  expect_usage_error("run " + (dir_ / "missing.textproto").string(), "missing.textproto");
  expect_usage_error("run " + scenario() + " --seed", "--seed");
  expect_usage_error("report", "directory is required");
  // --help and --version are not errors.
  EXPECT_EQ(desksim("run --help").exit_code, 0);
  EXPECT_EQ(desksim("--version").exit_code, 0);
}

TEST_F(CliContract, SeedsThatAreNotWholeNumbersInRangeAreRefused) {
  const std::string range = "is not a whole number from 0 to 18446744073709551615";
  for (const char* seed : {"-1", "1e23", "18446744073709551616", "99999999999999999999999", "1.5", "0x10", " 7", "+7"})
    expect_usage_error("run " + scenario() + " --seed='" + seed + "'" + out(), "--seed: \"" + std::string(seed) + "\" " + range);
  expect_usage_error("compare " + scenario() + " " + scenario() + " --seed -1" + out(), "--seed: \"-1\" " + range);
  // The largest seed is accepted and kept exactly.
  const auto o = desksim("run " + scenario() + " -q --seed 18446744073709551615" + out());
  ASSERT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(read_file(dir_ / "o" / "results.json").find("\"seed\": \"18446744073709551615\""), std::string::npos);
}

TEST_F(CliContract, ReplicationsAndJobsOutOfRangeAreRefused) {
  for (const char* command : {"run ", "compare "}) {
    const std::string files = command == std::string("run ") ? scenario() : scenario() + " " + scenario();
    expect_usage_error(command + files + " -r 0" + out(), "--replications: \"0\" is not a whole number from 1 to 100000");
    expect_usage_error(command + files + " -r 100001" + out(), "from 1 to 100000");
    expect_usage_error(command + files + " -r 4294967297" + out(), "from 1 to 100000");  // 2^32 + 1 would wrap to 1
    expect_usage_error(command + files + " -j 0" + out(), "--jobs: \"0\" is not a whole number from 1 to 1024");
    expect_usage_error(command + files + " -j 99999999999" + out(), "from 1 to 1024");
    expect_usage_error(command + files + " -j -2" + out(), "--jobs");
  }
}

TEST_F(CliContract, AScenarioAskingForTooManyReplicationsFailsValidation) {
  std::ofstream(dir_ / "many.textproto") << "name: \"many\"\nrun { max_tickets: 10 replications: 1000000000 }\n"
                                            "demand { arrivals_per_hour: 9 }\n"
                                            "desk { agents: 10 handle_time_minutes { exponential { mean: 60 } } }\n";
  const std::string file = (dir_ / "many.textproto").string();
  expect_usage_error("validate " + file, file + ":2:23: run.replications: at most 100000 (got 1000000000)");
  expect_usage_error("run " + file + out(), "run.replications: at most 100000");
}

TEST_F(CliContract, JsonNumberBeyondADoubleIsReportedNotAborted) {
  std::ofstream(dir_ / "big.json") << R"({"name": "j", "run": {"maxTickets": 10}, "demand": {"arrivalsPerHour": 1e999},
  "desk": {"agents": 1, "handleTimeMinutes": {"exponential": {"mean": 3}}}})";
  const std::string file = (dir_ / "big.json").string();
  expect_usage_error("validate " + file, file + ":1:72: demand.arrivalsPerHour: the number 1e999 is outside the range");
}

TEST_F(CliContract, DeepNestingIsRefusedNotACrash) {
  std::string rule = R"({ component: "server" })";
  for (int i = 0; i < 4000; ++i) rule = "{ all_of { parts " + rule + " } }";
  std::ofstream(dir_ / "deep.textproto") << "name: \"deep\"\nrun { horizon_hours: 100 }\ninfrastructure {\n"
                                            "  services { name: \"svc\" depends_on " + rule + " }\n}\n";
  const std::string file = (dir_ / "deep.textproto").string();
  expect_usage_error("validate " + file, file + ":4:");
  expect_usage_error("validate " + file, "recursion limit of 100");
}

TEST_F(CliContract, DevicesAndFifosAreRefusedAtOnce) {
  // Reading either would never end: a hang shows as exit code 124 from the time limit.
  expect_usage_error("validate /dev/zero", "/dev/zero: not a regular file");
  const std::string fifo = (dir_ / "fifo.textproto").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_usage_error("validate " + fifo, fifo + ": not a regular file");
  expect_usage_error("run " + fifo + out(), fifo + ": not a regular file");
}

}  // namespace
