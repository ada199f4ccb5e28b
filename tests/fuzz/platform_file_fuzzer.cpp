// libFuzzer target: any bytes as the SimGrid XML platform file of a scenario, through the platform
// pre-check (models/scenario/platform_file_check.hpp). SimGrid loads the file in a child process,
// where it may abort; the check must turn whatever happens there into diagnostics, and this process
// must survive. Run it with -handle_abrt=0 (scripts/fuzz.sh does): otherwise libFuzzer's own handler
// would report SimGrid's expected aborts in the child as crashes. Only this process's code gives
// coverage feedback: the child's counters are its own copy, and SimGrid is not instrumented.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "models/scenario/platform_file_check.hpp"
#include "tests/fuzz/loader_contract.hpp"

namespace {

// Never destroyed: the exit handler that removes the folder runs after static destructors would.
const std::filesystem::path& work_folder() {
  static const auto* folder = [] {
    auto* p = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                        ("desksim-platform-fuzz-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*p);
    std::atexit([] { std::filesystem::remove_all(work_folder()); });
    return p;
  }();
  return *folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = work_folder() / "platform.xml";
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), size);
  desksim::scenario::Scenario scenario;
  auto* infrastructure = scenario.mutable_infrastructure();
  infrastructure->set_platform_file("platform.xml");
  for (const char* name : {"a", "b"}) {
    auto* c = infrastructure->add_components();
    c->set_name(name);
    c->set_kind(desksim::scenario::Infrastructure::Component::HOST);
  }
  auto* link = infrastructure->add_components();
  link->set_name("wan");
  link->set_kind(desksim::scenario::Infrastructure::Component::NETWORK_LINK);
  std::vector<desksim::models::Diagnostic> diagnostics;
  desksim::models::check_platform_file(work_folder().string(), &scenario, &diagnostics);
  desksim::fuzz::check_loader_contract(diagnostics.empty(), diagnostics);
  return 0;
}
