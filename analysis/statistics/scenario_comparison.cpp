#include "analysis/statistics/scenario_comparison.hpp"

#include <map>
#include <vector>

#include "analysis/statistics/replication_statistics.hpp"
#include "analysis/statistics/run_estimates.hpp"

namespace desksim::analysis {

namespace {

// One paired difference per metric (and month) both runs have, in the base's order.
void pair_samples(const std::vector<MetricSamples>& base_metrics, std::vector<MetricSamples> alternative_metrics,
                  double confidence, google::protobuf::RepeatedPtrField<results::MetricDifference>* out) {
  std::map<std::pair<std::string, std::string>, MetricSamples> alternative_samples;
  for (auto& m : alternative_metrics) alternative_samples.emplace(std::make_pair(m.name, m.period), std::move(m));
  out->Clear();
  for (const MetricSamples& m : base_metrics) {
    const auto it = alternative_samples.find(std::make_pair(m.name, m.period));
    if (it == alternative_samples.end()) continue;
    // Pairs are the replications in which both runs observed the metric; both means are taken over
    // those same replications, so that difference_mean = alternative_mean - base_mean.
    std::vector<double> base_values, alternative_values;
    const MetricSamples& alt = it->second;
    for (std::size_t i = 0, j = 0; i < m.replications.size() && j < alt.replications.size();) {
      if (m.replications[i] < alt.replications[j]) {
        ++i;
      } else if (alt.replications[j] < m.replications[i]) {
        ++j;
      } else {
        base_values.push_back(m.values[i++]);
        alternative_values.push_back(alt.values[j++]);
      }
    }
    if (base_values.empty()) continue;
    const Estimate d = estimate_paired_difference(base_values, alternative_values, confidence);
    const Estimate a = estimate_mean(base_values, confidence), b = estimate_mean(alternative_values, confidence);
    auto* diff = out->Add();
    diff->set_name(m.name);
    diff->set_period(m.period);
    diff->set_n(static_cast<std::uint32_t>(d.n));
    diff->set_base_mean(a.mean);
    diff->set_alternative_mean(b.mean);
    diff->set_difference_mean(d.mean);
    diff->set_ci_low(d.n > 1 ? d.low : d.mean);
    diff->set_ci_high(d.n > 1 ? d.high : d.mean);
    diff->set_confidence(confidence);
    diff->set_significant(d.n > 1 && (d.low > 0 || d.high < 0));
    // Differences can take either sign, so the paired Student-t interval needs no transformation.
    diff->set_method(d.n > 1 ? "paired-t" : "none");
    diff->set_unit(m.unit);
    diff->set_headline(m.headline);
  }
}

}  // namespace

bool compare_runs(results::Comparison* out, double confidence, std::string* error) {
  const auto& base = out->base();
  const auto& alternative = out->alternative();
  if (base.replications_size() != alternative.replications_size() || base.seed() != alternative.seed()) {
    if (error)
      *error = "cannot pair the runs: " + std::to_string(base.replications_size()) + " replications with seed " +
               std::to_string(base.seed()) + " against " + std::to_string(alternative.replications_size()) +
               " with seed " + std::to_string(alternative.seed());
    return false;
  }
  pair_samples(collect_metric_samples(base), collect_metric_samples(alternative), confidence, out->mutable_differences());
  pair_samples(collect_monthly_samples(base), collect_monthly_samples(alternative), confidence,
               out->mutable_monthly_differences());
  return true;
}

}  // namespace desksim::analysis
