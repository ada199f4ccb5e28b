#pragma once
// Per-ticket records as CSV, one line per ticket when it closes or is cancelled (tickets still open
// at the end of the run are written then, with empty resolved/closed fields). Columns: replication,
// ticket, opened_h, user, channel, category, priority, final state, resolved_h, closed_h, the
// desk supplier's end-to-end response and resolution SLA met (1/0, empty when not decided), hours in
// each lifecycle state, the resolver-group visits "group@arrived_h-left_h;..." and the waiting spells
// "state@start_h-end_h;...". Times are hours since the start of the replication.
#include <cstdio>
#include <string>
#include <vector>

#include "models/ticket/lifecycle.hpp"
#include "models/ticket/ticket.hpp"

namespace desksim::models {

class TicketRecordWriter {
 public:
  /// Writes to `file` (not owned). `station_names[k]` names station k (0 = the desk).
  TicketRecordWriter(std::FILE* file, unsigned replication, std::vector<std::string> station_names,
                     std::vector<std::string> category_names);
  static void write_header(std::FILE* file);
  /// `resolution_met` / `response_met`: 1, 0, or -1 when not decided.
  void write(const Ticket& t, int response_met, int resolution_met);
  std::uint64_t written() const { return written_; }

 private:
  std::FILE* file_;
  unsigned replication_;
  std::vector<std::string> station_names_, category_names_;
  std::uint64_t written_ = 0;
};

}  // namespace desksim::models
