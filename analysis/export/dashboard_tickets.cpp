// The per-ticket records (`desksim run --tickets`, a CSV the models write) as rows of the dashboard's
// `tickets` table, so that a dashboard can drill from an estimate down to the tickets behind it.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "analysis/export/calendar_dates.hpp"
#include "analysis/export/dashboard_database.hpp"

namespace desksim::analysis {

namespace {

// One RFC 4180 record from `in` (quoted fields may hold commas, doubled quotes and line breaks).
bool read_record(std::istream& in, std::vector<std::string>* fields) {
  fields->clear();
  std::string field;
  bool quoted = false, any = false;
  for (int c; (c = in.get()) != EOF;) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') field += static_cast<char>(in.get());
        else quoted = false;
      } else {
        field += static_cast<char>(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      fields->push_back(std::move(field));
      return true;
    } else if (c != '\r') {
      field += static_cast<char>(c);
    }
  }
  if (any) fields->push_back(std::move(field));
  return any;
}

}  // namespace

bool insert_tickets(SqliteDatabase& db, std::int64_t run_id, const std::string& csv_path, std::int64_t start_day,
                    std::string* error) {
  std::ifstream in(csv_path, std::ios::binary);
  std::vector<std::string> header, row;
  if (!in || !read_record(in, &header)) {
    *error = csv_path + ": no per-ticket records to read";
    return false;
  }
  std::map<std::string, std::size_t> column;
  for (std::size_t k = 0; k < header.size(); ++k) column[header[k]] = k;
  const char* const needed[] = {"replication", "ticket", "opened_h", "user", "channel", "category", "priority", "state",
                                "resolved_h", "closed_h", "response_met", "resolution_met", "h_queued",
                                "h_in_service", "h_waiting_on_user", "h_waiting_on_vendor", "h_waiting_on_change",
                                "visits"};
  for (const char* name : needed)
    if (!column.count(name)) {
      *error = csv_path + ": no column " + name;
      return false;
    }
  SqliteStatement insert(db,
                         "INSERT INTO tickets (run_id, replication, ticket, opened_at, opened_hours, user, channel, "
                         "category, priority, state, resolved_hours, closed_hours, response_met, resolution_met, "
                         "queued_hours, in_service_hours, waiting_hours, visits, reassignments) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto cell = [&](const char* name) -> const std::string& { return row[column[name]]; };
  auto number = [&](const char* name) { return cell(name).empty() ? std::nan("") : std::stod(cell(name)); };
  for (std::uint64_t line = 2; read_record(in, &row); ++line) {
    if (row.size() != header.size()) {
      *error = csv_path + ": record " + std::to_string(line) + " has " + std::to_string(row.size()) + " fields, not " +
               std::to_string(header.size());
      return false;
    }
    const std::string& visits = cell("visits");
    const std::int64_t visit_count = visits.empty() ? 0 : 1 + static_cast<std::int64_t>(std::count(visits.begin(), visits.end(), ';'));
    insert.bind(1, run_id).bind(2, static_cast<std::int64_t>(std::stoll(cell("replication"))))
        .bind(3, static_cast<std::int64_t>(std::stoll(cell("ticket"))))
        .bind(4, iso_datetime(start_day, number("opened_h"))).bind(5, number("opened_h"))
        .bind(6, static_cast<std::int64_t>(std::stoll(cell("user")))).bind(7, cell("channel")).bind(8, cell("category"))
        .bind(9, static_cast<std::int64_t>(std::stoll(cell("priority")))).bind(10, cell("state"))
        .bind(11, number("resolved_h")).bind(12, number("closed_h"));
    for (int k : {13, 14}) {
      const std::string& met = cell(k == 13 ? "response_met" : "resolution_met");
      if (met.empty()) insert.bind_null(k);
      else insert.bind(k, static_cast<std::int64_t>(met == "1"));
    }
    insert.bind(15, number("h_queued")).bind(16, number("h_in_service"))
        .bind(17, number("h_waiting_on_user") + number("h_waiting_on_vendor") + number("h_waiting_on_change"))
        .bind(18, visit_count).bind(19, std::max<std::int64_t>(0, visit_count - 1));
    if (!insert.run()) {
      *error = csv_path + ": record " + std::to_string(line) + ": " + db.error();
      return false;
    }
  }
  return true;
}

}  // namespace desksim::analysis
