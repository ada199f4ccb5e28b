#include "bench/replication_timing.hpp"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "models/run/desk_replication.hpp"
#include "sim/replication/replication_runner.hpp"

namespace desksim::bench {
namespace {

double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

ReplicationTiming time_replication(const scenario::Scenario& s) {
  sim::ReplicationRunnerOptions options;
  std::string error;
  const auto out = sim::run_replications(
      options,
      [&](unsigned) {
        const double before = cpu_seconds();
        const auto r = models::run_replication(s, 1, 0);
        const double seconds = cpu_seconds() - before;
        unsigned long tickets = 0, users = 0;
        for (const auto& c : r.counters()) {
          if (c.name() == "tickets.raised_total") tickets = c.value();
          if (c.name() == "users") users = c.value();
        }
        rusage usage{};
        ::getrusage(RUSAGE_SELF, &usage);
        return std::to_string(seconds) + " " + std::to_string(r.events()) + " " + std::to_string(tickets) + " " +
               std::to_string(users) + " " + std::to_string(usage.ru_maxrss);
      },
      &error);
  if (out.empty()) {
    std::fprintf(stderr, "desksim_bench: %s\n", error.c_str());
    std::exit(1);
  }
  ReplicationTiming t;
  unsigned long events = 0, tickets = 0, users = 0;
  long rss_kb = 0;
  std::sscanf(out[0].c_str(), "%lf %lu %lu %lu %ld", &t.cpu_seconds, &events, &tickets, &users, &rss_kb);
  t.events = events;
  t.tickets = tickets;
  t.users = users;
  t.max_rss_mb = static_cast<double>(rss_kb) / 1024.0;
  return t;
}

}  // namespace desksim::bench
