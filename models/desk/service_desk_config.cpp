#include "models/desk/service_desk_config.hpp"

#include <algorithm>
#include <limits>
#include <cmath>

#include "models/scenario/calendar_date.hpp"
#include "models/scenario/distribution_conversion.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

std::vector<double> cumulative(const std::vector<double>& weights) {
  std::vector<double> out(weights.size());
  double total = 0.0;
  for (double w : weights) total += w;
  double running = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    running += weights[i];
    out[i] = running / total;
  }
  if (!out.empty()) out.back() = 1.0;
  return out;
}

namespace {

/// Weights of a mix over `names` (empty mix = evenly).
std::vector<double> mix_weights(const google::protobuf::RepeatedPtrField<scenario::Share>& mix,
                                const std::vector<std::string>& names) {
  std::vector<double> w(names.size(), mix.empty() ? 1.0 : 0.0);
  for (const auto& share : mix) {
    const auto it = std::find(names.begin(), names.end(), share.name());
    if (it != names.end()) w[static_cast<std::size_t>(it - names.begin())] += share.weight();
  }
  return w;
}

std::vector<double> normalised_profile(const google::protobuf::RepeatedField<double>& own,
                                       const google::protobuf::RepeatedField<double>& fallback) {
  const auto& source = own.empty() ? fallback : own;
  std::vector<double> w(kHoursPerWeek, 1.0);
  if (source.size() == static_cast<int>(kHoursPerWeek)) {
    double total = 0.0;
    for (double x : source) total += x;
    for (std::size_t h = 0; h < kHoursPerWeek; ++h) w[h] = source[static_cast<int>(h)] * kHoursPerWeek / total;
  }
  return w;
}

sim::Distribution seconds_from_minutes(const scenario::Distribution& d) { return to_sim_distribution(d, sim::kSecondsPerMinute); }
sim::Distribution seconds_from_hours(const scenario::Distribution& d) { return to_sim_distribution(d, sim::kSecondsPerHour); }

}  // namespace

int channel_index(const std::string& name) {
  for (std::size_t i = 0; i < kChannels; ++i)
    if (name == kChannelNames[i]) return static_cast<int>(i);
  return -1;
}

std::uint32_t ServiceDeskConfig::agents_at(double t) const {
  if (roster.empty()) return constant_agents;
  const auto half_hours = static_cast<long long>(std::floor((t + hour_of_week_offset_seconds()) / 1800.0));
  return roster[static_cast<std::size_t>(half_hours % static_cast<long long>(kHalfHoursPerWeek))];
}

std::uint32_t ServiceDeskConfig::max_agents() const {
  if (roster.empty()) return constant_agents;
  return *std::max_element(roster.begin(), roster.end());
}

double ServiceDeskConfig::rate_per_second_in_hour(std::size_t hour) const {
  double rate = 0.0;
  for (const auto& s : segments) rate += s.mean_rate_per_second * s.weight_by_hour[hour];
  return rate;
}

double ServiceDeskConfig::rate_factor_at(double t) const {
  const auto day = static_cast<std::int64_t>(std::floor(t / sim::kSecondsPerDay));
  double factor = 1.0 + trend_per_second * t;
  for (const auto& d : date_factors)
    if (day >= d.first_day && day < d.end_day) factor *= d.factor;
  for (const auto& l : levels)
    if (day >= l.first_day && day < l.end_day) factor *= l.factor;
  return factor;
}

bool uses_service_desk_model(const scenario::Scenario& scenario) {
  return scenario.has_demand() && scenario.demand().has_population();
}

namespace {

void set_start(const scenario::Scenario& s, ServiceDeskConfig* c) {
  if (s.run().max_open_tickets() > 0) c->max_open_tickets = s.run().max_open_tickets();
  const std::string start = s.run().start_date().empty() ? kDefaultStartDate : s.run().start_date();
  c->start_day = parse_date(start).value_or(0);
  c->start_weekday = weekday_of_day_number(c->start_day);
}

}  // namespace

ServiceDeskConfig make_service_desk_config(const scenario::Scenario& s) {
  ServiceDeskConfig c;
  set_start(s, &c);

  const auto& demand = s.demand();
  const auto& population = demand.population();
  for (const auto& site : population.sites()) c.sites.push_back(site.name());
  if (c.sites.empty()) c.sites.push_back("all");
  for (const auto& device : population.device_profiles()) c.devices.push_back(device.name());
  if (c.devices.empty()) c.devices.push_back("standard");
  std::vector<std::string> channel_names(kChannelNames.begin(), kChannelNames.end());
  for (const auto& seg : population.segments()) {
    SegmentConfig out;
    out.name = seg.name();
    out.users = seg.users();
    out.mean_rate_per_second = seg.users() * seg.incidents_per_user_per_month() / sim::kSecondsPerAverageMonth;
    out.weight_by_hour = normalised_profile(seg.hour_of_week_weights(), demand.hour_of_week_weights());
    out.site_cumulative = cumulative(mix_weights(seg.site_mix(), c.sites));
    out.device_cumulative = cumulative(mix_weights(seg.device_mix(), c.devices));
    out.channel_cumulative = cumulative(mix_weights(seg.channel_mix(), channel_names));
    c.segments.push_back(std::move(out));
  }
  c.day_factor_cv = demand.day_factor_cv();
  for (const auto& f : demand.date_factors())
    if (auto day = parse_date(f.date())) c.date_factors.push_back({*day - c.start_day, *day - c.start_day + 1, f.factor()});
  for (int k = 0; k < demand.level_changes_size(); ++k) {
    const auto day = parse_date(demand.level_changes(k).from_date());
    if (!day) continue;
    RateFactorDays level{*day - c.start_day, std::numeric_limits<std::int64_t>::max(), demand.level_changes(k).level()};
    if (!c.levels.empty()) c.levels.back().end_day = level.first_day;
    c.levels.push_back(level);
  }
  c.trend_per_second = demand.trend_percent_per_year() / 100.0 / (365.25 * sim::kSecondsPerDay);
  std::vector<double> category_weights;
  for (const auto& cat : demand.categories()) {
    CategoryConfig out;
    out.name = cat.name();
    out.impact_cumulative = cumulative({cat.impact_probabilities().begin(), cat.impact_probabilities().end()});
    out.urgency_cumulative = cumulative({cat.urgency_probabilities().begin(), cat.urgency_probabilities().end()});
    out.fcr_probability = cat.first_contact_resolution_probability();
    if (cat.priority_probabilities_size() == 4)
      out.priority_cumulative = cumulative({cat.priority_probabilities().begin(), cat.priority_probabilities().end()});
    out.cancel_probability = cat.cancel_probability();
    if (cat.has_cancel_after_hours()) out.cancel_after = seconds_from_hours(cat.cancel_after_hours());
    c.categories.push_back(std::move(out));
    category_weights.push_back(cat.weight());
  }
  c.category_cumulative = cumulative(category_weights);

  const auto& desk = s.desk();
  static constexpr std::array<std::uint8_t, 9> kItilMatrix = {1, 2, 3, 2, 3, 4, 3, 4, 4};
  c.priority_matrix = kItilMatrix;
  if (desk.priority_matrix_size() == 9)
    for (int i = 0; i < 9; ++i) c.priority_matrix[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(desk.priority_matrix(i));
  for (const auto& ch : desk.channels()) {
    const int i = channel_index(ch.name());
    if (i < 0) continue;
    ChannelConfig& out = c.channels[static_cast<std::size_t>(i)];
    out.configured = true;
    out.live = i == kPhone || i == kWalkIn;
    out.handle_time = seconds_from_minutes(ch.handle_time_minutes());
    out.has_patience = ch.has_patience_minutes();
    if (out.has_patience) out.patience = seconds_from_minutes(ch.patience_minutes());
    out.redial_probability = ch.redial_probability();
    if (ch.has_redial_delay_minutes()) out.redial_delay = seconds_from_minutes(ch.redial_delay_minutes());
    out.callback_offer_queue_length = ch.callback_offer_queue_length();
    out.callback_acceptance_probability = ch.callback_acceptance_probability();
  }
  c.live_contacts_first = desk.live_contacts_first();
  c.roster.assign(desk.roster_agents_per_half_hour().begin(), desk.roster_agents_per_half_hour().end());
  c.constant_agents = desk.agents();
  if (desk.service_level_threshold_seconds() > 0) c.service_level_seconds = desk.service_level_threshold_seconds();

  c.resolved_elsewhere = seconds_from_hours(desk.resolver().resolved_elsewhere_hours());
  c.pending_user_probability = desk.resolver().pending_user_probability();
  if (desk.resolver().has_pending_user_hours()) c.pending_user = seconds_from_hours(desk.resolver().pending_user_hours());
  if (desk.lifecycle().auto_close_hours() > 0) c.auto_close_seconds = sim::hours(desk.lifecycle().auto_close_hours());
  c.reopen_probability = desk.lifecycle().reopen_probability();
  if (desk.lifecycle().has_reopen_after_hours()) c.reopen_after = seconds_from_hours(desk.lifecycle().reopen_after_hours());

  c.supplier = desk.supplier();
  c.calendars.push_back(sim::WorkingCalendar::always());
  c.calendar_names.push_back("24x7");
  for (const auto& cal : s.calendars()) {
    std::vector<sim::WorkingInterval> week;
    for (const auto& wd : cal.working_days())
      week.push_back({static_cast<int>(wd.weekday()) - 1, sim::hours(wd.start_hour()), sim::hours(wd.end_hour())});
    std::vector<std::int64_t> holidays;
    for (const auto& h : cal.holidays())
      if (auto day = parse_date(h)) holidays.push_back(*day - c.start_day);
    c.calendars.emplace_back(std::move(week), std::move(holidays), c.start_weekday);
    c.calendar_names.push_back(cal.name());
  }
  for (const auto& sla : s.slas()) {
    if (sla.supplier() != c.supplier) continue;
    for (const auto& t : sla.targets()) {
      SlaTargetConfig& out = c.sla[t.priority() - 1];
      out.response_seconds = sim::minutes(t.response_minutes());
      out.resolution_seconds = sim::hours(t.resolution_hours());
      const std::string name = t.calendar().empty() ? "24x7" : t.calendar();
      const auto it = std::find(c.calendar_names.begin(), c.calendar_names.end(), name);
      out.calendar = it == c.calendar_names.end() ? 0 : static_cast<std::size_t>(it - c.calendar_names.begin());
    }
  }
  return c;
}

ServiceDeskConfig make_simple_desk_config(const scenario::Scenario& s) {
  ServiceDeskConfig c;
  set_start(s, &c);
  c.sites = {"all"};
  c.devices = {"standard"};
  CategoryConfig all;
  all.name = "all";
  all.impact_cumulative = all.urgency_cumulative = {1.0, 1.0, 1.0};
  all.priority_cumulative = {0.0, 0.0, 0.0, 1.0};
  all.fcr_probability = 1.0;
  c.categories.push_back(all);
  c.category_cumulative = {1.0};
  ChannelConfig& phone = c.channels[kPhone];
  phone.configured = true;
  phone.live = true;
  if (s.desk().has_handle_time_minutes()) phone.handle_time = seconds_from_minutes(s.desk().handle_time_minutes());
  c.constant_agents = s.desk().agents();
  if (s.desk().service_level_threshold_seconds() > 0) c.service_level_seconds = s.desk().service_level_threshold_seconds();
  c.auto_close_seconds = 0.0;
  c.sla_clocks = false;
  c.calendars.push_back(sim::WorkingCalendar::always());
  c.calendar_names.push_back("24x7");
  return c;
}

}  // namespace desksim::models
