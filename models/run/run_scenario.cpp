#include "models/run/run_scenario.hpp"

#include <algorithm>

#include "models/run/desk_replication.hpp"
#include "sim/replication/replication_runner.hpp"

namespace desksim::models {

RunOptions run_options_for(const scenario::Scenario& scenario, bool has_seed, std::uint64_t seed,
                           unsigned replications, unsigned jobs) {
  RunOptions o;
  o.seed = has_seed ? seed : (scenario.run().seed() > 0 ? scenario.run().seed() : 1);
  o.replications = replications > 0 ? replications : std::max(1u, scenario.run().replications());
  o.jobs = std::max(1u, jobs);
  return o;
}

bool run_scenario(const scenario::Scenario& scenario, const RunOptions& options, results::RunResult* out,
                  std::string* error) {
  sim::ReplicationRunnerOptions runner;
  runner.replications = options.replications;
  runner.jobs = options.jobs;
  const auto bytes = sim::run_replications(
      runner,
      [&](unsigned r) {
        std::string serialised;
        run_replication(scenario, options.seed, r).SerializeToString(&serialised);
        return serialised;
      },
      error);
  if (bytes.empty()) return false;
  out->set_scenario_name(scenario.name());
  out->set_seed(options.seed);
  for (const std::string& b : bytes) {
    if (!out->add_replications()->ParseFromString(b)) {
      if (error) *error = "could not read a replication's result";
      return false;
    }
  }
  return true;
}

}  // namespace desksim::models
