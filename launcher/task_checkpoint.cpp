#include "launcher/task_checkpoint.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/task_files.hpp"
#include "sim/io/durable_file.hpp"

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

}  // namespace

std::string PlanIdentity::shape() const {
  return std::to_string(tasks) + (tasks == 1 ? " task (" : " tasks (") + std::to_string(points) + (points == 1 ? " point x " : " points x ") +
         std::to_string(replications) + (replications == 1 ? " replication)" : " replications)");
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
  if (!sim::write_durably((fs::path(folder) / "identity").string(), identity_text(identity), error)) return false;
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

std::vector<unsigned> TaskCheckpoint::tasks_kept(bool kept) const {
  std::vector<unsigned> out;
  std::error_code ec;
  for (unsigned t = 0; t < tasks_; ++t)
    if (fs::is_regular_file(app::task_result_file(folder_, t), ec) == kept) out.push_back(t);
  return out;
}

bool TaskCheckpoint::keep(unsigned task, const std::string& bytes, std::string* error) const {
  return sim::write_durably(app::task_result_file(folder_, task), bytes, error);
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
