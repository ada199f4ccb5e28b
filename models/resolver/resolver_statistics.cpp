#include "models/resolver/resolver_statistics.hpp"

#include <string>
#include <utility>

#include "models/desk/service_desk_statistics.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

std::vector<sim::StatisticSpec> resolver_statistics(const ServiceDeskConfig& desk, const ResolverNetworkConfig& config) {
  using Kind = sim::StatisticSpec::Kind;
  constexpr double to_hours = 1.0 / sim::kSecondsPerHour;
  std::vector<std::string> priorities = {""};
  for (std::size_t p = 1; p <= kPriorities; ++p) priorities.push_back(".P" + std::to_string(p));
  const char* buckets[4] = {"0", "1", "2", "3plus"};

  std::vector<sim::StatisticSpec> specs;
  auto count = [&specs](const std::string& signal, const std::string& output) {
    specs.push_back({signal, Kind::kCount, output, 1.0, {}});
  };
  for (const std::string& p : priorities)
    for (const char* b : buckets) count(std::string("tickets.reassignments_") + b + p, std::string("tickets.reassignments_") + b + p);
  specs.push_back({"tickets.network_time", Kind::kTally, "tickets.network_hours", to_hours, {}});
  specs.back().headline = true;
  specs.push_back({"tickets.visits", Kind::kTally, "tickets.visits", 1.0, {}});
  specs.push_back({"resolver.handoff_time", Kind::kTally, "resolver.handoff_hours", to_hours, {}});
  count("breach.caused_by.desk", "breach.caused_by.desk");
  count("breach.caused_by.handoff", "breach.caused_by.handoff");

  for (const auto& s : config.suppliers) {
    const std::string base = "supplier." + s.name + ".";
    count("breach.caused_by." + s.name + ".queue", "breach.caused_by." + s.name + ".queue");
    count("breach.caused_by." + s.name + ".work", "breach.caused_by." + s.name + ".work");
    count("breach.caused_by." + s.name + ".waiting", "breach.caused_by." + s.name + ".waiting");
    for (const std::string& p : priorities) {
      static const std::pair<const char*, const char*> kCounts[] = {
          {"handoff_in", "handoffs_in"},       {"handoff_out", "handoffs_out"},     {"chase", "chases"},
          {"ola_escalation", "ola_escalations"}, {"escalation_l3", "escalations_l3"}, {"reassignment", "reassignments"},
          {"misroute", "misroutes"},
          {"response_breach", "response_breaches"}, {"resolution_breach", "resolution_breaches"}};
      for (const auto& [signal, output] : kCounts) count(base + signal + p, base + output + p);
      // Overall, each is made from the per-priority ones rather than updated with each ticket.
      auto overall = [&specs, &p] {
        if (p.empty()) specs.back().union_of = per_priority(specs.back().output_name);
      };
      specs.push_back({base + "response_met" + p, Kind::kProportion, base + "response_attainment" + p, 1.0, {}});
      specs.back().headline = p.empty();  // each supplier's own attainment, overall
      overall();
      specs.push_back({base + "resolution_met" + p, Kind::kProportion, base + "resolution_attainment" + p, 1.0, {}});
      specs.back().headline = p.empty();
      overall();
      specs.push_back({base + "resolution_time" + p, Kind::kTally, base + "resolution_hours" + p, to_hours, {}});
      overall();
      specs.push_back({base + "time_held" + p, Kind::kTally, base + "time_held_hours" + p, to_hours, {}});
      overall();
      if (p.empty())  // per supplier overall; the per-priority quantiles are tickets.resolve_hours.P<k>
        specs.push_back({base + "resolve_time", Kind::kTally, base + "resolve_hours", to_hours, {}});
      for (const char* b : buckets) count(base + "reassignments_" + b + p, base + "reassignments_" + b + p);
    }
  }

  for (const auto& g : config.groups) {
    const std::string base = "group." + g.name + ".";
    count(base + "visit", base + "visits");
    count(base + "chase", base + "chases");
    count(base + "ola_escalation", base + "ola_escalations");
    count(base + "waiting", base + "waits");
    specs.push_back({base + "wait", Kind::kTally, base + "wait_hours", to_hours, {}});
    specs.push_back({base + "sojourn", Kind::kTally, base + "sojourn_hours", to_hours, {}});
    for (const char* level : {"queue_length", "busy", "on_duty", "rostered"})
      specs.push_back({base + level, Kind::kTimeAverage, base + level, 1.0, {}});
    for (const char* level : {"busy", "on_duty"}) {
      sim::StatisticSpec by_hour{base + level, Kind::kTimeAveragePerCycleBin, base + level + "_by_hour_of_week", 1.0, {}};
      by_hour.cycle_bins = kHoursPerWeek;
      by_hour.cycle_bin_seconds = sim::kSecondsPerHour;
      by_hour.cycle_offset_seconds = desk.hour_of_week_offset_seconds();
      specs.push_back(by_hour);
    }
  }
  return specs;
}

}  // namespace desksim::models
