#include "models/scenario/distribution_conversion.hpp"

#include <utility>
#include <vector>

namespace desksim::models {

sim::Distribution to_sim_distribution(const scenario::Distribution& d, double unit_seconds) {
  using scenario::Distribution;
  sim::Distribution out = sim::Distribution::deterministic(-1.0);  // invalid until a kind is set
  switch (d.kind_case()) {
    case Distribution::kDeterministic: out = sim::Distribution::deterministic(d.deterministic().value()); break;
    case Distribution::kExponential: out = sim::Distribution::exponential(d.exponential().mean()); break;
    case Distribution::kErlang: out = sim::Distribution::erlang(d.erlang().k(), d.erlang().mean()); break;
    case Distribution::kGamma: out = sim::Distribution::gamma(d.gamma().shape(), d.gamma().mean()); break;
    case Distribution::kLognormal: out = sim::Distribution::lognormal(d.lognormal().mean(), d.lognormal().cv()); break;
    case Distribution::kUniform: out = sim::Distribution::uniform(d.uniform().low(), d.uniform().high()); break;
    case Distribution::kTriangular:
      out = sim::Distribution::triangular(d.triangular().low(), d.triangular().mode(), d.triangular().high());
      break;
    case Distribution::kEmpirical:
      out = sim::Distribution::empirical(std::vector<double>(d.empirical().values().begin(), d.empirical().values().end()),
                                         std::vector<double>(d.empirical().probabilities().begin(),
                                                             d.empirical().probabilities().end()));
      break;
    case Distribution::kPiecewiseLinear:
      out = sim::Distribution::piecewise_linear(
          std::vector<double>(d.piecewise_linear().values().begin(), d.piecewise_linear().values().end()),
          std::vector<double>(d.piecewise_linear().cumulative_probabilities().begin(),
                              d.piecewise_linear().cumulative_probabilities().end()));
      break;
    case Distribution::kMixture: {
      // Parts are converted in the file's unit; the whole mixture is scaled once below.
      std::vector<double> weights;
      std::vector<sim::Distribution> parts;
      for (const auto& part : d.mixture().parts()) {
        weights.push_back(part.weight());
        parts.push_back(to_sim_distribution(part.distribution(), 1.0));
      }
      out = sim::Distribution::mixture(std::move(weights), std::move(parts));
      break;
    }
    case Distribution::KIND_NOT_SET: return out;
  }
  return out.scaled(unit_seconds);
}

}  // namespace desksim::models
