#include "models/run/run_scenario.hpp"

#include <algorithm>
#include <cstdio>

#include "models/flow/ticket_record_writer.hpp"
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
                  std::string* error, bool* stopped) {
  if (options.ticket_records && options.checkpoint == nullptr) {
    if (error) *error = "per-ticket records need a checkpoint folder to collect them in";
    return false;
  }
  sim::ReplicationRunnerOptions runner;
  runner.replications = options.replications;
  runner.jobs = options.jobs;
  runner.stop_fd = options.stop_fd;
  runner.finished = options.finished;
  if (const RunCheckpoint* checkpoint = options.checkpoint) {
    for (unsigned r : checkpoint->finished(options.ticket_records)) {
      if (!checkpoint->result(r, &runner.finished[r])) {
        if (error) *error = "cannot read replication " + std::to_string(r) + " from " + checkpoint->folder();
        return false;
      }
    }
    runner.on_result = [&options, checkpoint](unsigned r, const std::string& bytes, std::string* e) {
      return checkpoint->save(r, bytes, options.ticket_records, e);
    };
  }
  const auto bytes = sim::run_replications(
      runner,
      [&](unsigned r) {
        std::string serialised;
        run_replication(scenario, options.seed, r,
                        options.ticket_records ? options.checkpoint->ticket_records_part(r) : "")
            .SerializeToString(&serialised);
        if (options.on_replication_done) options.on_replication_done(r);
        return serialised;
      },
      error, stopped);
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

bool run_scenarios(const std::vector<scenario::Scenario>& scenarios, const RunOptions& options,
                   std::vector<results::RunResult>* out, std::string* error, bool* stopped) {
  if (options.ticket_records || options.checkpoint != nullptr) {
    if (error) *error = "a run of several scenarios keeps no checkpoint and writes no per-ticket records";
    return false;
  }
  const unsigned per_scenario = options.replications;
  sim::ReplicationRunnerOptions runner;
  runner.replications = static_cast<unsigned>(scenarios.size()) * per_scenario;
  runner.jobs = options.jobs;
  runner.stop_fd = options.stop_fd;
  runner.finished = options.finished;
  const auto bytes = sim::run_replications(
      runner,
      [&](unsigned task) {
        std::string serialised;
        run_replication(scenarios[task / per_scenario], options.seed, task % per_scenario, "").SerializeToString(&serialised);
        if (options.on_replication_done) options.on_replication_done(task);
        return serialised;
      },
      error, stopped);
  if (bytes.empty()) return false;
  out->assign(scenarios.size(), results::RunResult{});
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    auto& run = (*out)[s];
    run.set_scenario_name(scenarios[s].name());
    run.set_seed(options.seed);
    for (unsigned r = 0; r < per_scenario; ++r) {
      if (!run.add_replications()->ParseFromString(bytes[s * per_scenario + r])) {
        if (error) *error = "could not read a replication's result";
        return false;
      }
    }
  }
  return true;
}

bool write_ticket_records(const RunCheckpoint& checkpoint, unsigned replications, const std::string& path,
                          std::string* error) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  bool ok = out != nullptr;
  if (ok) TicketRecordWriter::write_header(out);
  char buffer[1 << 16];
  for (unsigned r = 0; ok && r < replications; ++r) {
    std::FILE* in = std::fopen(checkpoint.ticket_records(r).c_str(), "rb");
    ok = in != nullptr;
    for (std::size_t n; ok && (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;)
      ok = std::fwrite(buffer, 1, n, out) == n;
    if (in != nullptr) {
      ok = ok && !std::ferror(in);
      std::fclose(in);
    }
  }
  if (out != nullptr && std::fclose(out) != 0) ok = false;
  if (!ok && error) *error = "could not write the per-ticket records to " + path;
  return ok;
}

}  // namespace desksim::models
