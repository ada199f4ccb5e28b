#pragma once
// Runs a scenario's replications while showing progress on stderr (analysis/report/progress_line.hpp):
// replications done of the total, elapsed time and ETA, redrawn in place on a terminal, one line per
// replication otherwise. Each replication's child process writes one byte to a pipe when it has
// finished (models::RunOptions::on_replication_done), and a thread of this process reads them and
// prints.
#include <string>
#include <vector>

#include "desksim/results.pb.h"
#include "desksim/scenario.pb.h"
#include "models/run/run_scenario.hpp"

namespace desksim::app {

/// True when progress should be shown: asked for, or stderr is a terminal.
bool show_progress(bool asked);

/// As models::run_scenario, printing progress labelled `label` ("" for a single run).
bool run_scenario_with_progress(const scenario::Scenario& scenario, const models::RunOptions& options,
                                const std::string& label, results::RunResult* out, std::string* error,
                                bool* stopped = nullptr);

/// As models::run_scenarios (a sweep's points), counting every point's replications.
bool run_scenarios_with_progress(const std::vector<scenario::Scenario>& scenarios, const models::RunOptions& options,
                                 const std::string& label, std::vector<results::RunResult>* out, std::string* error,
                                 bool* stopped = nullptr);

}  // namespace desksim::app
