#include "analysis/export/staged_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "analysis/export/temporary_owner.hpp"

namespace desksim::analysis {
namespace {

bool fail(std::string* error, const std::string& path, const std::string& what, int saved_errno) {
  if (error) *error = path + ": " + what + ": " + std::strerror(saved_errno);
  return false;
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
  std::string temporary = target.string() + ".tmp." + temporary_owner() + "XXXXXX";
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
  std::set<std::pair<std::string, std::string>> folders_and_prefixes;
  for (const std::string& target : targets) {
    const std::filesystem::path path(target);
    folders_and_prefixes.emplace(path.parent_path().string(), path.filename().string() + ".tmp.");
  }
  for (const auto& [folder, prefix] : folders_and_prefixes) remove_left_by_dead_processes(folder, prefix);
}

}  // namespace desksim::analysis
