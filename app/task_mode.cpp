#include "app/task_mode.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "analysis/export/fnv1a.hpp"
#include "app/commands.hpp"
#include "app/task_files.hpp"
#include "models/run/desk_replication.hpp"

namespace desksim::app {

bool write_whole(const std::string& path, const std::string& bytes, std::string* error) {
  const std::string temporary = path + ".part";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out || std::rename(temporary.c_str(), path.c_str()) != 0) {
    *error = path + ": cannot write: " + std::strerror(errno);
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

void add_task_mode_options(CLI::App* command, TaskModeArguments* args) {
  // Hidden (empty group): plumbing for desksim-mpi, documented in app/task_mode.hpp and README.
  CLI::Option* plan = command->add_flag("--plan", args->plan, "Print the tasks of this run and run nothing")->group("");
  CLI::Option* task = command->add_option("--task", args->task, "Run this task only")->group("")->check(CLI::NonNegativeNumber);
  CLI::Option* out = command->add_option("--task-out", args->task_out, "Where --task writes its result")->group("");
  CLI::Option* results =
      command->add_option("--task-results", args->task_results, "Assemble the outputs from these task results")
          ->group("")
          ->check(CLI::ExistingDirectory);
  task->needs(out);
  out->needs(task);
  plan->excludes(task);
  plan->excludes(results);
  task->excludes(results);
}

std::string platform_bytes(const scenario::Scenario& scenario) {
  if (!scenario.has_infrastructure() || scenario.infrastructure().platform_file().empty()) return {};
  std::ifstream in(scenario.infrastructure().platform_file(), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string plan_identity(const std::vector<scenario::Scenario>& points, std::uint64_t seed, unsigned replications) {
  // Each part is preceded by its length, so that no two different lists of parts hash the same bytes.
  std::uint64_t hash = analysis::kFnvOffset;
  auto part = [&hash](std::string_view bytes) { hash = analysis::fnv1a(bytes, analysis::fnv1a(bytes.size(), hash)); };
  part(kVersion);
  hash = analysis::fnv1a(seed, hash);
  hash = analysis::fnv1a(std::uint64_t{replications}, hash);
  hash = analysis::fnv1a(std::uint64_t{points.size()}, hash);
  for (const scenario::Scenario& point : points) {
    std::string bytes;
    {
      google::protobuf::io::StringOutputStream stream(&bytes);
      google::protobuf::io::CodedOutputStream coded(&stream);
      coded.SetSerializationDeterministic(true);  // map order fixed: same scenario, same bytes
      point.SerializeToCodedStream(&coded);
    }
    part(bytes);
    part(platform_bytes(point));
  }
  return analysis::hex16(hash);
}

void print_plan(const std::vector<scenario::Scenario>& points, std::uint64_t seed, unsigned replications,
                const std::string& out) {
  std::cout << "tasks " << points.size() * replications << " points " << points.size() << " replications "
            << replications << "\nidentity " << plan_identity(points, seed, replications) << "\ncheckpoint "
            << (std::filesystem::path(out) / kMpiCheckpointFolder).string() << "\n";
}

bool locate_task(long long task, std::size_t points, unsigned replications, std::size_t* point, unsigned* replication,
                 std::string* error) {
  const auto tasks = static_cast<long long>(points) * replications;
  if (task < 0 || task >= tasks) {
    *error = "--task " + std::to_string(task) + ": there are " + std::to_string(tasks) + " tasks (0 to " +
             std::to_string(tasks - 1) + ")";
    return false;
  }
  *point = static_cast<std::size_t>(task / replications);
  *replication = static_cast<unsigned>(task % replications);
  return true;
}

int run_one_task(const scenario::Scenario& point_scenario, std::uint64_t seed, std::size_t point,
                 unsigned replication, const TaskModeArguments& args, const std::string& command) {
  return run_replication_task(point_scenario, seed, replication, args.task_out,
                              "task " + std::to_string(args.task) + " (point " + std::to_string(point) +
                                  ", replication " + std::to_string(replication) + ")",
                              command);
}

int run_replication_task(const scenario::Scenario& scenario, std::uint64_t seed, unsigned replication,
                         const std::string& task_out, const std::string& what, const std::string& command) {
  std::string bytes, error;
  try {
    // The call the local runner makes for this replication, in a child process of its own as here.
    models::run_replication(scenario, seed, replication, "").SerializeToString(&bytes);
  } catch (const std::exception& e) {
    std::cerr << command << ": " << what << ": " << e.what() << "\n";
    return 1;
  }
  if (!write_whole(task_out, bytes, &error)) {
    std::cerr << command << ": " << error << "\n";
    return 1;
  }
  return 0;
}

bool read_task_results(const std::string& folder, unsigned tasks, std::map<unsigned, std::string>* finished,
                       std::string* error) {
  for (unsigned t = 0; t < tasks; ++t) {
    const std::string path = task_result_file(folder, t);
    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.is_open() || in.bad()) {
      *error = path + ": missing or unreadable: every task's result must be there (" + std::to_string(tasks) + " tasks)";
      return false;
    }
    (*finished)[t] = std::move(bytes);
  }
  return true;
}

}  // namespace desksim::app
