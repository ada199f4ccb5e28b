#include "bench/open_records_scaling.hpp"

#include <time.h>

#include <vector>

#include "bench/json_lines.hpp"
#include "bench/open_records.hpp"
#include "models/ticket/ticket.hpp"

namespace desksim::bench {

namespace {

static_assert(sizeof(models::Ticket) + 2 * sizeof(models::SupplierClock) <= kOpenRecordBytes &&
                  sizeof(models::Ticket) + 2 * sizeof(models::SupplierClock) > kOpenRecordBytes - 64,
              "kOpenRecordBytes follows desksim's per-ticket state");

// The shipped baseline (scenarios/met/run-and-maintain.textproto), one replication of its year: its
// tickets, its horizon, and the time average of its tickets open (the tickets.open.mean estimate).
constexpr double kBaselineTickets = 320726, kBaselineHorizonHours = 8904, kBaselineMeanOpen = 2595;
// Its events per ticket, 2,174,721 / 320,726 = 6.8: the arrival and about six more.
constexpr unsigned kPhases = 6;

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

void open_records_scaling(bool largest) {
  std::vector<double> factors = {0.1, 1, 10};
  if (largest) factors.push_back(100);
  struct Variant {
    const char* name;
    bool kernel_queue, records, prefetch;
  };
  for (const Variant v : {Variant{"heap only", false, false, false}, Variant{"desksim's event queue only", true, false, false},
                          Variant{"records", false, true, false}, Variant{"records, next prefetched", false, true, true},
                          Variant{"desksim's event queue, records, next prefetched", true, true, true}}) {
    for (const double factor : factors) {
      OpenRecordsOptions o;
      o.tickets_per_hour = kBaselineTickets * factor / kBaselineHorizonHours;
      o.mean_open_hours = kBaselineMeanOpen * factor / o.tickets_per_hour;
      o.phases = kPhases;
      o.horizon_hours = kBaselineHorizonHours;
      o.kernel_queue = v.kernel_queue;
      o.records = v.records;
      o.prefetch_next = v.prefetch;
      const double start = cpu_seconds();
      const OpenRecordsResult r = open_records_loop(o);
      const double seconds = cpu_seconds() - start;
      emit_line({{"bench", "open_records"},
                 {"users", 44000 * factor},
                 {"variant", v.name},
                 {"tickets", r.tickets},
                 {"events", r.events},
                 {"mean_open", r.mean_open},
                 {"peak_open", r.peak_open},
                 {"record_bytes", v.records ? kOpenRecordBytes : 0},
                 {"cpu_seconds", seconds},
                 {"ns_per_ticket", seconds / static_cast<double>(r.tickets) * 1e9},
                 {"checksum", r.checksum}});
    }
  }
}

}  // namespace desksim::bench
