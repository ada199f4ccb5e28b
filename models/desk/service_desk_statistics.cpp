#include "models/desk/service_desk_statistics.hpp"

#include <algorithm>
#include <string>

#include "models/ticket/lifecycle.hpp"

#include "sim/kernel/time.hpp"

namespace desksim::models {

std::vector<std::string> per_priority(const std::string& output_name) {
  std::vector<std::string> parts;
  for (std::size_t p = 1; p <= kPriorities; ++p) parts.push_back(output_name + ".P" + std::to_string(p));
  return parts;
}

std::vector<sim::StatisticSpec> service_desk_statistics(const ServiceDeskConfig& config) {
  using Kind = sim::StatisticSpec::Kind;
  constexpr double to_hours = 1.0 / sim::kSecondsPerHour;
  std::vector<std::string> groups = {""};
  for (std::size_t p = 1; p <= kPriorities; ++p) groups.push_back(".P" + std::to_string(p));
  for (std::size_t c = 0; c < kChannels; ++c)
    if (config.channels[c].configured) groups.push_back(std::string(".") + kChannelNames[c]);

  std::vector<sim::StatisticSpec> specs;
  const double sl_hours = config.service_level_seconds * to_hours;
  // Headline figures: the overall ones (not per priority or channel). An overall tally is made from
  // the per-priority ones (every ticket has one priority) rather than updated with each ticket.
  auto headline = [&specs](bool is) { specs.back().headline = is; };
  auto overall = [&specs](bool is) {
    if (is) specs.back().union_of = per_priority(specs.back().output_name);
  };
  for (const std::string& g : groups) {
    specs.push_back({"desk.wait" + g, Kind::kTally, "desk.wait_hours" + g, to_hours, {0.0, sl_hours}});
    headline(g.empty());
    overall(g.empty());
    specs.push_back({"desk.abandon" + g, Kind::kProportion, "desk.abandon" + g, 1.0, {}});
    headline(g.empty());
    overall(g.empty());
    specs.push_back({"desk.fcr" + g, Kind::kProportion, "desk.fcr" + g, 1.0, {}});
    headline(g.empty());
    overall(g.empty());
    specs.push_back({"sla.response_met" + g, Kind::kProportion, "sla.response_attainment" + g, 1.0, {}});
    headline(g.empty());
    overall(g.empty());
    specs.push_back({"sla.resolution_met" + g, Kind::kProportion, "sla.resolution_attainment" + g, 1.0, {}});
    headline(g.empty());
    overall(g.empty());
    specs.push_back({"sla.response_breach" + g, Kind::kCount, "sla.response_breaches" + g, 1.0, {}});
    specs.push_back({"sla.resolution_breach" + g, Kind::kCount, "sla.resolution_breaches" + g, 1.0, {}});
  }
  specs.push_back({"desk.queue_time", Kind::kTally, "desk.queue_time_hours", to_hours, {}});
  specs.push_back({"desk.delayed", Kind::kProportion, "desk.delayed", 1.0, {}});
  for (const std::string name :
       {"tickets.raised", "tickets.resolved", "tickets.abandoned", "tickets.reopened", "tickets.closed", "tickets.cancelled"}) {
    specs.push_back({name, Kind::kCount, name, 1.0, {}});
    headline(name != "tickets.reopened" && name != "tickets.closed");
  }
  for (const char* name : {"tickets.raised", "tickets.resolved", "tickets.abandoned", "tickets.cancelled"})
    specs.push_back({name, Kind::kSumPerPeriod, std::string(name) + "_per_day", 1.0, {}, sim::kSecondsPerDay});

  // Wall-clock time to resolve and to close, with the share under each priority's resolution target.
  std::vector<double> targets_hours;
  for (const auto& t : config.sla)
    if (t.resolution_seconds > 0) targets_hours.push_back(t.resolution_seconds * to_hours);
  std::sort(targets_hours.begin(), targets_hours.end());
  targets_hours.erase(std::unique(targets_hours.begin(), targets_hours.end()), targets_hours.end());
  for (std::size_t p = 0; p <= kPriorities; ++p) {
    const std::string suffix = p == 0 ? "" : ".P" + std::to_string(p);
    std::vector<double> thresholds = targets_hours;
    if (p > 0 && config.sla[p - 1].resolution_seconds > 0) thresholds = {config.sla[p - 1].resolution_seconds * to_hours};
    specs.push_back({"tickets.resolve_time" + suffix, Kind::kTally, "tickets.resolve_hours" + suffix, to_hours, thresholds});
    headline(p == 0);
    specs.push_back({"tickets.close_time" + suffix, Kind::kTally, "tickets.close_hours" + suffix, to_hours, {}});
    overall(p == 0);  // (not the resolve times: overall they are counted against every priority's target)
  }
  for (const auto& c : config.categories)
    specs.push_back({"tickets.resolve_time.category." + c.name, Kind::kTally, "tickets.resolve_hours.category." + c.name,
                     to_hours, targets_hours});
  // Time in each lifecycle state a ticket can spend time in, per spell (raised, reopened and the
  // closing states are left at once).
  for (TicketState state : {TicketState::kQueued, TicketState::kAway, TicketState::kInService, TicketState::kWaitingOnUser,
                            TicketState::kWaitingOnVendor, TicketState::kWaitingOnChange, TicketState::kInHandoff,
                            TicketState::kElsewhere, TicketState::kLinked, TicketState::kResolved}) {
    const std::string name(state_name(state));
    sim::StatisticSpec spell{"state." + name, Kind::kTally, "state." + name + "_hours", to_hours, {}};
    spell.quantiles = false;  // the mean time per spell; quantiles of resolve and close times are kept
    specs.push_back(spell);
  }
  for (const char* name : {"desk.queue_length", "desk.busy_agents", "desk.agents_on_duty", "desk.agents_rostered", "tickets.open"}) {
    specs.push_back({name, Kind::kTimeAverage, name, 1.0, {}});
    headline(std::string(name) == "desk.queue_length" || std::string(name) == "tickets.open");
  }

  sim::StatisticSpec by_hour{"tickets.raised", Kind::kSumPerCycleBin, "tickets.raised_by_hour_of_week", 1.0, {}};
  by_hour.cycle_bins = kHoursPerWeek;
  by_hour.cycle_bin_seconds = sim::kSecondsPerHour;
  by_hour.cycle_offset_seconds = config.hour_of_week_offset_seconds();
  specs.push_back(by_hour);
  for (const char* name : {"desk.busy_agents", "desk.agents_on_duty"}) {
    sim::StatisticSpec level = by_hour;
    level.signal = name;
    level.kind = Kind::kTimeAveragePerCycleBin;
    level.output_name = std::string(name) + "_by_hour_of_week";
    specs.push_back(level);
  }
  return specs;
}

}  // namespace desksim::models
