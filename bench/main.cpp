// desksim_bench: how fast desksim runs, as one JSON object per line on stdout (bench/json_lines.hpp).
// bench/bench_tables.py turns the lines into the README's tables.
//
//   build/bench/desksim_bench [--only NAME[,NAME...]] [--repeats R] [--customers N] [--largest]
//                             [--baseline SCENARIO] [--desksim PATH]
//
// Measurements (--only picks some): kernel (M/M/10 in process against a plain loop), process (the
// full model and the kernel component as whole processes), startup (a small scenario, whole
// process), baseline (one baseline year: CPU, memory, output share), scaling (users and horizon;
// --largest adds 4.4 million users), parallel (8 replications on 1 and 2 cores), open_records (the
// floor under the users series: a plain loop holding records of desksim's per-ticket size, scaled
// the same way; --largest adds 100x). Targets are the
// issue's, printed as target_* beside each figure; they are measured here, never asserted in timed
// tests.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bench/kernel_bench.hpp"
#include "bench/open_records_scaling.hpp"
#include "bench/population_scaling.hpp"
#include "bench/run_benches.hpp"

namespace {

std::string own_executable() {
  char path[4096];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return "desksim_bench";
  path[n] = '\0';
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace desksim::bench;
  std::vector<std::uint64_t> sizes = {1000000, 4000000};
  int repeats = 3;
  bool largest = false;
  std::string baseline = std::string(DESKSIM_SOURCE_DIR) + "/scenarios/met/run-and-maintain.textproto";
  std::string desksim = DESKSIM_EXECUTABLE;
  std::set<std::string> only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--plain-loop" && has_value) return plain_loop_process(std::strtoull(argv[i + 1], nullptr, 10));
    if (arg == "--kernel-component" && has_value)
      return kernel_component_process(std::strtoull(argv[i + 1], nullptr, 10));
    if (arg == "--largest") {
      largest = true;
    } else if (arg == "--customers" && has_value) {
      sizes = {std::strtoull(argv[++i], nullptr, 10)};
    } else if (arg == "--repeats" && has_value) {
      repeats = std::atoi(argv[++i]);
    } else if (arg == "--baseline" && has_value) {
      baseline = argv[++i];
    } else if (arg == "--desksim" && has_value) {
      desksim = argv[++i];
    } else if (arg == "--only" && has_value) {
      std::stringstream list(argv[++i]);
      for (std::string name; std::getline(list, name, ',');) only.insert(name);
    } else {
      std::fprintf(stderr, "desksim_bench: unknown argument %s (see the comment at the top of bench/main.cpp)\n", arg.c_str());
      return 2;
    }
  }
  const auto wanted = [&](const char* name) { return only.empty() || only.count(name) != 0; };
  if (wanted("kernel")) kernel_bench(sizes, repeats);
  if (wanted("process")) kernel_process_bench(desksim, own_executable(), 1000000, repeats);
  if (wanted("startup")) startup_bench(desksim, std::max(5, repeats));
  if (wanted("baseline")) baseline_bench(desksim, baseline, repeats);
  if (wanted("scaling")) population_scaling(baseline, largest);
  if (wanted("parallel")) parallel_bench(desksim, baseline);
  if (wanted("open_records")) open_records_scaling(largest);
  return 0;
}
