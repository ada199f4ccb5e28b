#pragma once
// Declares which statistics are recorded from which signals, apart from the models that emit them.
//
// A model emits values on named signals; a list of StatisticSpec says what to make of each: a tally
// of the values, a time-average of a level, a count, or sums per period (per day). Tallies, time
// averages and counts cover the measured window only (they restart at `start_measuring`, the end of
// the warm-up); per-period series cover the whole run so that the warm-up stays visible.
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "sim/kernel/signal_bus.hpp"
#include "sim/stats/cycle_profile.hpp"
#include "sim/stats/period_series.hpp"
#include "sim/stats/tally.hpp"
#include "sim/stats/time_weighted.hpp"
#include "sim/stats/uneven_periods.hpp"

namespace desksim::sim {

struct StatisticSpec {
  enum class Kind {
    kTally,          ///< every emitted value is an observation
    kProportion,     ///< every emitted value is a 0/1 indicator (answered in time, resolved at first
                     ///< contact): the mean is the share; quantiles mean nothing and are not reported
    kTimeAverage,    ///< the emitted value is the new level of a piecewise-constant quantity
    kCount,          ///< number of emissions in the measured window
    kSumPerPeriod,   ///< sum of emitted values per period, over the whole run
    kMeanPerPeriod,         ///< mean of emitted values per period of `period_bounds`, over the whole run
    kTimeAveragePerPeriod,  ///< time average of a level per period of `period_bounds`, over the whole run
    kSumPerCycleBin,          ///< sum of emitted values per bin of a repeating cycle (measured window)
    kTimeAveragePerCycleBin,  ///< time average of a level per bin of a repeating cycle (measured window)
  };
  /// Signal to listen to, e.g. "desk.wait".
  std::string signal;
  Kind kind = Kind::kTally;
  /// Name in the results, e.g. "desk.wait_hours"; defaults to the signal name.
  std::string output_name;
  /// Values are multiplied by this before recording (unit conversion, e.g. seconds -> hours).
  double scale = 1.0;
  /// kTally: report the share of observations <= each threshold (in the scaled unit).
  std::vector<double> thresholds;
  /// kSumPerPeriod: period length in seconds.
  double period_seconds = 86400.0;
  /// kSumPerPeriod, kMeanPerPeriod, kTimeAveragePerPeriod: periods of uneven length (calendar months)
  /// as increasing bounds in seconds, and a label per period ("2025-03"). Required for the last two;
  /// for kSumPerPeriod they replace `period_seconds` when given.
  std::vector<double> period_bounds{};
  std::vector<std::string> period_labels{};
  /// kSumPerCycleBin, kTimeAveragePerCycleBin: number of bins, bin length (seconds) and position in
  /// the cycle at time 0 (seconds), e.g. 168, 3600 and the start's hour of week * 3600.
  std::size_t cycle_bins = 168;
  double cycle_bin_seconds = 3600.0;
  double cycle_offset_seconds = 0.0;
  /// kTally: keep the distribution for quantiles; false keeps the mean, spread and extremes only.
  bool quantiles = true;
  /// A headline figure (its mean, or its count): what summaries and comparisons show by default.
  bool headline = false;
  /// kTally, kProportion: the output names of statistics whose observations together are exactly
  /// this one's, because every value emitted on `signal` is also emitted on the signal of exactly
  /// one of them (a ticket's figure overall and the same figure for its priority). The statistic is
  /// then made from theirs when read instead of being updated at each emission: the same count,
  /// extremes, threshold shares and quantiles, the moments up to rounding, at the cost of a count per
  /// emission, which checks the claim (recorded() throws std::logic_error when the counts differ).
  /// Each must be another statistic of the same kind, scale, thresholds and `quantiles`, itself
  /// recorded from its signal; the constructor throws std::invalid_argument naming the one that is not.
  std::vector<std::string> union_of{};
};

class StatisticsRecorder final : public SignalListener {
 public:
  /// Subscribes to every signal named in `specs`; each must have been declared by a model (so build
  /// the models first). Throws std::invalid_argument naming an undeclared one. The bus must outlive
  /// the recorder's use.
  StatisticsRecorder(SignalBus& bus, std::vector<StatisticSpec> specs, Time start_time = 0.0);

  void receive(SignalId signal, Time now, double value) override;
  void receive_each(std::span<const SignalId> signals, Time now, double value) override;

  /// Ends the warm-up: tallies, time averages and counts restart at `now`.
  void start_measuring(Time now);
  Time measuring_since() const { return measuring_since_; }

  struct Recorded {
    const StatisticSpec* spec;
    const Tally* tally;                 // kTally
    const TimeWeighted* time_average;   // kTimeAverage
    std::uint64_t count;                // kCount
    const PeriodSeries* series;         // kSumPerPeriod with a fixed period
    const PeriodAccumulator* period_sums;      // kSumPerPeriod with bounds, kMeanPerPeriod
    const PeriodTimeAverage* period_average;   // kTimeAveragePerPeriod
    const CycleSums* cycle_sums;        // kSumPerCycleBin
    const CycleTimeAverage* cycle_average;  // kTimeAveragePerCycleBin
  };
  /// Everything recorded, in the order of the specs. Makes each `union_of` statistic from its parts
  /// (again at each call), and throws std::logic_error naming one whose parts miss values of its
  /// signal or count some twice.
  std::vector<Recorded> recorded() const;

 private:
  struct Slot {
    StatisticSpec spec;
    Tally* tally = nullptr;  // in tallies_
    std::unique_ptr<TimeWeighted> time_average;
    std::uint64_t count = 0;
    std::unique_ptr<PeriodSeries> series;
    std::unique_ptr<PeriodAccumulator> period_sums;
    std::unique_ptr<PeriodTimeAverage> period_average;
    std::unique_ptr<CycleSums> cycle_sums;
    std::unique_ptr<CycleTimeAverage> cycle_average;
    std::vector<std::size_t> parts;  // union_of, as indices in slots_
    std::uint64_t* emissions = nullptr;  // union_of: the values emitted on the signal, to check the parts
  };
  /// What one emitted value does to one statistic, resolved once so that receive() is a tight loop
  /// over a flat array (it runs for every emission: ten or more per ticket).
  struct Update {
    enum class Op : std::uint8_t { kTally, kIndicator, kTimeAverage, kCount, kSeries, kPeriodSums, kPeriodAverage, kCycleSums,
                                   kCycleAverage };
    Op op;
    double scale;
    void* target;  // the accumulator itself (Tally, TimeWeighted, ...; the count for kCount): one
                   // load from here, not one through the slot, which is cold
  };
  static Update::Op operation(const Slot& slot);
  static void* target(Slot& slot);
  /// Resolves each spec's union_of to its parts, checking that each may be one.
  void find_parts();
  void apply(SignalId signal, Time now, double value);

  std::deque<Tally> tallies_;  // side by side, not one heap block each: a ticket updates dozens of them
  std::deque<std::uint64_t> union_emissions_;  // Slot::emissions, side by side
  std::vector<Slot> slots_;
  std::vector<Update> updates_;  // grouped by signal
  std::vector<std::pair<std::uint32_t, std::uint32_t>> updates_by_signal_;  // [begin, end) in updates_
  Time measuring_since_;
};

}  // namespace desksim::sim
