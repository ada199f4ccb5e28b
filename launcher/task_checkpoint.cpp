#include "launcher/task_checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/task_files.hpp"

namespace desksim::launcher {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHeader = "desksim-mpi checkpoint 1";

std::string identity_text(const PlanIdentity& id) {
  return std::string(kHeader) + "\ntasks " + std::to_string(id.tasks) + " points " + std::to_string(id.points) +
         " replications " + std::to_string(id.replications) + "\nidentity " + id.hash + "\n";
}

bool parse_identity(const std::string& text, PlanIdentity* id) {
  std::istringstream in(text);
  std::string header, tasks, points, replications, identity;
  return std::getline(in, header) && header == kHeader && in >> tasks >> id->tasks >> points >> id->points >>
         replications >> id->replications >> identity >> id->hash && tasks == "tasks" && points == "points" &&
         replications == "replications" && identity == "identity";
}

/// Flushes the folder itself, so that a rename into it survives the machine stopping.
bool sync_folder(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  return ::close(fd) == 0 && ok;
}

}  // namespace

std::string PlanIdentity::shape() const {
  return std::to_string(tasks) + (tasks == 1 ? " task (" : " tasks (") + std::to_string(points) + (points == 1 ? " point x " : " points x ") +
         std::to_string(replications) + (replications == 1 ? " replication)" : " replications)");
}

bool write_durably(const std::string& path, const std::string& bytes, std::string* error) {
  const std::string temporary = path + ".part";
  auto fail = [&](const char* what) {
    *error = path + ": " + what + ": " + std::strerror(errno);
    std::remove(temporary.c_str());
    return false;
  };
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot create");
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
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
  if (!sync_folder(fs::path(path).parent_path().string())) return fail("cannot flush its folder");
  return true;
}

bool TaskCheckpoint::start(const std::string& folder, const PlanIdentity& identity, TaskCheckpoint* out,
                           bool* replaced, std::string* error) {
  std::error_code ec;
  *replaced = fs::exists(folder, ec);
  fs::remove_all(folder, ec);
  if (ec) {
    *error = folder + ": cannot remove what an earlier run kept: " + ec.message();
    return false;
  }
  fs::create_directories(folder, ec);
  if (ec) {
    *error = folder + ": cannot create: " + ec.message();
    return false;
  }
  if (!write_durably((fs::path(folder) / "identity").string(), identity_text(identity), error)) return false;
  out->folder_ = folder;
  out->tasks_ = identity.tasks;
  return true;
}

bool TaskCheckpoint::resume(const std::string& folder, const PlanIdentity& identity, TaskCheckpoint* out,
                            std::string* error) {
  const fs::path file = fs::path(folder) / "identity";
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    *error = folder + ": no results are kept there (nothing to resume; run without --resume)";
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  PlanIdentity kept;
  if (!parse_identity(text.str(), &kept)) {
    *error = file.string() + ": not a desksim-mpi checkpoint";
    return false;
  }
  if (kept.tasks != identity.tasks || kept.points != identity.points || kept.replications != identity.replications) {
    *error = "the results kept in " + folder + " are for " + kept.shape() + ", this run has " + identity.shape();
    return false;
  }
  if (kept.hash != identity.hash) {
    *error = "the results kept in " + folder + " are for another run (identity " + kept.hash + ", this run's " +
             identity.hash + "): the seed, a scenario or a base it extends, a platform file or desksim's version differs";
    return false;
  }
  out->folder_ = folder;
  out->tasks_ = identity.tasks;
  return true;
}

std::vector<unsigned> TaskCheckpoint::finished() const {
  std::vector<unsigned> out;
  std::error_code ec;
  for (unsigned t = 0; t < tasks_; ++t)
    if (fs::is_regular_file(app::task_result_file(folder_, t), ec)) out.push_back(t);
  return out;
}

std::vector<unsigned> TaskCheckpoint::missing() const {
  std::vector<unsigned> out;
  std::error_code ec;
  for (unsigned t = 0; t < tasks_; ++t)
    if (!fs::is_regular_file(app::task_result_file(folder_, t), ec)) out.push_back(t);
  return out;
}

bool TaskCheckpoint::keep(unsigned task, const std::string& bytes, std::string* error) const {
  return write_durably(app::task_result_file(folder_, task), bytes, error);
}

bool TaskCheckpoint::remove(std::string* error) const {
  std::error_code ec;
  fs::remove_all(folder_, ec);
  if (ec) {
    *error = folder_ + ": cannot remove the kept results: " + ec.message();
    return false;
  }
  return true;
}

}  // namespace desksim::launcher
