// libFuzzer target: any bytes as an overlay of a shipped scenario (the input follows
// `extends: "base.textproto"`), through the loader: parsing, removals, the merge, provenance and
// the located validation. The loader contract (loader_contract.hpp) must hold for every input.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "models/scenario/scenario_loader.hpp"
#include "tests/fuzz/loader_contract.hpp"

namespace {

// A small base with named lists (channels, segments, categories, groups, suppliers) to override and
// remove; written once.
const char* const kBase = R"(name: "base"
run { horizon_hours: 200 warmup_hours: 10 }
demand {
  population { segments { name: "users" users: 100 incidents_per_user_per_month: 1 channel_mix { name: "phone" weight: 1 } } }
  categories { name: "c" weight: 1 impact_probabilities: [0, 0, 1] urgency_probabilities: [0, 0, 1] first_contact_resolution_probability: 0.5 }
}
desk {
  agents: 2
  supplier: "infra"
  channels { name: "phone" handle_time_minutes { exponential { mean: 6 } } }
}
slas { supplier: "infra" targets { priority: 1 response_minutes: 15 resolution_hours: 4 } targets { priority: 2 response_minutes: 15 resolution_hours: 8 }
       targets { priority: 3 response_minutes: 60 resolution_hours: 24 } targets { priority: 4 response_minutes: 60 resolution_hours: 48 } }
resolver_network {
  suppliers { name: "infra" tower: INFRASTRUCTURE }
  groups { name: "g" supplier: "infra" level: LEVEL_2 servers: 2 work_hours { exponential { mean: 1 } } }
  routes { category: "c" groups { group: "g" probability: 1 } }
}
)";

const std::filesystem::path& work_folder() {
  static const auto* folder = [] {
    auto* p = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                        ("desksim-overlay-fuzz-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*p);
    std::ofstream(*p / "base.textproto") << kBase;
    std::atexit([] { std::filesystem::remove_all(work_folder()); });
    return p;
  }();
  return *folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = work_folder() / "overlay.textproto";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << "extends: \"base.textproto\"\n";
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  desksim::scenario::Scenario scenario;
  std::vector<desksim::models::Diagnostic> diagnostics;
  const bool ok = desksim::models::load_scenario(file.string(), &scenario, &diagnostics);
  desksim::fuzz::check_loader_contract(ok, diagnostics);
  return 0;
}
