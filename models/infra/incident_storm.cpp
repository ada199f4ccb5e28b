#include "models/infra/incident_storm.hpp"

namespace desksim::models {

IncidentStorm::IncidentStorm(sim::EventKernel& kernel, sim::SignalBus& signals, IncidentSink* sink,
                             IncidentStormOptions options, std::uint64_t seed, std::uint64_t replication,
                             std::uint64_t* next_incident_id)
    : kernel_(kernel),
      signals_(signals),
      sink_(sink),
      options_(std::move(options)),
      candidate_(kernel.add_handler(this, "storm." + options_.service_name)),
      major_signal_(signals.declare("service." + options_.service_name + ".major_incident", "1", "a major incident opened for an outage")),
      raised_signal_(signals.declare("storm." + options_.service_name + ".raised", "1", "a storm incident raised")),
      closed_signal_(signals.declare("storm." + options_.service_name + ".closed_with_parent", "1", "a storm incident closed with its major incident")),
      arrivals_(seed, replication, sim::stream_id_for("storm." + options_.service_name + ".arrivals")),
      work_(seed, replication, sim::stream_id_for("storm." + options_.service_name + ".handle_time")),
      next_incident_id_(next_incident_id) {}

void IncidentStorm::outage_started(sim::Time now) {
  if (generation_ % 2 == 1) return;  // already in an outage
  ++generation_;
  outage_start_ = now;
  ++major_incidents_;
  raised_times_.clear();
  signals_.emit(major_signal_, now, 1.0);
  bound_ = options_.intensity.peak();
  if (bound_ > 0) schedule_next(now);
}

void IncidentStorm::outage_ended(sim::Time now) {
  if (generation_ % 2 == 0) return;
  ++generation_;  // pending candidates of this outage become stale
  for (sim::Time raised : raised_times_) signals_.emit(closed_signal_, now, now - raised);
  if (sink_ != nullptr) sink_->major_incident_resolved(options_.service_index, major_incidents_, now);
}

void IncidentStorm::schedule_next(sim::Time from) {
  if (!(bound_ > 0)) return;
  kernel_.schedule_at(from + sim::sample_exponential(arrivals_, 1.0 / bound_), candidate_, generation_);
}

void IncidentStorm::on_event(sim::Time now, std::uint64_t payload) {
  if (payload != generation_) return;  // candidate of an outage that has ended
  ++candidates_;
  const double t = now - outage_start_;
  const double rate = options_.intensity.rate(t);
  // One uniform per candidate, always, so the stream stays aligned whatever the outcome.
  if (arrivals_.uniform() * bound_ < rate) {
    const StormIncident incident{(*next_incident_id_)++, now, options_.work.sample(work_), options_.service_index,
                                 major_incidents_};
    raised_times_.push_back(now);
    ++raised_total_;
    signals_.emit(raised_signal_, now, 1.0);
    if (sink_ != nullptr) sink_->raise_incident(incident);
  }
  if (t >= options_.intensity.peak_time()) bound_ = rate;  // non-increasing from here on
  schedule_next(now);
}

}  // namespace desksim::models
