#pragma once
// Turns what a StatisticsRecorder recorded into the results message of one replication.
#include "desksim/results.pb.h"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

/// Appends the recorded statistics to `out`; `end` is the time the replication ended (seconds).
void add_recorded_statistics(const sim::StatisticsRecorder& recorder, sim::Time end, results::ReplicationResult* out);

}  // namespace desksim::models

namespace desksim::models {

/// One CycleProfile from per-bin values and the measured time in each bin (seconds).
void fill_profile(const std::string& name, const sim::CycleBins& bins, const std::vector<double>& values,
                  const std::vector<double>& exposure_seconds, results::CycleProfile* out);

}  // namespace desksim::models
