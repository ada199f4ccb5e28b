// libFuzzer target: any bytes as an incident export, through the calibration reader
// (models/calibration/incident_log.hpp) with the ServiceNow column map. A bad export must end in an
// InputError that names the file and says what is wrong; anything else escaping (another exception,
// a crash, a sanitizer report) is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "models/calibration/csv_stream.hpp"
#include "models/calibration/incident_log.hpp"

namespace {

const std::filesystem::path& work_file() {
  static const auto* file = [] {
    auto* p = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                        ("desksim-log-fuzz-" + std::to_string(::getpid()) + ".csv"));
    std::atexit([] { std::filesystem::remove(work_file()); });
    return p;
  }();
  return *file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::ofstream(work_file(), std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), size);
  namespace calibration = desksim::models::calibration;
  try {
    const auto log = calibration::read_incident_log(work_file().string(), calibration::ColumnMap::servicenow());
    // What was read must be consistent: every incident's visits and times are its own.
    for (const auto& incident : log.incidents)
      if (incident.category >= static_cast<std::int32_t>(log.categories.size())) __builtin_trap();
  } catch (const calibration::InputError& e) {
    const std::string message = e.what();
    if (message.find(work_file().string()) == std::string::npos) {
      std::fprintf(stderr, "reader contract: an error that does not name the file: %s\n", message.c_str());
      __builtin_trap();
    }
  }
  return 0;
}
