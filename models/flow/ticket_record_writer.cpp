#include "models/flow/ticket_record_writer.hpp"

#include "models/desk/service_desk_config.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

namespace {

// RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled. Names come
// from scenarios and exports (a category "Network, WAN"), so they may hold any of these.
std::string csv_quoted(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

TicketRecordWriter::TicketRecordWriter(std::FILE* file, unsigned replication, std::vector<std::string> station_names,
                                       std::vector<std::string> category_names)
    : file_(file),
      replication_(replication),
      station_names_(std::move(station_names)),
      category_names_(std::move(category_names)) {}

void TicketRecordWriter::write_header(std::FILE* file) {
  std::fputs("replication,ticket,opened_h,user,channel,category,priority,state,resolved_h,closed_h,response_met,"
             "resolution_met",
             file);
  for (std::size_t s = 1; s < kTicketStates; ++s) std::fprintf(file, ",h_%s", kTicketStateNames[s].data());
  std::fputs(",visits,waits\n", file);
}

void TicketRecordWriter::write(const Ticket& t, int response_met, int resolution_met) {
  auto met = [](int m) { return m < 0 ? std::string() : std::to_string(m); };
  const bool resolved = t.final_resolution;
  const bool closed = t.state == TicketState::kClosed;
  const std::string category = t.category < category_names_.size() ? csv_quoted(category_names_[t.category]) : "";
  std::fprintf(file_, "%u,%u,%.6f,%u,%s,%s,%u,%s,", replication_, t.serial, sim::to_hours(t.raised_at), t.user,
               t.channel < kChannels ? kChannelNames[t.channel] : "", category.c_str(), static_cast<unsigned>(t.priority),
               state_name(t.state).data());
  if (resolved) std::fprintf(file_, "%.6f", sim::to_hours(t.resolved_at));
  std::fputc(',', file_);
  if (closed) std::fprintf(file_, "%.6f", sim::to_hours(t.state_since));
  std::fprintf(file_, ",%s,%s", met(response_met).c_str(), met(resolution_met).c_str());
  for (std::size_t s = 1; s < kTicketStates; ++s) std::fprintf(file_, ",%.6g", sim::to_hours(t.seconds_in_state[s]));
  std::fputc(',', file_);
  std::string visits;  // "group@arrived-left;...", quoted as a whole when a group's name needs it
  for (std::size_t k = 0; k < t.visits.size(); ++k) {
    char times[64];
    std::snprintf(times, sizeof times, "@%.4f-%.4f", t.visits[k].arrived_hours, t.visits[k].left_hours);
    if (k) visits += ';';
    visits += t.visits[k].station < station_names_.size() ? station_names_[t.visits[k].station] : "?";
    visits += times;
  }
  std::fputs(csv_quoted(visits).c_str(), file_);
  std::fputc(',', file_);
  for (std::size_t k = 0; k < t.waits.size(); ++k)
    std::fprintf(file_, "%s%s@%.4f-%.4f", k ? ";" : "", state_name(t.waits[k].state).data(), t.waits[k].start_hours,
                 t.waits[k].end_hours);
  std::fputc('\n', file_);
  ++written_;
}

}  // namespace desksim::models
