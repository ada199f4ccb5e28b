#pragma once
// Rows with targets: sla_attainment, service_availability, service_months, service_outages.
#include <cstdint>

#include "analysis/export/sqlite_database.hpp"
#include "desksim/results.pb.h"

namespace desksim::analysis {

/// An infrastructure month is 730 hours from simulated time 0 (results.proto, InfrastructureResult).
inline constexpr double kAvailabilityMonthHours = 730.0;

bool insert_target_rows(SqliteDatabase& db, std::int64_t run_id, const results::RunResult& run, std::int64_t start_day);

}  // namespace desksim::analysis
