#include "models/run/run_scenario.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

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
                  std::string* error) {
  sim::ReplicationRunnerOptions runner;
  runner.replications = options.replications;
  runner.jobs = options.jobs;
  auto part = [&options](unsigned r) { return options.ticket_records + ".r" + std::to_string(r) + ".part"; };
  const auto bytes = sim::run_replications(
      runner,
      [&](unsigned r) {
        std::string serialised;
        run_replication(scenario, options.seed, r, options.ticket_records.empty() ? "" : part(r))
            .SerializeToString(&serialised);
        if (options.on_replication_done) options.on_replication_done(r);
        return serialised;
      },
      error);
  if (!options.ticket_records.empty()) {
    // One file, replications in order whatever `jobs` was: header, then each replication's part.
    const std::string tmp = options.ticket_records + ".tmp";
    bool ok = !bytes.empty();
    if (ok) {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      std::FILE* header = std::tmpfile();
      ok = header != nullptr && out.good();
      if (ok) {
        TicketRecordWriter::write_header(header);
        std::rewind(header);
        for (int c; (c = std::fgetc(header)) != EOF;) out.put(static_cast<char>(c));
        std::fclose(header);
      }
      for (unsigned r = 0; ok && r < options.replications; ++r) {
        std::ifstream in(part(r), std::ios::binary);
        ok = in.good() && static_cast<bool>(out << in.rdbuf());
      }
      ok = ok && static_cast<bool>(out.flush());
    }
    for (unsigned r = 0; r < options.replications; ++r) std::remove(part(r).c_str());
    if (ok) ok = std::rename(tmp.c_str(), options.ticket_records.c_str()) == 0;
    if (!ok) {
      std::remove(tmp.c_str());
      if (error && !bytes.empty()) *error = "could not write the per-ticket records to " + options.ticket_records;
      return false;
    }
  }
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
