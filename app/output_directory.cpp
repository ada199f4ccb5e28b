#include "app/output_directory.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace desksim::app {

bool prepare_output_folder(const std::string& folder, std::string* error) {
  namespace fs = std::filesystem;
  const std::string name = folder.empty() ? "." : folder;
  std::error_code ec;
  fs::create_directories(name, ec);
  if (ec || !fs::is_directory(name)) {
    *error = name + ": cannot create the output folder: " + (ec ? ec.message() : "a file of that name exists");
    return false;
  }
  std::string probe = (fs::path(name) / ".desksim-write-check.XXXXXX").string();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) {
    *error = name + ": cannot write in the output folder: " + std::strerror(errno);
    return false;
  }
  ::close(fd);
  ::unlink(probe.c_str());
  return true;
}

}  // namespace desksim::app
