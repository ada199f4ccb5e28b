#pragma once
// Running the desksim binary from an end-to-end test: its exit code and what it printed.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <thread>
#include <vector>
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

/// Runs a shell command, its stderr with its stdout.
inline Outcome run_shell(const std::string& command) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

/// Runs `desksim ARGUMENTS` through the shell; with a time limit, a command still running after it
/// is stopped and exits 124 (coreutils `timeout`).
inline Outcome desksim(const std::string& arguments, int time_limit_seconds = 0) {
  const std::string limit = time_limit_seconds > 0 ? "timeout " + std::to_string(time_limit_seconds) + " " : "";
  return run_shell(limit + DESKSIM_CLI + " " + arguments);
}

/// Writes an M/M/10 scenario at rho = 0.9 (54 tickets an hour, 10 agents, 10 minutes each), named
/// "mm", of `tickets` measured tickets after 500 of warm-up, two replications with `seed`.
inline void write_mm10_scenario(const std::filesystem::path& path, unsigned tickets, unsigned seed) {
  std::ofstream(path) << "name: \"mm\"\nrun { max_tickets: " << tickets << " warmup_tickets: 500 replications: 2 seed: "
                      << seed << " }\ndemand { arrivals_per_hour: 54 }\n"
                      << "desk { agents: 10 handle_time_minutes { exponential { mean: 10 } } }\n";
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Starts `desksim ARGUMENTS...` without waiting for it, its stdout and stderr going to `output`. It
/// leads a process group of its own, as a command typed in a terminal does, so that a test can
/// signal the group as Ctrl-C would: kill(-pid, SIGINT).
inline pid_t start_desksim(const std::vector<std::string>& arguments, const std::filesystem::path& output) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::setpgid(0, 0);
  const int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(fd, STDOUT_FILENO);
  ::dup2(fd, STDERR_FILENO);
  std::vector<char*> argv{const_cast<char*>(DESKSIM_CLI)};
  for (const std::string& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(DESKSIM_CLI, argv.data());
  _exit(127);
}

/// Waits for a process started by start_desksim; its exit code, or -1 if a signal ended it.
inline int wait_for_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Polls (every 5 ms, up to `seconds`) until `ready()` holds; false if it never did.
template <typename Condition>
bool eventually(Condition ready, double seconds = 60) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  for (;;) {
    if (ready()) return true;
    if (std::chrono::steady_clock::now() >= end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

/// The processes `pid` has started that still exist (Linux's /proc children list).
inline std::vector<pid_t> children_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
  std::vector<pid_t> out;
  for (pid_t child; in >> child;) out.push_back(child);
  return out;
}

/// True when `pid` no longer runs: gone, or a zombie waiting to be reaped.
inline bool gone(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return true;
  const auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && (line[close + 2] == 'Z' || line[close + 2] == 'X');
}

}  // namespace desksim::e2e
