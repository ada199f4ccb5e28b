#include "analysis/export/temporary_owner.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace desksim::analysis {
namespace {

std::string host_for_names() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "host";
  std::string host(name);
  host = host.substr(0, host.find('.'));
  for (char& c : host)
    if (c == '/') c = '_';
  return host.substr(0, 64);
}

const std::string& this_host() {
  static const std::string host = host_for_names();
  return host;
}

}  // namespace

std::string temporary_owner() { return this_host() + "." + std::to_string(static_cast<long>(::getpid())) + "."; }

bool left_by_dead_process(const std::string& rest) {
  const std::string prefix = this_host() + ".";
  if (rest.rfind(prefix, 0) != 0) return false;
  const std::string after_host = rest.substr(prefix.size());  // <pid>.XXXXXX
  const std::size_t dot = after_host.find('.');
  if (dot == std::string::npos || dot == 0 || after_host.size() - dot - 1 != 6) return false;
  long pid = 0;
  for (std::size_t i = 0; i < dot; ++i) {
    if (after_host[i] < '0' || after_host[i] > '9' || pid > 1'000'000'000) return false;
    pid = pid * 10 + (after_host[i] - '0');
  }
  if (pid <= 0 || pid == static_cast<long>(::getpid())) return false;
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

void remove_left_by_dead_processes(const std::string& folder, const std::string& prefix) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder.empty() ? "." : folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) == 0 && left_by_dead_process(name.substr(prefix.size())))
      ::unlink(it->path().c_str());
  }
}

}  // namespace desksim::analysis
