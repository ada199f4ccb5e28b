#pragma once
// M/M/10 at rho = 0.9 against a plain event loop: in process (the kernel's overhead) and as whole
// processes (start-up, output and teardown included). One JSON line per size (bench/json_lines.hpp).
#include <cstdint>
#include <string>
#include <vector>

namespace desksim::bench {

/// In process, best of `repeats`: the engine, the engine without statistics, the plain loop.
void kernel_bench(const std::vector<std::uint64_t>& sizes, int repeats);
/// `desksim run` of the same model, and this benchmark's own executable running only the kernel
/// component (`self --kernel-component N`), against it running only the plain loop
/// (`self --plain-loop N`), median of `repeats`, CPU time compared.
void kernel_process_bench(const std::string& desksim, const std::string& self, std::uint64_t customers, int repeats);
/// The body of `desksim_bench --plain-loop N`.
int plain_loop_process(std::uint64_t customers);
/// The body of `desksim_bench --kernel-component N`: the kernel component's M/M/10
/// (bench/mmc_component.hpp) as the whole of a process, from a fresh
/// SimGrid engine to exit: what the kernel costs all included, beside the plain loop's process.
int kernel_component_process(std::uint64_t customers);

}  // namespace desksim::bench
