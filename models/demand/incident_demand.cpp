#include "models/demand/incident_demand.hpp"

#include <string>

#include "sim/random/distribution.hpp"

namespace desksim::models {

namespace {
sim::RandomStream stream(std::uint64_t seed, std::uint64_t replication, const std::string& name) {
  return sim::RandomStream(seed, replication, sim::stream_id_for(name));
}
}  // namespace

sim::PiecewisePoissonOptions IncidentDemand::arrival_options(const ServiceDeskConfig& config) {
  sim::PiecewisePoissonOptions o;
  o.bin_seconds = sim::kSecondsPerHour;
  o.rates_per_second.resize(kHoursPerWeek);
  for (std::size_t h = 0; h < kHoursPerWeek; ++h) o.rates_per_second[h] = config.rate_per_second_in_hour(h);
  o.cycle_offset_seconds = config.hour_of_week_offset_seconds();
  o.factor_period_seconds = sim::kSecondsPerDay;
  o.factor_cv = config.day_factor_cv;
  if (!config.date_factors.empty() || !config.levels.empty() || config.trend_per_second != 0) {
    // The level of each day, at its middle (a trend is applied as a step per day).
    o.period_level = [&config](std::int64_t day) {
      return config.rate_factor_at((static_cast<double>(day) + 0.5) * sim::kSecondsPerDay);
    };
  }
  return o;
}

IncidentDemand::IncidentDemand(sim::EventKernel& kernel, const ServiceDeskConfig& config, const Population& population,
                               ServiceFlow& desk, std::uint64_t seed, std::uint64_t replication)
    : kernel_(kernel),
      config_(&config),
      population_(population),
      desk_(desk),
      arrival_(kernel.add_handler(this, "demand.arrival")),
      arrival_lane_(kernel.add_lane()),
      arrivals_(arrival_options(config), stream(seed, replication, "demand.arrivals"),
                stream(seed, replication, "demand.day_factor")),
      who_(stream(seed, replication, "demand.who")),
      channel_(stream(seed, replication, "demand.channel")),
      category_(stream(seed, replication, "demand.category")),
      impact_urgency_(stream(seed, replication, "demand.impact_urgency")),
      handle_time_{stream(seed, replication, "desk.handle_time.phone"), stream(seed, replication, "desk.handle_time.portal"),
                   stream(seed, replication, "desk.handle_time.email"), stream(seed, replication, "desk.handle_time.walk_in")} {
  build_segment_choice();
}

// Which segment raises an arrival in each hour of the week: in proportion to its rate then.
void IncidentDemand::build_segment_choice() {
  const ServiceDeskConfig& config = *config_;
  segment_cumulative_by_hour_.assign(kHoursPerWeek, {});
  for (std::size_t h = 0; h < kHoursPerWeek; ++h) {
    auto& cum = segment_cumulative_by_hour_[h];
    const double total = config.rate_per_second_in_hour(h);
    double running = 0.0;
    for (const auto& s : config.segments) {
      running += s.mean_rate_per_second * s.weight_by_hour[h];
      cum.push_back(total > 0 ? running / total : 1.0);
    }
    cum.back() = 1.0;
  }
}

void IncidentDemand::start(sim::Time horizon) {
  arrivals_.set_end(horizon);
  const sim::Time first = arrivals_.next_after(kernel_.now());
  if (first < std::numeric_limits<sim::Time>::infinity()) kernel_.schedule_at(first, arrival_, 0, arrival_lane_);
}

void IncidentDemand::reconfigure(const ServiceDeskConfig& config) {
  config_ = &config;
  build_segment_choice();
  arrivals_.set_options(arrival_options(config));
  ++generation_;
  const sim::Time now = kernel_.now();
  const sim::Time next = arrivals_.next_after(now);
  if (next < std::numeric_limits<sim::Time>::infinity()) kernel_.schedule_at(next, arrival_, generation_, arrival_lane_);
}

void IncidentDemand::on_event(sim::Time now, std::uint64_t generation) {
  if (generation != generation_) return;  // sought under a configuration no longer in force
  const std::size_t hour = arrivals_.bin_at(now);
  const std::size_t segment = sim::sample_discrete(who_, segment_cumulative_by_hour_[hour]);
  const auto n = population_.users_in(segment);
  const auto user = population_.first_user(segment) +
                    std::min<std::uint32_t>(n - 1, static_cast<std::uint32_t>(who_.uniform() * n));
  const auto channel = static_cast<std::uint8_t>(sim::sample_discrete(channel_, config_->segments[segment].channel_cumulative));
  const auto category = static_cast<std::uint16_t>(sim::sample_discrete(category_, config_->category_cumulative));
  const CategoryConfig& cat = config_->categories[category];
  std::uint8_t priority;
  if (!cat.priority_cumulative.empty()) {
    priority = static_cast<std::uint8_t>(1 + sim::sample_discrete(impact_urgency_, cat.priority_cumulative));
  } else {
    const std::size_t impact = sim::sample_discrete(impact_urgency_, cat.impact_cumulative);
    const std::size_t urgency = sim::sample_discrete(impact_urgency_, cat.urgency_cumulative);
    priority = config_->priority_matrix[3 * impact + urgency];
  }
  const sim::Time work = config_->channels[channel].handle_time.sample(handle_time_[channel]);
  desk_.raise(user, category, priority, channel, work);
  const sim::Time next = arrivals_.next_after(now);
  if (next < std::numeric_limits<sim::Time>::infinity()) kernel_.schedule_at(next, arrival_, generation_, arrival_lane_);
}

}  // namespace desksim::models
