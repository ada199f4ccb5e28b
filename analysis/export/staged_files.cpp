#include "analysis/export/staged_files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

namespace desksim::analysis {
namespace {

bool fail(std::string* error, const std::string& path, const std::string& what, int saved_errno) {
  if (error) *error = path + ": " + what + ": " + std::strerror(saved_errno);
  return false;
}

/// This host's name as a temporary's name carries it: no dots (they separate the parts) or slashes,
/// at most 64 characters.
std::string host_for_names() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "host";
  std::string host(name);
  host = host.substr(0, host.find('.'));
  for (char& c : host)
    if (c == '/') c = '_';
  return host.substr(0, 64);
}

/// "<host>.<pid>." as it follows ".tmp." in this process's temporaries.
std::string owner_part(const std::string& host, long pid) { return host + "." + std::to_string(pid) + "."; }

/// The process that made a temporary named <target>.tmp.<host>.<pid>.XXXXXX is gone: same host,
/// another process, and no process of that number exists (one that reuses it keeps the file).
bool left_by_dead_process(const std::string& after_tmp, const std::string& host) {
  const std::string prefix = host + ".";
  if (after_tmp.rfind(prefix, 0) != 0) return false;
  const std::string rest = after_tmp.substr(prefix.size());  // <pid>.XXXXXX
  const std::size_t dot = rest.find('.');
  if (dot == std::string::npos || dot == 0 || rest.size() - dot - 1 != 6) return false;
  long pid = 0;
  for (std::size_t i = 0; i < dot; ++i) {
    if (rest[i] < '0' || rest[i] > '9' || pid > 1'000'000'000) return false;
    pid = pid * 10 + (rest[i] - '0');
  }
  if (pid <= 0 || pid == static_cast<long>(::getpid())) return false;
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

StagedFiles::StagedFiles(std::string directory) : directory_(std::move(directory)) {}

StagedFiles::~StagedFiles() {
  for (const Staged& s : staged_) ::unlink(s.temporary.c_str());
}

bool StagedFiles::create_temporary(const std::string& relative, int* fd, Staged* staged, std::string* error) {
  const std::filesystem::path target = std::filesystem::path(directory_) / relative;
  std::error_code ec;
  std::filesystem::create_directories(target.parent_path(), ec);
  if (ec) {
    if (error) *error = target.parent_path().string() + ": cannot create the output directory: " + ec.message();
    return false;
  }
  // Same directory as the target, so that the rename stays within one file system (atomic).
  static const std::string owner = owner_part(host_for_names(), static_cast<long>(::getpid()));
  std::string temporary = target.string() + ".tmp." + owner + "XXXXXX";
  *fd = ::mkstemp(temporary.data());
  if (*fd < 0) return fail(error, target.string(), "cannot create a temporary file", errno);
  if (::fchmod(*fd, 0644) != 0) {
    const int saved = errno;
    ::close(*fd);
    ::unlink(temporary.c_str());
    return fail(error, target.string(), "cannot set permissions", saved);
  }
  *staged = Staged{temporary, target.string()};
  return true;
}

bool StagedFiles::add(const std::string& relative, const std::string& bytes, std::string* error) {
  int fd = -1;
  Staged staged;
  if (!create_temporary(relative, &fd, &staged, error)) return false;
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      ::close(fd);
      ::unlink(staged.temporary.c_str());
      return fail(error, staged.target, "cannot write", saved);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int saved = errno;
    ::unlink(staged.temporary.c_str());
    return fail(error, staged.target, "cannot finish writing", saved);
  }
  staged_.push_back(std::move(staged));
  return true;
}

bool StagedFiles::reserve(const std::string& relative, std::string* temporary, std::string* error) {
  int fd = -1;
  Staged staged;
  if (!create_temporary(relative, &fd, &staged, error)) return false;
  ::close(fd);
  *temporary = staged.temporary;
  staged_.push_back(std::move(staged));
  return true;
}

bool StagedFiles::commit(std::string* error) {
  // Renames cannot be made atomic as a group, so first rule out the failures that can be foreseen (a
  // directory or other non-file where an output goes); then the renames run back to back.
  for (const Staged& s : staged_) {
    struct stat st;
    if (::lstat(s.target.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
      return fail(error, s.target, "cannot replace it: not a regular file", EISDIR);
  }
  std::vector<std::string> targets;
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    if (std::rename(staged_[i].temporary.c_str(), staged_[i].target.c_str()) != 0) {
      const int saved = errno;
      staged_.erase(staged_.begin(), staged_.begin() + static_cast<std::ptrdiff_t>(i));  // renamed ones are gone
      return fail(error, staged_.front().target, "cannot rename the temporary file into place", saved);
    }
    targets.push_back(staged_[i].target);
  }
  staged_.clear();
  remove_stale_temporaries(targets);
  return true;
}

void StagedFiles::remove_stale_temporaries(const std::vector<std::string>& targets) const {
  // Best effort: the outputs are in place; a temporary that cannot be read or removed stays.
  std::map<std::filesystem::path, std::set<std::string>> names_by_folder;
  for (const std::string& target : targets) {
    const std::filesystem::path path(target);
    names_by_folder[path.parent_path()].insert(path.filename().string() + ".tmp.");
  }
  static const std::string host = host_for_names();
  for (const auto& [folder, prefixes] : names_by_folder) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder.empty() ? "." : folder, ec), end; !ec && it != end;
         it.increment(ec)) {
      const std::string name = it->path().filename().string();
      const std::size_t tmp = name.find(".tmp.");
      if (tmp == std::string::npos) continue;
      const std::string prefix = name.substr(0, tmp + 5);
      if (prefixes.count(prefix) != 0 && left_by_dead_process(name.substr(prefix.size()), host))
        ::unlink(it->path().c_str());
    }
  }
}

}  // namespace desksim::analysis
