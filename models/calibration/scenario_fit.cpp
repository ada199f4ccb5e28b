#include "models/calibration/scenario_fit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "models/calibration/arrival_fit.hpp"
#include "models/calibration/csv_stream.hpp"
#include "models/calibration/log_time.hpp"
#include "models/calibration/quantile_points.hpp"
#include "models/scenario/text_format_errors.hpp"

namespace desksim::models::calibration {
namespace {

// Sample sizes below which a figure is pooled rather than fitted on its own: a category's priority
// mix and reassignment counts need a few hundred incidents before their rare classes (P1, 3+
// reassignments, about 1-4% each) are more than a handful; a duration's quantiles need ~30 values.
constexpr std::size_t kOwnCategory = 30;      // categories smaller than this are pooled into "other"
constexpr std::size_t kOwnMix = 200;          // own priority mix and reassignment counts
constexpr std::size_t kOwnGroup = 50;         // groups with fewer first visits are pooled into "other-groups"
constexpr std::size_t kOwnDuration = 30;      // own work or waiting duration
constexpr int kMaxReassignments = 10;         // counts above are folded into 10
constexpr double kRouteShareFloor = 0.02;     // a route's groups below this first-visit share go to "other-groups"

std::string num(double x, int digits = 6) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  return buf;
}


std::string list(const std::vector<double>& xs, int digits = 6) {
  std::string out = "[";
  for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + num(xs[i], digits);
  return out + "]";
}

std::string slug(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  return out;
}

struct Pools {
  std::vector<std::string> category_names;  // scenario categories (kept ones, then "other")
  std::vector<int> category_of;             // log category -> scenario category
  std::vector<std::string> group_names;     // scenario groups (kept, then "other-groups")
  std::vector<int> group_of;                // log group -> scenario group
};

}  // namespace

CalibrationResult calibrate(const IncidentLog& log, const CalibrationOptions& options) {
  std::vector<const Incident*> fit;
  std::int64_t first_day = INT64_MAX, last_day = INT64_MIN;
  for (const Incident& i : log.incidents) {
    const std::int64_t day = i.opened / kMinutesPerDay;
    if (options.fit_until && day > *options.fit_until) continue;
    fit.push_back(&i);
    first_day = std::min(first_day, day);
    last_day = std::max(last_day, day);
  }
  if (fit.empty()) throw InputError(options.source + ": no incident opened on or before the --fit-until date");
  if (options.fit_until) last_day = *options.fit_until;
  const double n = static_cast<double>(fit.size());
  std::ostringstream out, summary;

  // ---- pools: categories and groups ----
  Pools pools;
  std::vector<std::size_t> cat_n(log.categories.size() + 1, 0), first_group_n(log.groups.size(), 0);
  for (const Incident* i : fit) {
    ++cat_n[i->category < 0 ? log.categories.size() : static_cast<std::size_t>(i->category)];
    ++first_group_n[static_cast<std::size_t>(i->visits.front().group)];
  }
  pools.category_of.assign(log.categories.size() + 1, -1);
  for (std::size_t c = 0; c < log.categories.size(); ++c)
    if (cat_n[c] >= kOwnCategory) {
      pools.category_of[c] = static_cast<int>(pools.category_names.size());
      pools.category_names.push_back(log.categories[c]);
    }
  const int other_category = static_cast<int>(pools.category_names.size());
  pools.category_names.push_back("other");
  for (int& c : pools.category_of)
    if (c < 0) c = other_category;
  pools.group_of.assign(log.groups.size(), -1);
  for (std::size_t g = 0; g < log.groups.size(); ++g)
    if (first_group_n[g] >= kOwnGroup) {
      pools.group_of[g] = static_cast<int>(pools.group_names.size());
      pools.group_names.push_back(log.groups[g]);
    }
  const int other_group = static_cast<int>(pools.group_names.size());
  pools.group_names.push_back("other-groups");
  for (int& g : pools.group_of)
    if (g < 0) g = other_group;
  auto category = [&](const Incident* i) {
    return pools.category_of[i->category < 0 ? log.categories.size() : static_cast<std::size_t>(i->category)];
  };
  const std::size_t nc = pools.category_names.size(), ng = pools.group_names.size();

  // ---- arrivals ----
  const ArrivalFit arrivals = fit_arrivals(fit, first_day, last_day);
  const double per_month = arrivals.incidents_per_hour * 730.5;
  const unsigned users = options.users > 0 ? options.users : static_cast<unsigned>(std::max(1.0, std::round(per_month)));
  const std::string from = format_day(first_day), until = format_day(last_day);
  out << "# Calibrated by `desksim calibrate` from " << options.source << ": the " << fit.size()
      << " incidents opened " << from << " to " << until << " (" << log.rows << " event rows in the file).\n"
      << "# Every number below says where it came from. [log] = computed from those incidents.\n"
      << "name: " << text_format_quoted("calibrated-" + from + "-to-" + until) << "\n"
      << "description: " << text_format_quoted("Fitted to " + options.source + ", incidents opened " + from + " to " + until) << "\n"
      << "run {\n  start_date: " << text_format_quoted(from) << "\n"
      << "  horizon_hours: " << (last_day - first_day + 1) * 24 << "   # the fit window\n"
      << "  replications: 10\n}\n";
  std::string excluded;
  for (const DayCount& d : arrivals.days)
    if (d.excluded) excluded += format_day(d.day) + " (" + std::to_string(d.count) + " vs " + num(d.expected, 4) + ") ";
  summary << "arrivals: " << num(arrivals.incidents_per_hour * 24, 5) << " incidents/day on average over the week; "
          << "weekday mean " << num(arrivals.weekday_mean, 5) << ", day-factor cv " << num(arrivals.day_factor_cv, 3)
          << "\nexcluded days (below " << kAnomalousShare << " x the median of their weekday): "
          << (excluded.empty() ? "none" : excluded) << "\n";
  out << "demand {\n"
      << "  # Level [log]: mean incidents per hour over the week = " << num(arrivals.incidents_per_hour, 5)
      << ", i.e. " << num(per_month, 6) << " a month (730.5 h); " << users << " users"
      << (options.users ? " (--users)" : " (default: one incident per user per month)") << ".\n"
      << "  population {\n    segments {\n      name: \"users\"\n      users: " << users
      << "\n      incidents_per_user_per_month: " << num(per_month / users, 8)
      << "   # [log] level / users\n      channel_mix { name: \"portal\" weight: 1 }   # not in the log; the desk is bypassed\n"
      << "    }\n  }\n"
      << "  # Hour-of-week profile [log]: mean incidents opened in each hour of the week over the days kept\n"
      << "  # (a day is excluded when it has fewer than " << kAnomalousShare
      << " x the median of its weekday in the window: " << (excluded.empty() ? "none" : excluded) << ").\n"
      << "  hour_of_week_weights: [\n";
  for (int w = 0; w < 7; ++w) {
    std::vector<double> row(arrivals.weights.begin() + w * 24, arrivals.weights.begin() + w * 24 + 24);
    std::string r = list(row, 5);
    out << "    " << r.substr(1, r.size() - 2) << (w < 6 ? "," : "") << "  # " << std::string("MonTueWedThuFriSatSun").substr(w * 3, 3) << "\n";
  }
  out << "  ]\n"
      << "  # Gamma day factor [log]: weekday counts of the " << arrivals.weekdays_kept << " weekdays kept, mean "
      << num(arrivals.weekday_mean, 5) << ", variance " << num(arrivals.weekday_variance, 5)
      << "; cv = sqrt((var - mean) / mean^2).\n"
      << "  day_factor_cv: " << num(arrivals.day_factor_cv, 4) << "\n";
  for (const DayCount& d : arrivals.days)
    if (d.excluded)
      out << "  date_factors { date: " << text_format_quoted(format_day(d.day)) << " factor: " << num(d.count / std::max(d.expected, 1e-9), 4)
          << " }   # [log] excluded day: " << d.count << " opened against " << num(d.expected, 4) << " expected\n";

  // ---- categories: share, priority mix, cancellation ----
  std::vector<std::size_t> per_cat(nc, 0);
  std::vector<std::array<double, 4>> prio(nc, std::array<double, 4>{});
  std::array<double, 4> prio_all{};
  std::vector<double> cancel_delays;
  for (const Incident* i : fit) {
    const int c = category(i);
    ++per_cat[c];
    if (i->priority >= 1) prio[c][i->priority - 1] += 1, prio_all[i->priority - 1] += 1;
    if (i->cancelled && i->closed) cancel_delays.push_back((*i->closed - i->opened) / 60.0);
  }
  const double cancel_p = cancel_delays.size() / n;
  for (std::size_t c = 0; c < nc; ++c) {
    const bool own = per_cat[c] >= kOwnMix;
    const auto& mix = own ? prio[c] : prio_all;
    const double total = mix[0] + mix[1] + mix[2] + mix[3];
    out << "  categories {\n    name: " << text_format_quoted(pools.category_names[c]) << "\n    weight: " << per_cat[c]
        << "   # [log] incidents opened" << (c == nc - 1 ? " (categories with fewer than " + std::to_string(kOwnCategory) + ", and none)" : "")
        << "\n    priority_probabilities: "
        << list({mix[0] / total, mix[1] / total, mix[2] / total, mix[3] / total}, 5) << "   # [log] final priority, "
        << (own ? "this category" : "all incidents (fewer than " + std::to_string(kOwnMix) + " here)") << "\n";
    if (cancel_p > 0) {
      std::sort(cancel_delays.begin(), cancel_delays.end());
      out << "    cancel_probability: " << num(cancel_p, 5) << "   # [log] " << cancel_delays.size()
          << " closed without resolution, all categories together (too few for each)\n"
          << "    cancel_after_hours { " << (cancel_delays.size() >= kOwnDuration ? quantile_points(cancel_delays).text()
                                                                                    : "deterministic { value: " + num(cancel_delays[cancel_delays.size() / 2], 5) + " }")
          << " }   # [log] opened to closed, median when few\n";
    }
    out << "    impact_probabilities: [0, 1, 0]   # unused: the priority mix is given\n"
        << "    urgency_probabilities: [0, 1, 0]\n  }\n";
  }
  out << "}\n";

  // ---- desk, lifecycle ----
  std::vector<double> close_delays;
  for (const Incident* i : fit)
    if (i->resolved && i->closed && *i->closed >= *i->resolved) close_delays.push_back((*i->closed - *i->resolved) / 60.0);
  const double auto_close = close_delays.empty() ? 120.0 : sample_quantile(&close_delays, 0.5);
  out << "desk {\n  # The log has no level-1 contact: every category is raised straight into its first group\n"
      << "  # (bypass_desk), so this desk only has to exist.\n  agents: 1\n  supplier: \"service\"\n"
      << "  channels { name: \"portal\" handle_time_minutes { deterministic { value: 1 } } }\n"
      << "  resolver { }\n  lifecycle {\n    auto_close_hours: " << num(auto_close, 5)
      << "   # [log] median resolved -> closed over " << close_delays.size() << " incidents (an auto-close rule)\n  }\n}\n";

  // ---- SLA: per priority the time-to-resolve quantile at the made_sla share ----
  out << "# SLA [log]: per priority, the time-to-resolve quantile at the share of incidents with made_sla true, so\n"
      << "# that the same share of simulated tickets meets it. Wall-clock, 24x7, no pauses: the quantile is of\n"
      << "# wall-clock time. Response targets are not in the log (the desk is bypassed): 60 min, unused.\n"
      << "slas {\n  supplier: \"service\"\n";
  for (int p = 1; p <= 4; ++p) {
    std::vector<double> times;
    double made = 0, known = 0;
    for (const Incident* i : fit) {
      if (i->priority != p || !i->resolved || i->made_sla < 0) continue;
      times.push_back(i->resolve_hours());
      known += 1, made += i->made_sla;
    }
    const double share = known > 0 ? made / known : 0.5;
    const double target = std::max(0.01, times.empty() ? 24.0 : sample_quantile(&times, share));
    out << "  targets { priority: " << p << " response_minutes: 60 resolution_hours: " << num(target, 5) << " }   # made_sla "
        << num(100 * share, 4) << "% of " << known << "\n";
    summary << "SLA P" << p << ": made_sla " << num(100 * share, 4) << "% of " << known << " -> target " << num(target, 4) << " h\n";
  }
  out << "}\n";

  // ---- resolver network ----
  // First visits that resolved the incident, first visits that handed it on, and later visits (back
  // to a group): a group holds a ticket it passes on for a different time than one it resolves.
  std::vector<std::vector<double>> first_work(ng), handover_work(ng), later_work(ng), waits(ng * kWaitKinds);
  std::vector<double> all_first, all_handover, all_later;
  std::vector<std::array<double, kWaitKinds>> entered(ng, std::array<double, kWaitKinds>{});
  std::vector<double> visits(ng, 0);
  std::vector<std::vector<double>> all_waits(kWaitKinds);
  std::vector<std::vector<double>> route(nc, std::vector<double>(ng, 0));
  std::vector<std::vector<double>> reassign(nc, std::vector<double>(kMaxReassignments + 1, 0));
  std::vector<double> reassign_all(kMaxReassignments + 1, 0);
  for (const Incident* i : fit) {
    const int c = category(i);
    route[c][pools.group_of[i->visits.front().group]] += 1;
    const int k = std::min(i->reassignment_count, kMaxReassignments);
    reassign[c][k] += 1, reassign_all[k] += 1;
    if (!i->resolved) continue;  // cancelled: its visits never ended in a resolution
    for (const GroupVisit& v : i->visits) {
      const int g = pools.group_of[v.group];
      const double w = v.work_minutes() / 60.0;
      const bool last = &v == &i->visits.back();
      (v.later_visit ? later_work[g] : last ? first_work[g] : handover_work[g]).push_back(w);
      (v.later_visit ? all_later : last ? all_first : all_handover).push_back(w);
      visits[g] += 1;
      for (std::size_t s = 0; s < kWaitKinds; ++s)
        if (v.entered[s]) {
          entered[g][s] += 1;
          waits[g * kWaitKinds + s].push_back(v.wait_minutes[s] / 60.0);
          all_waits[s].push_back(v.wait_minutes[s] / 60.0);
        }
    }
  }
  out << "resolver_network {\n  suppliers {\n    name: \"service\"\n    tower: INFRASTRUCTURE\n"
      << "    # Clocks run in every state: the SLA targets are wall-clock quantiles.\n"
      << "    sla_pauses_waiting_on_user: false\n    sla_pauses_waiting_on_vendor: false\n    sla_pauses_waiting_on_change: false\n  }\n";
  const char* kStates[] = {"WAITING_ON_USER", "WAITING_ON_VENDOR", "WAITING_ON_CHANGE"};
  for (std::size_t g = 0; g < ng; ++g) {
    out << "  groups {\n    name: " << text_format_quoted(slug(pools.group_names[g])) << "   # [log] assignment_group "
        << text_format_quoted(pools.group_names[g]) << (g == ng - 1 ? " (groups first assigned fewer than " + std::to_string(kOwnGroup) + " incidents)" : "")
        << "\n    supplier: \"service\"\n    level: LEVEL_2\n"
        << "    servers: 100000   # ample: the log's time in a group includes its queueing, fitted below as work\n";
    const bool own = first_work[g].size() >= kOwnDuration;
    const QuantilePoints w = quantile_points(own ? first_work[g] : all_first);
    out << "    # Work per visit [log]: time with the group from arriving to resolving, waits excluded, first\n"
        << "    # visits that resolved the incident, " << (own ? "this group" : "all groups") << ": n " << w.n << ", mean "
        << num(w.sample_mean, 4) << " h (this law " << num(w.mean(), 4) << " h).\n    work_hours { " << w.text() << " }\n";
    const bool own_handover = handover_work[g].size() >= kOwnDuration;
    if (own_handover || !all_handover.empty()) {
      const QuantilePoints h = quantile_points(own_handover ? handover_work[g] : all_handover);
      out << "    # First visits that handed the incident on (the count is drawn per route) [log], "
          << (own_handover ? "this group" : "all groups") << ": n " << h.n << ", mean " << num(h.sample_mean, 4)
          << " h.\n    handover_work_hours { " << h.text() << " }\n";
    }
    const bool own_later = later_work[g].size() >= kOwnDuration;
    const QuantilePoints l = quantile_points(own_later ? later_work[g] : all_later);
    out << "    # Later visits (back to this group) [log], " << (own_later ? "this group" : "all groups") << ": n " << l.n
        << ", mean " << num(l.sample_mean, 4) << " h.\n    later_visit_work_hours { " << l.text() << " }\n";
    double sum_p = 0;
    for (std::size_t s = 0; s < kWaitKinds; ++s) sum_p += visits[g] > 0 ? entered[g][s] / visits[g] : 0;
    const double scale = sum_p > 1 ? 1 / sum_p : 1;  // a visit enters at most one state in the model
    for (std::size_t s = 0; s < kWaitKinds; ++s) {
      const double p = visits[g] > 0 ? entered[g][s] / visits[g] * scale : 0;
      if (p <= 0) continue;
      const auto& sample = waits[g * kWaitKinds + s];
      const bool own_wait = sample.size() >= kOwnDuration;
      const QuantilePoints d = quantile_points(own_wait ? sample : all_waits[s]);
      out << "    waiting {   # [log] " << entered[g][s] << " of " << visits[g] << " visits entered " << kWaitNames[s]
          << "; hours in it per visit, " << (own_wait ? "this group" : "all groups") << ": n " << d.n << ", mean "
          << num(d.sample_mean, 4) << "\n      state: " << kStates[s] << " probability: " << num(p, 5)
          << "\n      duration_hours { " << d.text() << " }\n    }\n";
    }
    out << "  }\n";
  }
  for (std::size_t c = 0; c < nc; ++c) {
    const bool own = per_cat[c] >= kOwnMix;
    out << "  routes {\n    category: " << text_format_quoted(pools.category_names[c]) << "\n    bypass_desk: true\n"
        << "    # First assignment group [log]: share of this category's incidents whose first group it is\n"
        << "    # (groups under " << kRouteShareFloor * 100 << "% go to other-groups, which every route keeps so that a\n"
        << "    # reassignment always has somewhere to go).\n";
    std::vector<double> share(ng, 0);
    double total = 0;
    for (double x : route[c]) total += x;
    for (std::size_t g = 0; g < ng; ++g) {
      const double s = total > 0 ? route[c][g] / total : 0;
      if (s >= kRouteShareFloor && g != ng - 1) share[g] += s;
      else share[ng - 1] += s;
    }
    if (share[ng - 1] < kRouteShareFloor) share[ng - 1] = kRouteShareFloor;
    // A reassignment needs a second group: a route of other-groups alone also gets the busiest group.
    if (std::count_if(share.begin(), share.end(), [](double x) { return x > 0; }) < 2) {
      std::size_t busiest = 0;
      for (std::size_t g = 0; g + 1 < ng; ++g)
        if (visits[g] > visits[busiest]) busiest = g;
      if (busiest + 1 < ng) share[busiest] += kRouteShareFloor;
    }
    double sum = 0;
    for (double s : share) sum += s;
    for (std::size_t g = 0; g < ng; ++g)
      if (share[g] > 0)
        out << "    groups { group: " << text_format_quoted(slug(pools.group_names[g])) << " probability: " << num(share[g] / sum, 5) << " }\n";
    const auto& counts = own ? reassign[c] : reassign_all;
    double tot = 0;
    for (double x : counts) tot += x;
    std::vector<double> probs;
    for (double x : counts) probs.push_back(x / tot);
    while (probs.size() > 1 && probs.back() == 0) probs.pop_back();
    out << "    # Reassignments [log]: final reassignment_count (" << kMaxReassignments << "+ folded into "
        << kMaxReassignments << "), " << (own ? "this category" : "all incidents") << "\n"
        << "    reassignment_count_probabilities: " << list(probs, 5) << "\n  }\n";
  }
  out << "}\n";
  summary << "categories: " << nc << " (" << kOwnCategory << "+ incidents, rest pooled), groups: " << ng << " ("
          << kOwnGroup << "+ first visits, rest pooled), cancelled " << cancel_delays.size() << ", auto-close "
          << num(auto_close, 4) << " h\n";
  return {out.str(), summary.str()};
}

}  // namespace desksim::models::calibration
