#include "models/scenario/scenario_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "models/scenario/input_limits.hpp"

namespace desksim::models {

bool read_scenario_file(const std::string& path, std::string* text, Diagnostic* problem) {
  auto fail = [&](const std::string& message) {
    *problem = Diagnostic{path, 0, 0, {}, message};
    return false;
  };
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. The type is checked
  // on the open descriptor, so the file cannot be swapped between the check and the read.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return fail(std::string("cannot open the file: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail("not a regular file (a directory, FIFO or device cannot be a scenario)");
  }
  if (static_cast<std::uint64_t>(st.st_size) > kMaxScenarioBytes) {
    ::close(fd);
    return fail("the file has " + std::to_string(st.st_size) + " bytes; a scenario may have at most " +
                std::to_string(kMaxScenarioBytes) + " (64 MiB)");
  }
  text->clear();
  text->reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      ::close(fd);
      return fail(std::string("cannot read the file: ") + std::strerror(saved));
    }
    if (n == 0) break;
    text->append(buffer, static_cast<std::size_t>(n));
    // A file that grows while it is read is held to the same limit.
    if (text->size() > kMaxScenarioBytes) {
      ::close(fd);
      return fail("the file grew past " + std::to_string(kMaxScenarioBytes) + " bytes while it was read");
    }
  }
  ::close(fd);
  return true;
}

}  // namespace desksim::models
