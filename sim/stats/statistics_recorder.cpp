#include "sim/stats/statistics_recorder.hpp"

namespace desksim::sim {

StatisticsRecorder::StatisticsRecorder(SignalBus& bus, std::vector<StatisticSpec> specs, Time start_time)
    : measuring_since_(start_time) {
  for (auto& spec : specs) {
    Slot slot;
    if (spec.output_name.empty()) spec.output_name = spec.signal;
    switch (spec.kind) {
      case StatisticSpec::Kind::kTally:
      case StatisticSpec::Kind::kProportion:  // a share: its quantiles mean nothing
        slot.tally = std::make_unique<Tally>(spec.thresholds, spec.kind == StatisticSpec::Kind::kTally && spec.quantiles);
        break;
      case StatisticSpec::Kind::kTimeAverage: slot.time_average = std::make_unique<TimeWeighted>(start_time, 0.0); break;
      case StatisticSpec::Kind::kCount: break;
      case StatisticSpec::Kind::kSumPerPeriod:
        if (spec.period_bounds.empty())
          slot.series = std::make_unique<PeriodSeries>(0.0, spec.period_seconds);
        else
          slot.period_sums = std::make_unique<PeriodAccumulator>(UnevenPeriods(spec.period_bounds));
        break;
      case StatisticSpec::Kind::kMeanPerPeriod:
        slot.period_sums = std::make_unique<PeriodAccumulator>(UnevenPeriods(spec.period_bounds));
        break;
      case StatisticSpec::Kind::kTimeAveragePerPeriod:
        slot.period_average = std::make_unique<PeriodTimeAverage>(UnevenPeriods(spec.period_bounds));
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
  for (Slot& slot : slots_) {
    const SignalId id = bus.declared_signal(slot.spec.signal);  // a misspelt signal is an error here
    if (slots_by_signal_.size() <= id) slots_by_signal_.resize(id + 1);
    if (slots_by_signal_[id].empty()) bus.subscribe(id, this);
    slots_by_signal_[id].push_back(&slot);
  }
}

void StatisticsRecorder::receive(SignalId signal, Time now, double value) {
  for (Slot* slot : slots_by_signal_[signal]) {
    Slot& s = *slot;
    const double v = value * s.spec.scale;
    switch (s.spec.kind) {
      case StatisticSpec::Kind::kTally:
      case StatisticSpec::Kind::kProportion: s.tally->add(v); break;
      case StatisticSpec::Kind::kTimeAverage: s.time_average->update(now, v); break;
      case StatisticSpec::Kind::kCount: ++s.count; break;
      case StatisticSpec::Kind::kSumPerPeriod:
        if (s.series)
          s.series->add(now, v);
        else
          s.period_sums->add(now, v);
        break;
      case StatisticSpec::Kind::kMeanPerPeriod: s.period_sums->add(now, v); break;
      case StatisticSpec::Kind::kTimeAveragePerPeriod: s.period_average->update(now, v); break;
      case StatisticSpec::Kind::kSumPerCycleBin:
        if (now >= measuring_since_) s.cycle_sums->add(now, v);
        break;
      case StatisticSpec::Kind::kTimeAveragePerCycleBin: s.cycle_average->update(now, v); break;
    }
  }
}

void StatisticsRecorder::start_measuring(Time now) {
  measuring_since_ = now;
  for (Slot& s : slots_) {
    if (s.tally) s.tally->reset();
    if (s.time_average) s.time_average->reset(now);
    if (s.cycle_sums) s.cycle_sums->reset();
    if (s.cycle_average) s.cycle_average->reset(now);
    s.count = 0;
  }
}

std::vector<StatisticsRecorder::Recorded> StatisticsRecorder::recorded() const {
  std::vector<Recorded> out;
  out.reserve(slots_.size());
  for (const Slot& s : slots_)
    out.push_back(Recorded{&s.spec, s.tally.get(), s.time_average.get(), s.count, s.series.get(), s.period_sums.get(),
                           s.period_average.get(), s.cycle_sums.get(), s.cycle_average.get()});
  return out;
}

}  // namespace desksim::sim
