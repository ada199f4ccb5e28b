#include "models/run/desk_replication.hpp"

#include <functional>
#include <limits>
#include <memory>

#include "models/flow/service_flow.hpp"
#include "models/run/ticket_record_file.hpp"
#include "models/desk/desk_statistics.hpp"
#include "models/desk/poisson_demand.hpp"
#include "models/infra/desk_incident_sink.hpp"
#include "models/infra/infrastructure_model.hpp"
#include "models/run/result_builder.hpp"
#include "models/run/service_desk_replication.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/scenario/distribution_conversion.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/simgrid_runtime.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

namespace {

/// Ends the time-based warm-up: an actor, because it is one low-frequency process.
void schedule_warmup_end(sim::EventKernel& kernel, sim::StatisticsRecorder& recorder, sim::Time at) {
  kernel.spawn_actor("warm-up", [&kernel, &recorder, at] {
    kernel.sleep_until(at);
    recorder.start_measuring(kernel.now());
  });
}

}  // namespace

results::ReplicationResult run_replication(const scenario::Scenario& scenario, std::uint64_t seed,
                                           unsigned replication, const std::string& ticket_records) {
  if (uses_service_desk_model(scenario))
    return run_service_desk_replication(scenario, seed, replication, ticket_records);
  sim::SimGridRuntime runtime(scenario.infrastructure().platform_file());
  sim::EventKernel kernel(runtime);
  sim::SignalBus signals;
  const auto& run = scenario.run();
  const sim::Time horizon =
      run.horizon_hours() > 0 ? sim::hours(run.horizon_hours()) : std::numeric_limits<sim::Time>::infinity();

  // The desk and its demand (optional when the scenario studies infrastructure only): the simple form
  // runs through the same flow and station as the population mode.
  const ServiceDeskConfig desk_config = make_simple_desk_config(scenario);
  std::unique_ptr<ServiceFlow> desk;
  std::unique_ptr<PoissonDemand> demand;
  if (scenario.has_desk()) desk = std::make_unique<ServiceFlow>(kernel, signals, desk_config, nullptr, seed, replication);
  TicketRecordFile records(ticket_records, replication, desk.get(), desk_config, nullptr);
  std::function<void(sim::Time)> warmup_end;  // set once the recorder exists
  if (scenario.has_demand()) {
    PoissonDemandOptions demand_options;
    demand_options.rate_per_second = scenario.demand().arrivals_per_hour() / sim::kSecondsPerHour;
    demand_options.work = to_sim_distribution(scenario.desk().handle_time_minutes(), sim::kSecondsPerMinute);
    demand_options.max_tickets = run.max_tickets();
    demand_options.warmup_tickets = run.warmup_tickets();
    demand_options.on_warmup_end = [&warmup_end](sim::Time now) { warmup_end(now); };
    demand = std::make_unique<PoissonDemand>(kernel, *desk, demand_options, seed, replication);
  }

  // The infrastructure: platform, failures and repairs, services, incident storms into the desk.
  std::unique_ptr<DeskIncidentSink> storm_sink;
  std::unique_ptr<InfrastructureModel> infrastructure;
  if (scenario.has_infrastructure()) {
    if (desk) storm_sink = std::make_unique<DeskIncidentSink>(*desk, signals);
    InfrastructureOptions infra;
    infra.seed = seed;
    infra.replication = replication;
    infra.horizon = horizon;
    infra.measure_from = sim::hours(run.warmup_hours());
    infra.start_day = desk_config.start_day;
    infra.sink = storm_sink.get();
    if (scenario.desk().has_handle_time_minutes())
      infra.default_storm_work = to_sim_distribution(scenario.desk().handle_time_minutes(), sim::kSecondsPerMinute);
    infrastructure = std::make_unique<InfrastructureModel>(scenario.infrastructure(), kernel, signals, infra);
  }

  // Statistics are declared once every model has declared its signals.
  const double sl_seconds =
      scenario.desk().service_level_threshold_seconds() > 0 ? scenario.desk().service_level_threshold_seconds() : 20.0;
  std::vector<sim::StatisticSpec> specs;
  if (desk) specs = desk_statistics(sl_seconds);
  if (scenario.has_infrastructure()) {
    auto infra_specs = InfrastructureModel::statistics(scenario.infrastructure());
    specs.insert(specs.end(), infra_specs.begin(), infra_specs.end());
  }
  sim::StatisticsRecorder recorder(signals, std::move(specs));
  warmup_end = [&recorder](sim::Time now) { recorder.start_measuring(now); };

  if (run.warmup_hours() > 0) schedule_warmup_end(kernel, recorder, sim::hours(run.warmup_hours()));
  if (desk) desk->start(horizon);
  if (demand) demand->start();
  if (infrastructure) infrastructure->start();
  kernel.run_until(horizon);
  const sim::Time end = kernel.now();
  records.finish(end);

  results::ReplicationResult out;
  set_replication_header(kernel, recorder, seed, replication, end, &out);
  add_recorded_statistics(recorder, end, &out);
  if (infrastructure) infrastructure->finish(end, &out);
  return out;
}

}  // namespace desksim::models
