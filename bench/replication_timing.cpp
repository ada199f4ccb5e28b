#include "bench/replication_timing.hpp"

#include <sys/resource.h>

#include <cstdio>
#include <string>

#include "bench/process_timing.hpp"
#include "models/run/desk_replication.hpp"

namespace desksim::bench {

ReplicationTiming time_replication(const scenario::Scenario& s) {
  const std::string out = run_in_child([&] {
        const double before = cpu_seconds_of(RUSAGE_SELF);
        const auto r = models::run_replication(s, 1, 0);
        const double seconds = cpu_seconds_of(RUSAGE_SELF) - before;
        unsigned long tickets = 0, users = 0;
        for (const auto& c : r.counters()) {
          if (c.name() == "tickets.raised_total") tickets = c.value();
          if (c.name() == "users") users = c.value();
        }
        rusage usage{};
        ::getrusage(RUSAGE_SELF, &usage);
        return std::to_string(seconds) + " " + std::to_string(r.events()) + " " + std::to_string(tickets) + " " +
               std::to_string(users) + " " + std::to_string(usage.ru_maxrss);
  });
  ReplicationTiming t;
  unsigned long events = 0, tickets = 0, users = 0;
  long rss_kb = 0;
  std::sscanf(out.c_str(), "%lf %lu %lu %lu %ld", &t.cpu_seconds, &events, &tickets, &users, &rss_kb);
  t.events = events;
  t.tickets = tickets;
  t.users = users;
  t.max_rss_mb = static_cast<double>(rss_kb) / 1024.0;
  return t;
}

}  // namespace desksim::bench
