#include "models/desk/desk_statistics.hpp"

#include "sim/kernel/time.hpp"

namespace desksim::models {

std::vector<sim::StatisticSpec> desk_statistics(double service_level_seconds) {
  using Kind = sim::StatisticSpec::Kind;
  constexpr double to_hours = 1.0 / sim::kSecondsPerHour;
  std::vector<sim::StatisticSpec> specs = {
      {"desk.wait", Kind::kTally, "desk.wait_hours", to_hours, {0.0, service_level_seconds * to_hours}},
      {"desk.sojourn", Kind::kTally, "desk.sojourn_hours", to_hours, {}},
      {"desk.queue_length", Kind::kTimeAverage, "desk.queue_length", 1.0, {}},
      {"desk.busy_agents", Kind::kTimeAverage, "desk.busy_agents", 1.0, {}},
      {"tickets.raised", Kind::kCount, "desk.raised", 1.0, {}},
      {"tickets.resolved", Kind::kCount, "desk.resolved", 1.0, {}},
      {"tickets.raised", Kind::kSumPerPeriod, "desk.raised_per_day", 1.0, {}, sim::kSecondsPerDay},
      {"tickets.resolved", Kind::kSumPerPeriod, "desk.resolved_per_day", 1.0, {}, sim::kSecondsPerDay},
  };
  // Headline figures: the wait, the queue, the busy agents and the counts.
  for (auto& spec : specs) spec.headline = spec.kind != Kind::kSumPerPeriod && spec.output_name != "desk.sojourn_hours";
  return specs;
}

}  // namespace desksim::models
