#include "models/run/service_desk_replication.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "models/cost/cost_results.hpp"
#include "models/demand/incident_demand.hpp"
#include "models/demand/population.hpp"
#include "models/flow/service_flow.hpp"
#include "models/desk/service_desk_config.hpp"
#include "models/desk/service_desk_statistics.hpp"
#include "models/infra/infrastructure_model.hpp"
#include "models/infra/service_desk_incident_sink.hpp"
#include "models/resolver/resolver_config.hpp"
#include "models/resolver/resolver_statistics.hpp"
#include "models/run/monthly_statistics.hpp"
#include "models/scenario/programme.hpp"
#include "models/run/result_builder.hpp"
#include "models/run/ticket_record_file.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/simgrid_runtime.hpp"
#include "sim/stats/statistics_recorder.hpp"

namespace desksim::models {

namespace {

std::vector<double> series_values(const results::ReplicationResult& r, const std::string& name, std::size_t days) {
  std::vector<double> v(days, 0.0);
  for (const auto& s : r.series())
    if (s.name() == name)
      for (int i = 0; i < s.values_size() && static_cast<std::size_t>(i) < days; ++i) v[static_cast<std::size_t>(i)] = s.values(i);
  return v;
}

void add_counter(results::ReplicationResult* out, const std::string& name, std::uint64_t value) {
  auto* c = out->add_counters();
  c->set_name(name);
  c->set_value(value);
}

}  // namespace

results::ReplicationResult run_service_desk_replication(const scenario::Scenario& scenario, std::uint64_t seed,
                                                        unsigned replication, const std::string& ticket_records) {
  // A programme's epochs (one without a programme): the first is in force from t = 0.
  std::vector<Epoch> epochs;
  std::vector<Diagnostic> ignored;  // validation has refused any problem before a run starts
  expand_programme(scenario, &epochs, &ignored);
  const ServiceDeskConfig config = make_service_desk_config(epochs[0].scenario);
  const Population population(config);
  sim::SimGridRuntime runtime(scenario.infrastructure().platform_file());
  sim::EventKernel kernel(runtime);
  sim::SignalBus signals;
  // The resolver network replaces the "resolved elsewhere" stand-in when configured.
  const bool with_network = scenario.has_resolver_network();
  const ResolverNetworkConfig network_config =
      with_network ? make_resolver_network_config(epochs[0].scenario, config) : ResolverNetworkConfig{};
  ServiceFlow flow(kernel, signals, config, with_network ? &network_config : nullptr, seed, replication);
  IncidentDemand demand(kernel, config, population, flow, seed, replication);
  TicketRecordFile records(ticket_records, replication, &flow, config, with_network ? &network_config : nullptr);

  const sim::Time horizon = sim::hours(scenario.run().horizon_hours());
  const sim::Time warmup = sim::hours(scenario.run().warmup_hours());

  // Infrastructure failures: outages raise storms of tickets from the users who depend on the
  // service, into this desk.
  std::unique_ptr<ServiceDeskIncidentSink> storm_sink;
  std::unique_ptr<InfrastructureModel> infrastructure;
  if (scenario.has_infrastructure()) {
    storm_sink = std::make_unique<ServiceDeskIncidentSink>(scenario.infrastructure(), config, population, flow,
                                                           signals, seed, replication);
    InfrastructureOptions infra;
    infra.seed = seed;
    infra.replication = replication;
    infra.horizon = horizon;
    infra.measure_from = warmup;
    infra.start_day = config.start_day;
    infra.sink = storm_sink.get();
    infra.dependent_users = storm_sink->dependent_user_counts();
    if (with_network) infra.crew_provider = &flow;  // crews drawn from resolver groups, when the scenario says so
    const auto& phone = config.channels[static_cast<std::size_t>(channel_index("phone"))];
    if (phone.configured) infra.default_storm_work = phone.handle_time;
    infrastructure = std::make_unique<InfrastructureModel>(epochs[0].scenario.infrastructure(), kernel, signals, infra);
  }
  // Statistics are declared once every model has declared its signals.
  auto specs = service_desk_statistics(config);
  if (with_network) {
    auto more = resolver_statistics(config, network_config);
    specs.insert(specs.end(), more.begin(), more.end());
  }
  if (scenario.has_infrastructure()) {
    auto infra_specs = InfrastructureModel::statistics(scenario.infrastructure());
    specs.insert(specs.end(), infra_specs.begin(), infra_specs.end());
  }
  const RunMonths months = run_months(config.start_day, horizon);
  auto monthly = monthly_statistics(with_network ? &network_config : nullptr, months);
  specs.insert(specs.end(), monthly.begin(), monthly.end());
  sim::StatisticsRecorder recorder(signals, std::move(specs));

  if (warmup > 0)
    kernel.spawn_actor("warm-up", [&kernel, &recorder, warmup] {
      kernel.sleep_until(warmup);
      recorder.start_measuring(kernel.now());
    });
  flow.start(horizon);
  demand.start(horizon);
  // A programme: the configuration of each later epoch, switched to at its start by one actor.
  std::vector<std::unique_ptr<ServiceDeskConfig>> desk_epochs;
  std::vector<std::unique_ptr<ResolverNetworkConfig>> network_epochs;
  for (std::size_t e = 1; e < epochs.size(); ++e) {
    desk_epochs.push_back(std::make_unique<ServiceDeskConfig>(make_service_desk_config(epochs[e].scenario)));
    network_epochs.push_back(with_network ? std::make_unique<ResolverNetworkConfig>(
                                                make_resolver_network_config(epochs[e].scenario, *desk_epochs.back()))
                                          : nullptr);
  }
  if (!desk_epochs.empty())
    kernel.spawn_actor("programme", [&] {
      for (std::size_t e = 1; e < epochs.size(); ++e) {
        kernel.sleep_until(epochs[e].start_seconds);
        flow.reconfigure(*desk_epochs[e - 1], network_epochs[e - 1].get());
        demand.reconfigure(*desk_epochs[e - 1]);
        if (infrastructure) infrastructure->reconfigure(epochs[e].scenario.infrastructure());
      }
    });
  if (infrastructure) infrastructure->start();
  kernel.run_until(horizon);
  const sim::Time end = kernel.now();
  records.finish(end);

  results::ReplicationResult out;
  set_replication_header(kernel, recorder, seed, replication, end, &out);
  add_recorded_statistics(recorder, end, &out);
  if (infrastructure) infrastructure->finish(end, &out);

  // Whole-run totals: raised = resolved + abandoned + cancelled + open must hold exactly.
  flow.add_results(end, &out);
  add_counter(&out, "users", population.size());
  add_cost_results(costed_staff(scenario), cost_suppliers(scenario), months, &out);

  // Backlog at the end of each day: open tickets = cumulative raised - resolved - abandoned.
  const auto days = static_cast<std::size_t>(std::ceil(end / sim::kSecondsPerDay));
  const auto raised = series_values(out, "tickets.raised_per_day", days);
  const auto resolved = series_values(out, "tickets.resolved_per_day", days);
  const auto abandoned = series_values(out, "tickets.abandoned_per_day", days);
  const auto cancelled = series_values(out, "tickets.cancelled_per_day", days);
  auto* backlog = out.add_series();
  backlog->set_name("tickets.backlog_end_of_day");
  backlog->set_period_hours(24.0);
  double open = 0.0;
  for (std::size_t d = 0; d < days; ++d) {
    open += raised[d] - resolved[d] - abandoned[d] - cancelled[d];
    backlog->add_values(open);
  }

  // Utilisation = busy agents / agents on duty (time averages over the measured window).
  const results::CycleProfile* busy = nullptr;
  const results::CycleProfile* duty = nullptr;
  for (const auto& p : out.profiles()) {
    if (p.name() == "desk.busy_agents_by_hour_of_week") busy = &p;
    if (p.name() == "desk.agents_on_duty_by_hour_of_week") duty = &p;
  }
  double busiest_hour = 0.0;  // the highest hour-of-week utilisation
  if (busy && duty) {
    results::CycleProfile utilisation = *busy;
    utilisation.set_name("desk.utilisation_by_hour_of_week");
    for (int b = 0; b < utilisation.values_size(); ++b) {
      const double d = duty->values(b);
      utilisation.set_values(b, d > 0 && std::isfinite(d) && std::isfinite(busy->values(b)) ? busy->values(b) / d : 0.0);
      busiest_hour = std::max(busiest_hour, utilisation.values(b));
    }
    *out.add_profiles() = utilisation;
  }
  double busy_mean = 0.0, duty_mean = 0.0;
  for (const auto& a : out.time_averages()) {
    if (a.name() == "desk.busy_agents") busy_mean = a.mean();
    if (a.name() == "desk.agents_on_duty") duty_mean = a.mean();
  }
  auto* u = out.add_time_averages();
  u->set_name("desk.utilisation");
  out.add_headline_metrics("desk.utilisation.mean");
  u->set_mean(duty_mean > 0 ? busy_mean / duty_mean : 0.0);
  u->set_max(busiest_hour);  // of the hour-of-week averages: the busiest hour of the typical week
  return out;
}

}  // namespace desksim::models
