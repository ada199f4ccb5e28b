#include "bench/process_timing.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

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
  t.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                  static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
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

ProcessTiming median_of(int runs, const std::vector<std::string>& argv) {
  std::vector<ProcessTiming> all;
  for (int r = 0; r < std::max(1, runs); ++r) all.push_back(time_command(argv));
  std::sort(all.begin(), all.end(), [](const ProcessTiming& a, const ProcessTiming& b) { return a.wall_seconds < b.wall_seconds; });
  return all[all.size() / 2];
}

}  // namespace desksim::bench
