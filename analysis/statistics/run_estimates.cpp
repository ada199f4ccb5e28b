#include "analysis/statistics/run_estimates.hpp"

#include <cstdio>
#include <map>

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
  auto add = [&](const std::string& name, double value) {
    auto [it, inserted] = index.emplace(name, metrics.size());
    if (inserted) metrics.push_back(MetricSamples{name, {}, {}});
    metrics[it->second].values.push_back(value);
    metrics[it->second].replications.push_back(replication);
  };
  for (; replication < run.replications_size(); ++replication) {
    const auto& r = run.replications(replication);
    for (const auto& c : r.counters()) add(c.name(), static_cast<double>(c.value()));
    for (const auto& t : r.tallies()) {
      if (t.count() == 0) continue;
      add(t.name() + ".mean", t.mean());
      if (t.proportion()) continue;  // a share: its quantiles mean nothing
      add(t.name() + ".p50", t.p50());
      add(t.name() + ".p90", t.p90());
      add(t.name() + ".p95", t.p95());
      add(t.name() + ".p99", t.p99());
      for (const auto& f : t.fractions()) add(threshold_name(t.name(), f.at_most()), f.fraction());
    }
    for (const auto& a : r.time_averages()) add(a.name() + ".mean", a.mean());
    for (const auto& s : r.scalars()) add(s.name(), s.value());
  }
  return metrics;
}

void add_estimates(results::RunResult* run, double confidence) {
  run->clear_estimates();
  for (const MetricSamples& m : collect_metric_samples(*run)) {
    const Estimate e = estimate_mean(m.values, confidence);
    auto* out = run->add_estimates();
    out->set_name(m.name);
    out->set_n(static_cast<std::uint32_t>(e.n));
    out->set_mean(e.mean);
    out->set_stddev(e.n > 1 ? e.stddev : 0.0);
    out->set_ci_low(e.n > 1 ? e.low : e.mean);
    out->set_ci_high(e.n > 1 ? e.high : e.mean);
    out->set_confidence(confidence);
  }
}

const results::MetricEstimate* find_estimate(const results::RunResult& run, const std::string& name) {
  for (const auto& e : run.estimates())
    if (e.name() == name) return &e;
  return nullptr;
}

}  // namespace desksim::analysis
