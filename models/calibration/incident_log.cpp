#include "models/calibration/incident_log.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "models/calibration/csv_stream.hpp"
#include "models/calibration/log_time.hpp"

namespace desksim::models::calibration {
namespace {

// Row states the calibration tells apart; waiting kinds are kWaitBase + WaitKind.
constexpr std::uint8_t kOther = 0, kResolved = 1, kClosed = 2, kCanceled = 3, kWaitBase = 10;
constexpr std::int32_t kUnassigned = -1;

struct Event {
  std::int64_t time;
  std::int64_t mod;
  std::uint64_t row;
  std::uint8_t state;
  std::int32_t group;
};

struct Partial {
  std::int64_t opened = 0;
  std::uint64_t opened_row = 0;
  std::vector<Event> events;
  // Final attributes: those of the latest row (by sys_updated_at, then sys_mod_count, then file order).
  Event last{};
  int priority = 0, reassignment_count = 0, made_sla = -1;
  std::int32_t category = -1;
  std::optional<std::int64_t> resolved_at, closed_at;
};

bool missing(const std::string& s) { return s.empty() || s == "?"; }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ServiceNow's incident_state values, and the usual names of other tools.
std::uint8_t state_code(const std::string& text) {
  const std::string s = lower(text);
  auto has = [&](const char* w) { return s.find(w) != std::string::npos; };
  if (has("awaiting user") || has("pending user") || has("awaiting caller") || has("pending customer"))
    return kWaitBase + kWaitUser;
  if (has("vendor") || has("supplier") || has("third party")) return kWaitBase + kWaitVendor;
  if (has("awaiting problem") || has("evidence") || has("change")) return kWaitBase + kWaitChange;
  if (has("cancel")) return kCanceled;
  if (has("resolved")) return kResolved;
  if (has("closed")) return kClosed;
  return kOther;
}

class Reader {
 public:
  Reader(const std::string& path, const ColumnMap& map) : csv_(path), map_(map) {}

  IncidentLog read() {
    std::vector<std::string> header;
    if (!csv_.next(&header) || (header.size() == 1 && header[0].empty()))
      throw InputError(where(csv_.path(), 0, "", "empty file: no header line"));
    col_ = resolve_columns(map_, header, csv_.path());
    std::vector<std::string> f;
    while (csv_.next(&f)) {
      if (f.size() == 1 && f[0].empty()) continue;  // blank line
      if (f.size() != header.size()) {
        if (!csv_.complete_line())
          throw InputError(where(csv_.path(), csv_.row(), "",
                                 "truncated last line: " + std::to_string(f.size()) + " of " +
                                     std::to_string(header.size()) + " columns, no line end"));
        throw InputError(where(csv_.path(), csv_.row(), "",
                               "has " + std::to_string(f.size()) + " columns, the header has " +
                                   std::to_string(header.size())));
      }
      if (!csv_.complete_line() && f.size() == header.size()) {
        // The last line lacks its line end: accepted only if its last field is complete (not cut).
        check_last_field(f);
      }
      row(f);
      ++log_.rows;
    }
    if (partial_.empty()) throw InputError(where(csv_.path(), 0, "", "no incident rows after the header"));
    finish();
    return std::move(log_);
  }

 private:
  const std::string& cell(const std::vector<std::string>& f, Field k) {
    return f[static_cast<std::size_t>(col_[static_cast<std::size_t>(k)])];
  }
  [[noreturn]] void fail(Field k, const std::string& message) {
    throw InputError(where(csv_.path(), csv_.row(), map_.header[static_cast<std::size_t>(k)], message));
  }
  std::int64_t time(const std::vector<std::string>& f, Field k) {
    const std::string& s = cell(f, k);
    const auto t = parse_log_time(s);
    if (!t) fail(k, "unparsable date \"" + s + "\" (expected d/m/yyyy hh:mm or yyyy-mm-dd hh:mm)");
    return *t;
  }
  std::optional<std::int64_t> optional_time(const std::vector<std::string>& f, Field k) {
    if (missing(cell(f, k))) return std::nullopt;
    return time(f, k);
  }
  std::int64_t integer(const std::vector<std::string>& f, Field k) {
    const std::string& s = cell(f, k);
    if (missing(s)) return 0;
    std::size_t used = 0;
    long long v = -1;
    try {
      v = std::stoll(s, &used);
    } catch (...) {
      used = 0;
    }
    if (used != s.size() || v < 0) fail(k, "expected a whole number >= 0, got \"" + s + "\"");
    return v;
  }
  std::int32_t intern(std::vector<std::string>* names, std::unordered_map<std::string, std::int32_t>* ids,
                      const std::string& s) {
    auto [it, added] = ids->emplace(s, static_cast<std::int32_t>(names->size()));
    if (added) names->push_back(s);
    return it->second;
  }
  void check_last_field(const std::vector<std::string>& f) {
    // A cut line usually ends inside a date or mid-word; the one field we can check is a date.
    for (Field k : {Field::kUpdatedAt, Field::kOpenedAt})
      if (col_[static_cast<std::size_t>(k)] == static_cast<int>(f.size()) - 1 && !missing(cell(f, k)) &&
          !parse_log_time(cell(f, k)))
        fail(k, "truncated last line: \"" + cell(f, k) + "\" is cut off");
  }

  void row(const std::vector<std::string>& f) {
    const std::string& number = cell(f, Field::kNumber);
    if (missing(number)) fail(Field::kNumber, "missing incident number");
    const std::int64_t opened = time(f, Field::kOpenedAt);
    auto [it, added] = index_.emplace(number, static_cast<std::uint32_t>(partial_.size()));
    if (added) {
      partial_.emplace_back();
      numbers_.push_back(number);
      partial_.back().opened = opened;
      partial_.back().opened_row = csv_.row();
    }
    Partial& p = partial_[it->second];
    if (p.opened != opened)
      fail(Field::kOpenedAt, "incident " + number + " has opened_at \"" + cell(f, Field::kOpenedAt) +
                                 "\" here but a different one on row " + std::to_string(p.opened_row));
    Event e{time(f, Field::kUpdatedAt), col_[static_cast<std::size_t>(Field::kModCount)] >= 0
                                            ? integer(f, Field::kModCount)
                                            : 0,
            csv_.row(), state_code(cell(f, Field::kState)), kUnassigned};
    const std::string& group = cell(f, Field::kAssignmentGroup);
    if (!missing(group)) e.group = intern(&log_.groups, &group_ids_, group);
    // Parse every field on every row, so a bad value is reported where it is, not only on last rows.
    const std::string& prio = cell(f, Field::kPriority);
    int priority = 0;
    if (!missing(prio)) {
      const auto d = prio.find_first_of("0123456789");
      if (d == std::string::npos || prio[d] < '1' || prio[d] > '4')
        fail(Field::kPriority, "expected a priority 1-4 (e.g. \"3 - Moderate\"), got \"" + prio + "\"");
      priority = prio[d] - '0';
    }
    const std::string& sla = cell(f, Field::kMadeSla);
    int made = -1;
    if (!missing(sla)) {
      const std::string s = lower(sla);
      if (s == "true" || s == "1" || s == "yes") made = 1;
      else if (s == "false" || s == "0" || s == "no") made = 0;
      else fail(Field::kMadeSla, "expected true or false, got \"" + sla + "\"");
    }
    const int reassigned = static_cast<int>(integer(f, Field::kReassignmentCount));
    const auto resolved_at = optional_time(f, Field::kResolvedAt);
    const auto closed_at = optional_time(f, Field::kClosedAt);
    const std::string& cat = cell(f, Field::kCategory);
    const bool later = p.events.empty() || std::tie(e.time, e.mod, e.row) >= std::tie(p.last.time, p.last.mod, p.last.row);
    p.events.push_back(e);
    if (later) {
      p.last = e;
      p.priority = priority;
      p.made_sla = made;
      p.reassignment_count = reassigned;
      p.resolved_at = resolved_at;
      p.closed_at = closed_at;
      p.category = missing(cat) ? -1 : intern(&log_.categories, &category_ids_, cat);
    }
  }

  void finish() {
    log_.incidents.reserve(partial_.size());
    for (std::size_t i = 0; i < partial_.size(); ++i) {
      Partial& p = partial_[i];
      std::sort(p.events.begin(), p.events.end(),
                [](const Event& a, const Event& b) { return std::tie(a.time, a.mod, a.row) < std::tie(b.time, b.mod, b.row); });
      Incident inc;
      inc.number = std::move(numbers_[i]);
      inc.opened = p.opened;
      inc.priority = p.priority;
      inc.category = p.category;
      inc.reassignment_count = p.reassignment_count;
      inc.made_sla = p.made_sla;
      inc.closed = p.closed_at;
      bool canceled_state = false;
      std::optional<std::int64_t> resolved_row;
      for (const Event& e : p.events) {
        if (e.state == kResolved) resolved_row = e.time;
        if (e.state == kCanceled) canceled_state = true;
      }
      if (p.resolved_at) inc.resolved = p.resolved_at;
      else {
        ++log_.resolved_at_missing;
        // Logged after a fix at first contact: created already Resolved (see log-figures.md).
        inc.resolved = resolved_row;
      }
      if (canceled_state) inc.resolved.reset();
      if (inc.resolved && *inc.resolved < inc.opened) {
        ++log_.resolved_before_opened;
        inc.resolved = inc.opened;
      }
      inc.cancelled = !inc.resolved && (canceled_state || inc.closed.has_value());
      build_visits(p, &inc);
      log_.incidents.push_back(std::move(inc));
      p.events = {};
    }
    std::stable_sort(log_.incidents.begin(), log_.incidents.end(), [](const Incident& a, const Incident& b) {
      return std::tie(a.opened, a.number) < std::tie(b.opened, b.number);
    });
  }

  void build_visits(const Partial& p, Incident* inc) {
    const std::int64_t end = inc->resolved   ? *inc->resolved
                             : inc->closed   ? std::max(*inc->closed, inc->opened)
                                             : std::max(p.events.back().time, inc->opened);
    // Group runs before the end; unassigned rows join the group that holds the ticket next.
    std::vector<std::pair<std::int32_t, std::int64_t>> runs;  // group, start
    for (const Event& e : p.events) {
      if (e.time >= end && !runs.empty()) break;
      if (e.group == kUnassigned) continue;
      const std::int64_t t = std::clamp(e.time, inc->opened, end);
      if (runs.empty()) runs.emplace_back(e.group, inc->opened);
      else if (runs.back().first != e.group) runs.emplace_back(e.group, t);
    }
    if (runs.empty()) {
      std::int32_t g = kUnassigned;
      for (const Event& e : p.events)
        if (e.group != kUnassigned) g = e.group;  // assigned only after resolution: that group
      if (g == kUnassigned) g = intern(&log_.groups, &group_ids_, "(unassigned)");
      runs.emplace_back(g, inc->opened);
    }
    for (std::size_t k = 0; k < runs.size(); ++k) {
      GroupVisit v;
      v.group = runs[k].first;
      v.start = runs[k].second;
      v.end = k + 1 < runs.size() ? runs[k + 1].second : end;
      for (std::size_t j = 0; j < k; ++j)
        if (runs[j].first == v.group) v.later_visit = true;
      inc->visits.push_back(v);
    }
    // Waiting spells: from a row entering an Awaiting state to the next row in another state.
    for (std::size_t i = 0; i < p.events.size(); ++i) {
      const std::uint8_t s = p.events[i].state;
      if (s < kWaitBase || (i > 0 && p.events[i - 1].state == s)) continue;
      std::size_t j = i + 1;
      while (j < p.events.size() && p.events[j].state == s) ++j;
      const std::int64_t a = std::clamp(p.events[i].time, inc->opened, end);
      const std::int64_t b = std::clamp(j < p.events.size() ? p.events[j].time : end, inc->opened, end);
      const std::size_t kind = s - kWaitBase;
      if (p.events[i].time < end || !inc->resolved) inc->entered[kind] = true;
      if (p.events[i].time >= end && inc->resolved) continue;
      // The spell belongs to the visit it starts in (the WaitingRule of that group); time it runs on
      // into a later visit stays in that visit's duration.
      for (GroupVisit& v : inc->visits) {
        const bool last = &v == &inc->visits.back();
        if (a < v.start || (a >= v.end && !(last && a == v.end))) continue;
        v.entered[kind] = true;
        v.wait_minutes[kind] += std::max<std::int64_t>(0, std::min(b, v.end) - a);
        break;
      }
    }
  }

  CsvStream csv_;
  const ColumnMap& map_;
  std::array<int, kFields> col_{};
  IncidentLog log_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::unordered_map<std::string, std::int32_t> group_ids_, category_ids_;
  std::vector<Partial> partial_;
  std::vector<std::string> numbers_;
};

}  // namespace

std::int64_t GroupVisit::work_minutes() const {
  std::int64_t w = end - start;
  for (std::int64_t m : wait_minutes) w -= m;
  return std::max<std::int64_t>(w, 0);
}

IncidentLog read_incident_log(const std::string& path, const ColumnMap& columns) {
  return Reader(path, columns).read();
}

}  // namespace desksim::models::calibration
