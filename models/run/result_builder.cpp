#include "models/run/result_builder.hpp"

#include <cmath>

#include "sim/kernel/time.hpp"

namespace desksim::models {

namespace {

void fill_tally(const std::string& name, const sim::Tally& tally, bool proportion, results::TallySummary* out) {
  out->set_name(name);
  out->set_count(tally.count());
  out->set_proportion(proportion);
  if (tally.count() == 0) return;  // all other fields stay 0: nothing was observed
  out->set_mean(tally.mean());
  out->set_stddev(tally.count() > 1 ? tally.stddev() : 0.0);
  out->set_min(tally.min());
  out->set_max(tally.max());
  if (proportion) return;
  out->set_mean_only(!tally.keeps_distribution());
  if (tally.keeps_distribution()) {
    out->set_p25(tally.quantile(0.25));
    out->set_p50(tally.quantile(0.5));
    out->set_p75(tally.quantile(0.75));
    out->set_p90(tally.quantile(0.9));
    out->set_p95(tally.quantile(0.95));
    out->set_p99(tally.quantile(0.99));
  }
  const std::vector<double> thresholds = tally.thresholds();
  for (std::size_t i = 0; i < thresholds.size(); ++i) {
    auto* f = out->add_fractions();
    f->set_at_most(thresholds[i]);
    f->set_fraction(tally.fraction_at_most(i));
  }
}

// A series over calendar periods: bounds in hours, labels, and the counts behind means.
void fill_uneven_series(const std::string& name, const sim::StatisticSpec& spec, const char* aggregate,
                        const sim::UnevenPeriods& periods, const std::vector<double>& values,
                        const std::vector<std::uint64_t>* counts, results::PeriodSeries* out) {
  out->set_name(name);
  out->set_aggregate(aggregate);
  const auto& b = periods.bounds();
  out->set_period_hours(sim::to_hours(b.back() - b.front()) / static_cast<double>(periods.size()));
  for (double x : b) out->add_period_bounds_hours(sim::to_hours(x));
  for (double v : values) out->add_values(std::isfinite(v) ? v : 0.0);
  if (counts)
    for (std::uint64_t c : *counts) out->add_counts(c);
  for (const auto& label : spec.period_labels) out->add_period_labels(label);
}

}  // namespace

void fill_profile(const std::string& name, const sim::CycleBins& bins, const std::vector<double>& values,
                  const std::vector<double>& exposure_seconds, results::CycleProfile* out) {
  out->set_name(name);
  out->set_cycle_hours(sim::to_hours(bins.cycle_length()));
  out->set_bin_hours(sim::to_hours(bins.bin_length()));
  // A bin the measured window never covered (a window shorter than the cycle) has no average: it is
  // reported as 0 with exposure 0, not as the NaN of 0/0.
  for (std::size_t b = 0; b < values.size(); ++b) {
    const bool covered = b < exposure_seconds.size() && exposure_seconds[b] > 0;
    out->add_values(covered && std::isfinite(values[b]) ? values[b] : 0.0);
  }
  for (double e : exposure_seconds) out->add_exposure_hours(sim::to_hours(e));
}

void set_replication_header(const sim::EventKernel& kernel, const sim::StatisticsRecorder& recorder,
                            std::uint64_t seed, unsigned replication, sim::Time end, results::ReplicationResult* out) {
  out->set_replication(replication);
  out->set_seed(seed);
  out->set_fingerprint(kernel.fingerprint());
  out->set_events(kernel.events_processed());
  out->set_simulated_hours(sim::to_hours(end));
  out->set_measured_from_hours(sim::to_hours(recorder.measuring_since()));
}

void add_recorded_statistics(const sim::StatisticsRecorder& recorder, sim::Time end, results::ReplicationResult* out) {
  using Kind = sim::StatisticSpec::Kind;
  for (const auto& r : recorder.recorded()) {
    const std::string& name = r.spec->output_name;
    if (r.spec->headline) {
      const bool counted = r.spec->kind == Kind::kCount;
      if (counted || r.spec->kind == Kind::kTally || r.spec->kind == Kind::kProportion || r.spec->kind == Kind::kTimeAverage)
        out->add_headline_metrics(counted ? name : name + ".mean");
    }
    switch (r.spec->kind) {
      case Kind::kTally: fill_tally(name, *r.tally, false, out->add_tallies()); break;
      case Kind::kProportion: fill_tally(name, *r.tally, true, out->add_tallies()); break;
      case Kind::kTimeAverage: {
        auto* t = out->add_time_averages();
        t->set_name(name);
        t->set_mean(r.time_average->mean(end));
        t->set_max(r.time_average->max());
        break;
      }
      case Kind::kCount: {
        auto* c = out->add_counters();
        c->set_name(name);
        c->set_value(r.count);
        break;
      }
      case Kind::kSumPerPeriod:
        if (r.series) {
          auto* s = out->add_series();
          s->set_name(name);
          s->set_period_hours(sim::to_hours(r.series->period()));
          for (double v : r.series->values()) s->add_values(v);
        } else {
          const std::vector<std::uint64_t> counts = r.period_sums->counts();
          fill_uneven_series(name, *r.spec, "sum", r.period_sums->periods(), r.period_sums->sums(), &counts,
                             out->add_series());
        }
        break;
      case Kind::kMeanPerPeriod: {
        const std::vector<std::uint64_t> counts = r.period_sums->counts();
        fill_uneven_series(name, *r.spec, "mean", r.period_sums->periods(), r.period_sums->means(), &counts,
                           out->add_series());
        break;
      }
      case Kind::kTimeAveragePerPeriod:
        fill_uneven_series(name, *r.spec, "time-average", r.period_average->periods(), r.period_average->averages(end),
                           nullptr, out->add_series());
        break;
      case Kind::kSumPerCycleBin: {
        const sim::CycleBins& bins = r.cycle_sums->bins();
        fill_profile(name, bins, r.cycle_sums->sums(), bins.exposure(recorder.measuring_since(), end),
                     out->add_profiles());
        break;
      }
      case Kind::kTimeAveragePerCycleBin: {
        const sim::CycleBins& bins = r.cycle_average->bins();
        fill_profile(name, bins, r.cycle_average->averages(end),
                     bins.exposure(r.cycle_average->window_start(), end), out->add_profiles());
        break;
      }
    }
  }
}

}  // namespace desksim::models
