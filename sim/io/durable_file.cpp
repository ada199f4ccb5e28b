#include "sim/io/durable_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace desksim::sim {

namespace {

/// Flushes a folder itself, so that a rename into it is on disk.
bool sync_folder(const std::string& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  return ::close(fd) == 0 && ok;
}

}  // namespace

bool write_durably(const std::string& path, const std::string& bytes, std::string* error) {
  std::string temporary = path + ".tmp.XXXXXX";
  const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
  auto fail = [&](const char* what) {
    if (error) *error = path + ": " + what + ": " + std::strerror(errno);
    if (fd >= 0) ::unlink(temporary.c_str());
    return false;
  };
  if (fd < 0) return fail("cannot create a temporary file");
  if (::fchmod(fd, 0644) != 0) {
    ::close(fd);
    return fail("cannot set permissions");
  }
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return fail("cannot flush to disk");
  }
  if (::close(fd) != 0) return fail("cannot finish writing");
  if (std::rename(temporary.c_str(), path.c_str()) != 0) return fail("cannot rename into place");
  if (!sync_folder(std::filesystem::path(path).parent_path().string())) {
    if (error) *error = path + ": cannot flush its folder: " + std::strerror(errno);
    return false;  // the file is in place; only its rename may not be on disk yet
  }
  return true;
}

}  // namespace desksim::sim
