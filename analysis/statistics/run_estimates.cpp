#include "analysis/statistics/run_estimates.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "analysis/statistics/metric_units.hpp"
#include "analysis/statistics/replication_statistics.hpp"

namespace desksim::analysis {

namespace {

std::string threshold_name(const std::string& tally, double at_most) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, ".fraction_le_%g", at_most);
  return tally + buffer;
}

}  // namespace

std::vector<MetricSamples> collect_metric_samples(const results::RunResult& run) {
  std::vector<MetricSamples> metrics;
  std::map<std::string, std::size_t> index;
  int replication = 0;
  auto add = [&](const std::string& name, double value, MetricKind kind) {
    auto [it, inserted] = index.emplace(name, metrics.size());
    if (inserted) metrics.push_back(MetricSamples{name, {}, {}, kind, {}});
    MetricSamples& m = metrics[it->second];
    m.values.push_back(value);
    m.replications.push_back(replication);
    // A tally whose observations went negative in any replication is real, whatever the others said.
    if (kind == MetricKind::kReal) m.kind = MetricKind::kReal;
  };
  for (; replication < run.replications_size(); ++replication) {
    const auto& r = run.replications(replication);
    for (const auto& c : r.counters()) add(c.name(), static_cast<double>(c.value()), MetricKind::kNonNegative);
    for (const auto& t : r.tallies()) {
      if (t.count() == 0) continue;
      if (t.proportion()) {
        add(t.name() + ".mean", t.mean(), MetricKind::kShare);
        continue;  // a share: its quantiles mean nothing
      }
      const MetricKind kind = t.min() >= 0.0 ? MetricKind::kNonNegative : MetricKind::kReal;
      add(t.name() + ".mean", t.mean(), kind);
      if (!t.mean_only()) {
        add(t.name() + ".p25", t.p25(), kind);
        add(t.name() + ".p50", t.p50(), kind);
        add(t.name() + ".p75", t.p75(), kind);
        add(t.name() + ".p90", t.p90(), kind);
        add(t.name() + ".p95", t.p95(), kind);
        add(t.name() + ".p99", t.p99(), kind);
      }
      for (const auto& f : t.fractions()) add(threshold_name(t.name(), f.at_most()), f.fraction(), MetricKind::kShare);
    }
    for (const auto& a : r.time_averages()) add(a.name() + ".mean", a.mean(), time_average_kind(a.name()));
    for (const auto& s : r.scalars()) add(s.name(), s.value(), scalar_kind(s.name()));
  }
  for (MetricSamples& m : metrics) {
    m.kind = fitted_kind(m.kind, m.values);
    m.unit = unit_of(m.name, m.kind);
  }
  // Headline figures are those the models declared, in any replication.
  std::set<std::string> headlines;
  for (const auto& r : run.replications()) headlines.insert(r.headline_metrics().begin(), r.headline_metrics().end());
  for (MetricSamples& m : metrics) m.headline = headlines.count(m.name) > 0;
  return metrics;
}

std::vector<MetricSamples> collect_monthly_samples(const results::RunResult& run) {
  std::vector<MetricSamples> metrics;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (int replication = 0; replication < run.replications_size(); ++replication) {
    for (const auto& s : run.replications(replication).series()) {
      if (s.period_labels_size() != s.values_size()) continue;  // daily series have no labels
      const bool mean = s.aggregate() == "mean";
      // Every monthly measure is a count, level, mean time, amount or share: never negative.
      const MetricKind kind = scalar_kind(s.name()) == MetricKind::kShare ? MetricKind::kShare : MetricKind::kNonNegative;
      for (int k = 0; k < s.values_size(); ++k) {
        if (mean && (k >= s.counts_size() || s.counts(k) == 0)) continue;  // nothing observed that month
        auto [it, inserted] = index.emplace(std::make_pair(s.name(), s.period_labels(k)), metrics.size());
        if (inserted) metrics.push_back(MetricSamples{s.name(), {}, {}, kind, unit_of(s.name(), kind), s.period_labels(k)});
        MetricSamples& m = metrics[it->second];
        m.values.push_back(s.values(k));
        m.replications.push_back(replication);
      }
    }
  }
  return metrics;
}

namespace {

void fill_estimate(const MetricSamples& m, double confidence, results::MetricEstimate* out) {
  const Estimate e = estimate_mean(m.values, confidence);
  const Interval interval = interval_for(m.kind, m.values, confidence);
  out->set_name(m.name);
  out->set_period(m.period);
  out->set_n(static_cast<std::uint32_t>(e.n));
  out->set_mean(e.mean);
  out->set_stddev(e.n > 1 ? e.stddev : 0.0);
  out->set_ci_low(interval.low);
  out->set_ci_high(interval.high);
  out->set_confidence(confidence);
  out->set_method(std::string(interval.method));
  out->set_kind(std::string(kind_name(m.kind)));
  out->set_unit(m.unit);
  out->set_headline(m.headline);
}

}  // namespace

void add_estimates(results::RunResult* run, double confidence) {
  run->clear_estimates();
  for (const MetricSamples& m : collect_metric_samples(*run)) fill_estimate(m, confidence, run->add_estimates());
  run->clear_monthly_estimates();
  for (const MetricSamples& m : collect_monthly_samples(*run)) fill_estimate(m, confidence, run->add_monthly_estimates());
}

const results::MetricEstimate* find_estimate(const results::RunResult& run, const std::string& name) {
  for (const auto& e : run.estimates())
    if (e.name() == name) return &e;
  return nullptr;
}

}  // namespace desksim::analysis
