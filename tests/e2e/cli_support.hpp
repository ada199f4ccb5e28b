#pragma once
// Running the desksim binary from an end-to-end test: its exit code and what it printed.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace desksim::e2e {

struct Outcome {
  int exit_code;       // -1 when it did not exit normally (a signal)
  std::string output;  // stdout and stderr together
};

/// Runs `desksim ARGUMENTS` through the shell; with a time limit, a command still running after it
/// is stopped and exits 124 (coreutils `timeout`).
inline Outcome desksim(const std::string& arguments, int time_limit_seconds = 0) {
  const std::string limit = time_limit_seconds > 0 ? "timeout " + std::to_string(time_limit_seconds) + " " : "";
  const std::string command = limit + DESKSIM_CLI + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace desksim::e2e
