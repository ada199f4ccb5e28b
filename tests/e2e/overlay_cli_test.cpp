// `desksim validate --print-merged` and running an overlay: what is printed is the merged scenario
// itself, so running it gives the same bytes as running the overlay.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

/// Exit code and stdout only (stderr discarded): the merged scenario must be alone on stdout.
std::pair<int, std::string> desksim_stdout(const std::string& arguments) {
  const std::string command = std::string(DESKSIM_CLI) + " " + arguments + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(OverlayCli, PrintedMergedScenarioRunsLikeTheOverlay) {
  const fs::path dir = fs::temp_directory_path() / ("desksim-overlay-e2e-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "base");
  std::ofstream(dir / "base" / "small.textproto") << R"(name: "small"
run { max_tickets: 20000 warmup_tickets: 500 replications: 2 }
demand { arrivals_per_hour: 9 }
desk { agents: 10 handle_time_minutes { exponential { mean: 60 } } }
)";
  std::ofstream(dir / "overlay.textproto") << "extends: \"base/small.textproto\"\ndesk { agents: 11 }\n";
  const auto [code, merged] = desksim_stdout("validate --print-merged " + (dir / "overlay.textproto").string());
  ASSERT_EQ(code, 0) << merged;
  EXPECT_NE(merged.find("agents: 11"), std::string::npos) << merged;
  EXPECT_EQ(merged.find("extends"), std::string::npos) << merged;
  std::ofstream(dir / "merged.textproto") << merged;

  ASSERT_EQ(desksim_stdout("run -q " + (dir / "overlay.textproto").string() + " --out " + (dir / "a").string()).first, 0);
  ASSERT_EQ(desksim_stdout("run -q " + (dir / "merged.textproto").string() + " --out " + (dir / "b").string()).first, 0);
  const std::string a = read_file(dir / "a" / "results.pb");
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE(a == read_file(dir / "b" / "results.pb"));

  // A bad overlay: exit code 2, and nothing on stdout but what could be merged.
  std::ofstream(dir / "bad.textproto") << "extends: \"missing.textproto\"\n";
  EXPECT_EQ(desksim_stdout("validate --print-merged " + (dir / "bad.textproto").string()), std::make_pair(2, std::string()));
  fs::remove_all(dir);
}

}  // namespace
