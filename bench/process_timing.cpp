#include "bench/process_timing.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "sim/replication/replication_runner.hpp"

namespace desksim::bench {

ProcessTiming time_command(const std::vector<std::string>& argv) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) {
    std::perror("desksim_bench: fork");
    std::exit(1);
  }
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  ProcessTiming t;
  t.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // wait4 reports the child; its own children (replications) are in RUSAGE_CHILDREN of the child,
  // which the kernel folds into the child's figures once it has waited for them.
  t.cpu_seconds = cpu_seconds(usage);
  t.max_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  t.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (t.exit_code != 0) {
    std::string line;
    for (const std::string& a : argv) line += a + " ";
    std::fprintf(stderr, "desksim_bench: `%s` exited with %d\n", line.c_str(), t.exit_code);
    std::exit(1);
  }
  return t;
}

double cpu_seconds(const rusage& usage) {
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double cpu_seconds_of(int who) {
  rusage usage{};
  ::getrusage(who, &usage);
  return cpu_seconds(usage);
}

std::filesystem::path scratch_folder() {
  const auto dir = std::filesystem::temp_directory_path() / ("desksim-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::string run_in_child(const std::function<std::string()>& body) {
  sim::ReplicationRunnerOptions options;
  std::string error;
  const auto out = sim::run_replications(options, [&](unsigned) { return body(); }, &error);
  if (out.empty()) {
    std::fprintf(stderr, "desksim_bench: %s\n", error.c_str());
    std::exit(1);
  }
  return out[0];
}

ProcessTiming median_of(int runs, const std::vector<std::string>& argv) {
  std::vector<ProcessTiming> all;
  for (int r = 0; r < std::max(1, runs); ++r) all.push_back(time_command(argv));
  std::sort(all.begin(), all.end(), [](const ProcessTiming& a, const ProcessTiming& b) { return a.wall_seconds < b.wall_seconds; });
  return all[all.size() / 2];
}

}  // namespace desksim::bench
