#include "sim/stats/statistics_recorder.hpp"

#include <algorithm>
#include <stdexcept>

namespace desksim::sim {

void* StatisticsRecorder::target(Slot& slot) {
  if (slot.emissions) return slot.emissions;  // made from its parts: only its values are counted
  if (slot.tally) return slot.tally;
  if (slot.time_average) return slot.time_average.get();
  if (slot.series) return slot.series.get();
  if (slot.period_sums) return slot.period_sums.get();
  if (slot.period_average) return slot.period_average.get();
  if (slot.cycle_sums) return slot.cycle_sums.get();
  if (slot.cycle_average) return slot.cycle_average.get();
  return &slot.count;  // kCount
}

StatisticsRecorder::Update::Op StatisticsRecorder::operation(const Slot& slot) {
  using Op = Update::Op;
  if (slot.emissions) return Op::kCount;
  switch (slot.spec.kind) {
    case StatisticSpec::Kind::kTally: return Op::kTally;
    case StatisticSpec::Kind::kProportion: return Op::kIndicator;
    case StatisticSpec::Kind::kTimeAverage: return Op::kTimeAverage;
    case StatisticSpec::Kind::kCount: return Op::kCount;
    case StatisticSpec::Kind::kSumPerPeriod: return slot.series ? Op::kSeries : Op::kPeriodSums;
    case StatisticSpec::Kind::kMeanPerPeriod: return Op::kPeriodSums;
    case StatisticSpec::Kind::kTimeAveragePerPeriod: return Op::kPeriodAverage;
    case StatisticSpec::Kind::kSumPerCycleBin: return Op::kCycleSums;
    case StatisticSpec::Kind::kTimeAveragePerCycleBin: return Op::kCycleAverage;
  }
  return Op::kCount;  // not reached: every kind is listed
}

StatisticsRecorder::StatisticsRecorder(SignalBus& bus, std::vector<StatisticSpec> specs, Time start_time)
    : measuring_since_(start_time) {
  // Statistics over the same periods (a run's months) share one copy of the bounds.
  std::vector<UnevenPeriods> periods_made;
  auto periods = [&periods_made](const std::vector<double>& bounds) {
    for (const UnevenPeriods& p : periods_made)
      if (p.bounds() == bounds) return p;
    return periods_made.emplace_back(bounds);
  };
  for (auto& spec : specs) {
    Slot slot;
    if (spec.output_name.empty()) spec.output_name = spec.signal;
    switch (spec.kind) {
      case StatisticSpec::Kind::kTally:
        slot.tally = &tallies_.emplace_back(spec.thresholds, spec.quantiles);
        break;
      case StatisticSpec::Kind::kProportion:  // a share: its quantiles mean nothing
        slot.tally = &tallies_.emplace_back(Tally::indicator());
        break;
      case StatisticSpec::Kind::kTimeAverage: slot.time_average = std::make_unique<TimeWeighted>(start_time, 0.0); break;
      case StatisticSpec::Kind::kCount: break;
      case StatisticSpec::Kind::kSumPerPeriod:
        if (spec.period_bounds.empty())
          slot.series = std::make_unique<PeriodSeries>(0.0, spec.period_seconds);
        else
          slot.period_sums = std::make_unique<PeriodAccumulator>(periods(spec.period_bounds));
        break;
      case StatisticSpec::Kind::kMeanPerPeriod:
        slot.period_sums = std::make_unique<PeriodAccumulator>(periods(spec.period_bounds));
        break;
      case StatisticSpec::Kind::kTimeAveragePerPeriod:
        slot.period_average = std::make_unique<PeriodTimeAverage>(periods(spec.period_bounds));
        break;
      case StatisticSpec::Kind::kSumPerCycleBin:
        slot.cycle_sums = std::make_unique<CycleSums>(
            CycleBins(spec.cycle_bins, spec.cycle_bin_seconds, spec.cycle_offset_seconds));
        break;
      case StatisticSpec::Kind::kTimeAveragePerCycleBin:
        slot.cycle_average = std::make_unique<CycleTimeAverage>(
            CycleBins(spec.cycle_bins, spec.cycle_bin_seconds, spec.cycle_offset_seconds), start_time, 0.0);
        break;
    }
    slot.spec = std::move(spec);
    slots_.push_back(std::move(slot));
  }
  find_parts();
  std::vector<std::vector<Update>> by_signal;
  for (Slot& slot : slots_) {
    const SignalId id = bus.declared_signal(slot.spec.signal);  // a misspelt signal is an error here
    if (by_signal.size() <= id) by_signal.resize(id + 1);
    if (by_signal[id].empty()) bus.subscribe(id, this);
    by_signal[id].push_back(Update{operation(slot), slot.spec.scale, target(slot)});
  }
  for (const auto& updates : by_signal) {
    const auto begin = static_cast<std::uint32_t>(updates_.size());
    updates_.insert(updates_.end(), updates.begin(), updates.end());
    updates_by_signal_.emplace_back(begin, static_cast<std::uint32_t>(updates_.size()));
  }
}

void StatisticsRecorder::find_parts() {
  using Kind = StatisticSpec::Kind;
  for (Slot& slot : slots_) {
    const StatisticSpec& spec = slot.spec;
    if (spec.union_of.empty()) continue;
    const std::string where = "statistic \"" + spec.output_name + "\": union_of ";
    if (spec.kind != Kind::kTally && spec.kind != Kind::kProportion)
      throw std::invalid_argument(where + "is for tallies and proportions only");
    for (const std::string& name : spec.union_of) {
      const auto part = std::find_if(slots_.begin(), slots_.end(),
                                     [&name](const Slot& s) { return s.spec.output_name == name; });
      const std::string about = where + "names \"" + name + "\", ";
      if (part == slots_.end()) throw std::invalid_argument(about + "which no statistic is called");
      const StatisticSpec& p = part->spec;
      if (&*part == &slot || p.signal == spec.signal)
        throw std::invalid_argument(about + "which is recorded from the same signal");
      if (!p.union_of.empty()) throw std::invalid_argument(about + "which is itself a union");
      if (p.kind != spec.kind) throw std::invalid_argument(about + "which is of another kind");
      if (p.scale != spec.scale) throw std::invalid_argument(about + "which has another scale");
      if (p.thresholds != spec.thresholds) throw std::invalid_argument(about + "which has other thresholds");
      if (p.quantiles != spec.quantiles) throw std::invalid_argument(about + "which keeps quantiles differently");
      const auto index = static_cast<std::size_t>(part - slots_.begin());
      if (std::find(slot.parts.begin(), slot.parts.end(), index) != slot.parts.end())
        throw std::invalid_argument(about + "twice");
      slot.parts.push_back(index);
    }
    slot.emissions = &union_emissions_.emplace_back(0);
  }
}

inline void StatisticsRecorder::apply(SignalId signal, Time now, double value) {
  // receive_each may pass signals this recorder does not record (the bus hands over a whole group).
  if (signal >= updates_by_signal_.size()) return;
  const auto [begin, end] = updates_by_signal_[signal];
  for (std::uint32_t u = begin; u < end; ++u) {
    const Update& update = updates_[u];
    const double v = value * update.scale;
    switch (update.op) {
      case Update::Op::kTally: static_cast<Tally*>(update.target)->add(v); break;
      case Update::Op::kIndicator: static_cast<Tally*>(update.target)->add_indicator(v); break;
      case Update::Op::kTimeAverage: static_cast<TimeWeighted*>(update.target)->update(now, v); break;
      case Update::Op::kCount: ++*static_cast<std::uint64_t*>(update.target); break;
      case Update::Op::kSeries: static_cast<PeriodSeries*>(update.target)->add(now, v); break;
      case Update::Op::kPeriodSums: static_cast<PeriodAccumulator*>(update.target)->add(now, v); break;
      case Update::Op::kPeriodAverage: static_cast<PeriodTimeAverage*>(update.target)->update(now, v); break;
      case Update::Op::kCycleSums:
        if (now >= measuring_since_) static_cast<CycleSums*>(update.target)->add(now, v);
        break;
      case Update::Op::kCycleAverage: static_cast<CycleTimeAverage*>(update.target)->update(now, v); break;
    }
  }
}

void StatisticsRecorder::receive(SignalId signal, Time now, double value) { apply(signal, now, value); }

void StatisticsRecorder::receive_each(std::span<const SignalId> signals, Time now, double value) {
  for (SignalId signal : signals) apply(signal, now, value);
}

void StatisticsRecorder::start_measuring(Time now) {
  measuring_since_ = now;
  for (Slot& s : slots_) {
    if (s.tally) s.tally->reset();
    if (s.time_average) s.time_average->reset(now);
    if (s.cycle_sums) s.cycle_sums->reset();
    if (s.cycle_average) s.cycle_average->reset(now);
    if (s.emissions) *s.emissions = 0;
    s.count = 0;
  }
}

std::vector<StatisticsRecorder::Recorded> StatisticsRecorder::recorded() const {
  // A union's tally is a function of its parts, made here; its slot's pointer allows it.
  for (const Slot& s : slots_) {
    if (s.parts.empty()) continue;
    s.tally->reset();
    for (std::size_t part : s.parts) s.tally->merge(*slots_[part].tally);
    if (s.tally->count() != *s.emissions)
      throw std::logic_error("statistic \"" + s.spec.output_name + "\" is declared the union of " +
                             std::to_string(s.parts.size()) + " statistics, but its signal \"" + s.spec.signal +
                             "\" had " + std::to_string(*s.emissions) + " values and they have " +
                             std::to_string(s.tally->count()) +
                             ": a model emits on it without emitting on exactly one of theirs");
  }
  std::vector<Recorded> out;
  out.reserve(slots_.size());
  for (const Slot& s : slots_)
    out.push_back(Recorded{&s.spec, s.tally, s.time_average.get(), s.count, s.series.get(), s.period_sums.get(),
                           s.period_average.get(), s.cycle_sums.get(), s.cycle_average.get()});
  return out;
}

}  // namespace desksim::sim
