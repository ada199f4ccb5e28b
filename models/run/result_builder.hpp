#pragma once
// Turns what a StatisticsRecorder recorded into the results message of one replication.
#include "desksim/results.pb.h"
#include "sim/kernel/event_kernel.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

/// The identity of a replication and its run: seed, index, fingerprint and event count, simulated
/// time and start of the measured window.
void set_replication_header(const sim::EventKernel& kernel, const sim::StatisticsRecorder& recorder,
                            std::uint64_t seed, unsigned replication, sim::Time end, results::ReplicationResult* out);

/// Appends the recorded statistics to `out`; `end` is the time the replication ended (seconds).
void add_recorded_statistics(const sim::StatisticsRecorder& recorder, sim::Time end, results::ReplicationResult* out);

}  // namespace desksim::models

namespace desksim::models {

/// One CycleProfile from per-bin values and the measured time in each bin (seconds).
void fill_profile(const std::string& name, const sim::CycleBins& bins, const std::vector<double>& values,
                  const std::vector<double>& exposure_seconds, results::CycleProfile* out);

}  // namespace desksim::models
