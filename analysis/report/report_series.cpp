#include "analysis/report/report_series.hpp"

#include <algorithm>
#include <map>

namespace desksim::analysis {

std::vector<double> mean_series(const results::RunResult& run, const std::string& name, double* period_hours) {
  std::vector<double> sum;
  std::size_t length = SIZE_MAX;
  int n = 0;
  for (const auto& r : run.replications())
    for (const auto& s : r.series()) {
      if (s.name() != name) continue;
      length = std::min<std::size_t>(length, static_cast<std::size_t>(s.values_size()));
      sum.resize(std::max<std::size_t>(sum.size(), static_cast<std::size_t>(s.values_size())), 0.0);
      for (int k = 0; k < s.values_size(); ++k) sum[static_cast<std::size_t>(k)] += s.values(k);
      if (period_hours) *period_hours = s.period_hours();
      ++n;
    }
  if (n == 0) return {};
  sum.resize(length);  // replications of different lengths: keep the periods every one has
  for (double& v : sum) v /= n;
  return sum;
}

std::vector<double> mean_profile(const results::RunResult& run, const std::string& name, bool per_exposure_hour) {
  std::vector<double> sum;
  int n = 0;
  for (const auto& r : run.replications())
    for (const auto& p : r.profiles()) {
      if (p.name() != name) continue;
      sum.resize(static_cast<std::size_t>(p.values_size()), 0.0);
      for (int b = 0; b < p.values_size() && static_cast<std::size_t>(b) < sum.size(); ++b) {
        double v = p.values(b);
        if (per_exposure_hour) v = b < p.exposure_hours_size() && p.exposure_hours(b) > 0 ? v / p.exposure_hours(b) : 0.0;
        sum[static_cast<std::size_t>(b)] += v;
      }
      ++n;
    }
  for (double& v : sum) v /= std::max(1, n);
  return sum;
}

std::vector<std::pair<double, double>> tally_distribution(const results::RunResult& run, const std::string& name) {
  double q[6] = {0, 0, 0, 0, 0, 0};
  int n = 0;
  for (const auto& r : run.replications())
    for (const auto& t : r.tallies()) {
      if (t.name() != name || t.count() == 0 || t.proportion()) continue;
      const double values[6] = {t.min(), t.p50(), t.p90(), t.p95(), t.p99(), t.max()};
      for (int k = 0; k < 6; ++k) q[k] += values[k];
      ++n;
    }
  if (n == 0) return {};
  const double shares[6] = {0, 0.5, 0.9, 0.95, 0.99, 1};
  std::vector<std::pair<double, double>> out;
  for (int k = 0; k < 6; ++k) out.emplace_back(q[k] / n, shares[k]);
  return out;
}

std::vector<std::pair<std::string, std::vector<double>>> service_credits_by_month(const results::RunResult& run) {
  std::vector<std::pair<std::string, std::vector<double>>> out;
  std::map<std::string, std::size_t> index;
  for (const auto& r : run.replications())
    for (const auto& s : r.infrastructure().services()) {
      auto [it, inserted] = index.emplace(s.name(), out.size());
      if (inserted) out.emplace_back(s.name(), std::vector<double>{});
      auto& months = out[it->second].second;
      for (const auto& m : s.months()) {
        months.resize(std::max<std::size_t>(months.size(), m.month() + 1), 0.0);
        months[m.month()] += m.credit_pounds() / run.replications_size();
      }
    }
  return out;
}

}  // namespace desksim::analysis
