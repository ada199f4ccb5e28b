#include "models/scenario/platform_file_check.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/Link.hpp>
#include <xbt/log.h>

#include "models/scenario/platform_xml_rules.hpp"
#include "sim/kernel/simgrid_runtime.hpp"
#include "sim/replication/replication_runner.hpp"

namespace desksim::models {

namespace {

/// A message on one line: the child sends one "path\tmessage" line per problem, and SimGrid's
/// messages and the scenario's names may hold line breaks and tabs.
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return text;
}

/// Runs in the child: loads the platform and lists what the scenario needs but it lacks, one
/// "path\tmessage" line each.
std::string problems_in_platform(const scenario::Scenario& s) {
  xbt_log_control_set("xbt_exception.thres:error");  // SimGrid's parse errors name file and line
  sim::SimGridRuntime runtime(s.infrastructure().platform_file());
  std::string out;
  const auto& components = s.infrastructure().components();
  for (int i = 0; i < components.size(); ++i) {
    const auto& c = components[i];
    const bool is_link = c.kind() == scenario::Infrastructure::Component::NETWORK_LINK;
    const bool found = is_link ? simgrid::s4u::Link::by_name_or_null(c.name()) != nullptr
                               : simgrid::s4u::Host::by_name_or_null(c.name()) != nullptr;
    if (!found)
      out += "infrastructure.components[" + std::to_string(i) + "].name\tthe platform file has no " +
             (is_link ? "link" : "host") + " named \"" + one_line(c.name()) + "\"\n";
    const auto* host = is_link ? nullptr : simgrid::s4u::Host::by_name_or_null(c.name());
    if (host != nullptr && !host->is_on())
      out += "infrastructure.components[" + std::to_string(i) + "].name\thost \"" + one_line(c.name()) +
             "\" is off when the platform starts: desksim starts every component up\n";
    if (c.name() == "control")
      out += "infrastructure.components[" + std::to_string(i) +
             "].name\t\"control\" runs desksim's own processes and cannot be a component\n";
  }
  return out;
}

/// Everything written to `fd` so far, from its start.
std::string read_text(int fd) {
  std::string text;
  if (::lseek(fd, 0, SEEK_SET) != 0) return text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

/// SimGrid's own words, without its "Exiting now" line and log prefixes.
std::string simgrid_message(const std::string& log) {
  std::istringstream lines(log);
  std::string line, out;
  while (std::getline(lines, line)) {
    if (line.find("Exiting now") != std::string::npos) continue;
    if (auto at = line.find("] "); at != std::string::npos && line.rfind("[", 0) == 0) line = line.substr(at + 2);
    if (auto at = line.find("ERROR] "); at != std::string::npos) line = line.substr(at + 7);
    if (!line.empty()) out += (out.empty() ? "" : "; ") + line;
  }
  return out;
}

}  // namespace

void check_platform_file(const std::string& scenario_folder, scenario::Scenario* s, std::vector<Diagnostic>* out) {
  if (!s->has_infrastructure() || s->infrastructure().platform_file().empty()) return;
  namespace fs = std::filesystem;
  fs::path file(s->infrastructure().platform_file());
  if (file.is_relative()) file = fs::path(scenario_folder) / file;
  s->mutable_infrastructure()->set_platform_file(file.string());
  const std::string path = "infrastructure.platform_file";
  if (!fs::is_regular_file(file)) {
    out->push_back(Diagnostic{{}, 0, 0, path, "no such file: " + file.string()});
    return;
  }
  // What SimGrid would abort on, or what would contradict desksim's own failures, before it loads.
  const auto problems = platform_xml_problems(file.string());
  for (const std::string& p : problems) out->push_back(Diagnostic{{}, 0, 0, path, file.string() + ": " + p});
  if (!problems.empty()) return;

  // The child's standard error goes to a file the parent reads if SimGrid aborts. An anonymous file
  // in memory: it has no name to leave behind when the check is interrupted.
  const int log_fd = ::memfd_create("desksim-platform-check", MFD_CLOEXEC);
  sim::ReplicationRunnerOptions options;
  std::string error;
  const auto result = sim::run_replications(
      options,
      [&](unsigned) {
        if (log_fd >= 0) ::dup2(log_fd, STDERR_FILENO);
        try {
          return problems_in_platform(*s);
        } catch (const std::exception& e) {  // SimGrid throws some parse errors instead of aborting
          return "infrastructure.platform_file\t" +
                 one_line("SimGrid could not load " + s->infrastructure().platform_file() + ": " + e.what()) + "\n";
        }
      },
      &error);
  const std::string log = log_fd >= 0 ? read_text(log_fd) : std::string();
  if (log_fd >= 0) ::close(log_fd);
  if (result.empty()) {
    const std::string why = simgrid_message(log);
    out->push_back(Diagnostic{{}, 0, 0, path,
                              "SimGrid could not load " + file.string() + ": " + (why.empty() ? error : why)});
    return;
  }
  std::istringstream lines(result[0]);
  std::string line;
  while (std::getline(lines, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;  // not a problem line (the child writes none such)
    out->push_back(Diagnostic{{}, 0, 0, line.substr(0, tab), line.substr(tab + 1)});
  }
}

}  // namespace desksim::models
