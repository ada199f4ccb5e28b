#include "analysis/report/progress_line.hpp"

#include <cmath>
#include <cstdio>

namespace desksim::analysis {

std::string clock_time(double seconds) {
  const long long s = std::llround(std::max(0.0, seconds));
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", s / 60, s % 60);
  return buffer;
}

std::string progress_line(std::string_view label, unsigned done, unsigned total, double elapsed_seconds) {
  std::string out;
  if (!label.empty()) out.append(label).append(": ");
  out += "replications " + std::to_string(done) + "/" + std::to_string(total) + " · elapsed " +
         clock_time(elapsed_seconds);
  if (done > 0 && done < total) out += " · ETA " + clock_time(elapsed_seconds / done * (total - done));
  return out;
}

}  // namespace desksim::analysis
