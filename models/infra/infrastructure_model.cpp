#include "models/infra/infrastructure_model.hpp"

#include <optional>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include <simgrid/Exception.hpp>
#include <simgrid/s4u/Semaphore.hpp>

#include "models/infra/business_calendar.hpp"
#include "models/infra/failed_change_clock.hpp"
#include "models/infra/service_credits.hpp"
#include "models/scenario/distribution_conversion.hpp"
#include "sim/kernel/time.hpp"
#include "sim/platform/platform_builder.hpp"

namespace desksim::models {

namespace {

using Infra = scenario::Infrastructure;

// Resources of a platform loaded from XML; the platform check before the run guarantees them.
simgrid::s4u::Host* existing_host(const std::string& name) {
  auto* host = simgrid::s4u::Host::by_name_or_null(name);
  if (host == nullptr) throw std::invalid_argument("the platform file has no host named \"" + name + "\"");
  return host;
}

simgrid::s4u::Link* existing_link(const std::string& name) {
  auto* link = simgrid::s4u::Link::by_name_or_null(name);
  if (link == nullptr) throw std::invalid_argument("the platform file has no link named \"" + name + "\"");
  return link;
}
constexpr double kHostSpeedFlops = 1e9;  // nothing computes on component hosts; a nominal speed

// Crew semaphores live until the process ends: actors still blocked on them at the end of the run
// reference them until the engine (destroyed after this model) kills those actors. One engine per
// process, so this is one replication's worth.
std::vector<simgrid::s4u::SemaphorePtr>& crew_semaphores() {
  static auto* keep = new std::vector<simgrid::s4u::SemaphorePtr>();
  return *keep;
}

sim::Time hours_or(double h, double default_h) { return sim::hours(h > 0 ? h : default_h); }

}  // namespace

struct InfrastructureModel::CrewPool {
  std::string name;
  simgrid::s4u::Semaphore* crews;  ///< an independent pool (null when the crews are a resolver group)
  int group = -1;                  ///< else: the resolver group whose engineers repair
};

struct InfrastructureModel::Component {
  std::uint32_t index;
  std::string name;
  simgrid::s4u::Host* host = nullptr;
  simgrid::s4u::Link* link = nullptr;
  CrewPool* pool = nullptr;
  simgrid::s4u::SemaphorePtr engineer_assigned;  ///< when the crew is a resolver group's engineer
  sim::Distribution time_to_failure = sim::Distribution::exponential(1.0);
  sim::Distribution time_to_repair = sim::Distribution::exponential(1.0);
  sim::Distribution change_recovery = sim::Distribution::exponential(1.0);
  sim::RandomStream ttf_stream, ttr_stream, recovery_stream;
  FailedChangeClock changes;
  bool failed = false;
  int maintenance_depth = 0;
  sim::SignalId up_signal, failure_signal, change_failure_signal, maintenance_signal, repair_wait_signal;

  Component(std::uint64_t seed, std::uint64_t rep, const std::string& n, double change_rate,
            std::vector<ChangePhase> phases)
      : name(n),
        ttf_stream(seed, rep, sim::stream_id_for("infra." + n + ".time_to_failure")),
        ttr_stream(seed, rep, sim::stream_id_for("infra." + n + ".time_to_repair")),
        recovery_stream(seed, rep, sim::stream_id_for("infra." + n + ".change_recovery")),
        changes(change_rate, std::move(phases),
                sim::RandomStream(seed, rep, sim::stream_id_for("infra." + n + ".failed_changes"))) {}
};

struct InfrastructureModel::Service {
  std::string name;
  DependencyRule rule;
  AvailabilityLedger ledger;
  std::unique_ptr<IncidentStorm> storm;
  sim::SignalId up_signal, outage_signal, outage_duration_signal;
  sim::Time outage_start = 0.0;
  std::vector<std::uint64_t> storm_tickets_per_outage;  // parallel to ledger.outages()
  std::uint64_t storm_raised_at_outage_start = 0;

  Service(std::string n, BusinessCalendar calendar, sim::ReportingMonths months, sim::Time measure_from,
          bool planned_counts)
      : name(std::move(n)), ledger(std::move(calendar), months, measure_from, planned_counts) {}
};

void InfrastructureModel::set_reliability(Component& component, const Infra::Component& spec) {
  component.time_to_failure = to_sim_distribution(spec.time_to_failure_hours(), sim::kSecondsPerHour);
  component.time_to_repair = to_sim_distribution(spec.time_to_repair_hours(), sim::kSecondsPerHour);
  component.change_recovery = spec.has_change_recovery_hours()
                                  ? to_sim_distribution(spec.change_recovery_hours(), sim::kSecondsPerHour)
                                  : component.time_to_repair;
}

void InfrastructureModel::reconfigure(const Infra& infrastructure) {
  for (std::size_t i = 0; i < components_.size() && static_cast<int>(i) < infrastructure.components_size(); ++i)
    set_reliability(*components_[i], infrastructure.components(static_cast<int>(i)));
}

InfrastructureModel::InfrastructureModel(const Infra& infrastructure, sim::EventKernel& kernel,
                                         sim::SignalBus& signals, InfrastructureOptions options)
    : spec_(infrastructure), kernel_(kernel), signals_(signals), options_(std::move(options)) {
  // Emitted by the sink that takes storm incidents to the desk; declared here too because the
  // infrastructure's statistics count it (zero when the scenario has no desk).
  signals.declare("storm.raised", "1", "a storm incident reached the desk");
  // Repair crews: an independent pool, or the engineers of a resolver group.
  for (const auto& p : spec_.repair_crews()) {
    if (!p.resolver_group().empty()) {
      const int group = options_.crew_provider ? options_.crew_provider->crew_group(p.resolver_group()) : -1;
      if (group < 0)
        throw std::invalid_argument("infrastructure: repair crew pool \"" + p.name() + "\" needs resolver group \"" +
                                    p.resolver_group() + "\"");
      pools_.push_back(std::make_unique<CrewPool>(CrewPool{p.name(), nullptr, group}));
      continue;
    }
    auto sem = simgrid::s4u::Semaphore::create(p.crews());
    crew_semaphores().push_back(sem);
    pools_.push_back(std::make_unique<CrewPool>(CrewPool{p.name(), sem.get()}));
  }
  auto pool_named = [&](const std::string& name) -> CrewPool* {
    if (name.empty() && pools_.size() == 1) return pools_.front().get();
    for (auto& p : pools_)
      if (p->name == name) return p.get();
    throw std::invalid_argument("infrastructure: unknown repair crew pool \"" + name + "\"");
  };

  std::vector<ChangePhase> phases;
  for (const auto& ph : spec_.change_programme().phases())
    phases.push_back(ChangePhase{sim::hours(ph.start_hours()), sim::hours(ph.end_hours()), ph.failed_change_multiplier()});

  // Platform: datacentres as zones, components as hosts or links.
  // From the scenario, or found by name in the XML platform the runtime loaded.
  const bool from_file = kernel_.runtime().platform_from_file();
  std::optional<sim::PlatformBuilder> platform;
  if (!from_file) {
    platform.emplace(kernel_.runtime());
    for (const auto& dc : spec_.datacentres()) platform->zone(dc.name());
  }
  states_ = std::make_unique<sim::ResourceStates>([this](std::size_t i, bool) { resource_changed(i); });
  std::unordered_map<std::string, std::uint32_t> component_index;
  for (const auto& c : spec_.components()) {
    const double change_rate = c.failed_changes_per_year() / (8760.0 * sim::kSecondsPerHour);
    auto comp = std::make_unique<Component>(options_.seed, options_.replication, c.name(), change_rate, phases);
    comp->index = static_cast<std::uint32_t>(components_.size());
    comp->pool = pool_named(c.repair_crew());
    set_reliability(*comp, c);
    switch (c.kind()) {
      case Infra::Component::NETWORK_LINK: {
        const double mbps = c.link_bandwidth_mbps() > 0 ? c.link_bandwidth_mbps() : 1000.0;
        comp->link = from_file ? existing_link(c.name()) : platform->add_link(c.datacentre(), c.name(), mbps * 1e6 / 8.0);
        states_->watch(comp->link);
        break;
      }
      case Infra::Component::CLUSTER:
        comp->host = from_file ? existing_host(c.name())
                               : platform->add_host(c.datacentre(), c.name(), kHostSpeedFlops,
                                                    static_cast<int>(std::max(1u, c.cluster_nodes())));
        states_->watch(comp->host);
        break;
      default:
        comp->host = from_file ? existing_host(c.name()) : platform->add_host(c.datacentre(), c.name(), kHostSpeedFlops, 1);
        states_->watch(comp->host);
        break;
    }
    const std::string prefix = "component." + c.name();
    comp->up_signal = signals_.declare(prefix + ".up", "0/1", "level: the component is up");
    comp->failure_signal = signals_.declare(prefix + ".failure", "1", "a random failure");
    comp->change_failure_signal = signals_.declare(prefix + ".change_failure", "1", "a failure caused by a change");
    comp->maintenance_signal = signals_.declare(prefix + ".maintenance", "1", "a planned maintenance window begins");
    comp->repair_wait_signal = signals_.declare(prefix + ".repair_wait", "s", "failure to the start of its repair");
    component_index.emplace(c.name(), comp->index);
    components_.push_back(std::move(comp));
  }
  if (platform) platform->seal_zones();
  up_.assign(components_.size(), true);
  not_failed_.assign(components_.size(), true);
  services_of_component_.resize(components_.size());

  // Services.
  for (std::size_t s = 0; s < static_cast<std::size_t>(spec_.services_size()); ++s) {
    const auto& sv = spec_.services(static_cast<int>(s));
    auto service = std::make_unique<Service>(sv.name(), BusinessCalendar::from_scenario(sv.business_hours()),
                                             sim::ReportingMonths(options_.start_day), options_.measure_from,
                                             sv.planned_maintenance_counts_as_downtime());
    std::string error;
    if (!DependencyRule::compile(sv.depends_on(), component_index, &service->rule, &error))
      throw std::invalid_argument("infrastructure.services[" + std::to_string(s) + "].depends_on: " + error);
    for (std::uint32_t c : service->rule.components())
      services_of_component_[c].push_back(static_cast<std::uint32_t>(s));
    const std::string prefix = "service." + sv.name();
    service->up_signal = signals_.declare(prefix + ".up", "0/1", "level: the service is up");
    service->outage_signal = signals_.declare(prefix + ".outage", "1", "an unplanned outage begins");
    service->outage_duration_signal = signals_.declare(prefix + ".outage_duration", "s", "an unplanned outage, at its end");

    const auto& st = sv.storm();
    IncidentStormOptions storm;
    storm.service_name = sv.name();
    storm.service_index = static_cast<std::uint32_t>(s);
    const double users = options_.dependent_users.empty() ? sv.dependent_users() : options_.dependent_users.at(s);
    const double peak_per_second = users * st.peak_incidents_per_user_per_hour() / sim::kSecondsPerHour;
    storm.intensity = StormIntensity(peak_per_second, hours_or(st.rise_minutes() / 60.0, 10.0 / 60.0),
                                     hours_or(st.decay_minutes() / 60.0, 1.0));
    storm.work = st.has_handle_time_minutes() ? to_sim_distribution(st.handle_time_minutes(), sim::kSecondsPerMinute)
                                              : options_.default_storm_work;
    service->storm = std::make_unique<IncidentStorm>(kernel_, signals_, options_.sink, storm, options_.seed,
                                                     options_.replication, &next_incident_id_);
    services_.push_back(std::move(service));
  }
}

InfrastructureModel::~InfrastructureModel() = default;

std::size_t InfrastructureModel::components() const { return components_.size(); }
std::size_t InfrastructureModel::services() const { return services_.size(); }
const AvailabilityLedger& InfrastructureModel::ledger(std::size_t service) const { return services_.at(service)->ledger; }

std::vector<sim::StatisticSpec> InfrastructureModel::statistics(const Infra& infrastructure) {
  using Kind = sim::StatisticSpec::Kind;
  constexpr double to_hours = 1.0 / sim::kSecondsPerHour;
  std::vector<sim::StatisticSpec> specs;
  for (const auto& c : infrastructure.components()) {
    const std::string p = "component." + c.name();
    specs.push_back({p + ".up", Kind::kTimeAverage, p + ".up", 1.0, {}});
    specs.push_back({p + ".failure", Kind::kCount, p + ".failures", 1.0, {}});
    specs.push_back({p + ".change_failure", Kind::kCount, p + ".change_failures", 1.0, {}});
    specs.push_back({p + ".maintenance", Kind::kCount, p + ".maintenance_windows", 1.0, {}});
    specs.push_back({p + ".repair_wait", Kind::kTally, p + ".repair_wait_hours", to_hours, {0.0}});
  }
  for (const auto& s : infrastructure.services()) {
    const std::string p = "service." + s.name();
    specs.push_back({p + ".up", Kind::kTimeAverage, p + ".up", 1.0, {}});
    specs.push_back({p + ".outage", Kind::kCount, p + ".outages", 1.0, {}});
    specs.push_back({p + ".outage_duration", Kind::kTally, p + ".outage_duration_hours", to_hours, {}});
    specs.push_back({p + ".major_incident", Kind::kCount, p + ".major_incidents", 1.0, {}});
    const std::string storm = "storm." + s.name();
    specs.push_back({storm + ".raised", Kind::kCount, storm + ".tickets", 1.0, {}});
    specs.push_back({storm + ".closed_with_parent", Kind::kTally, storm + ".time_to_close_hours", to_hours, {}});
  }
  if (!infrastructure.services().empty()) specs.push_back({"storm.raised", Kind::kCount, "storm.tickets", 1.0, {}});
  return specs;
}

void InfrastructureModel::start() {
  const sim::Time now = kernel_.now();
  for (auto& c : components_) signals_.emit(c->up_signal, now, 1.0);
  for (auto& s : services_) signals_.emit(s->up_signal, now, 1.0);
  for (auto& c : components_) {
    Component* comp = c.get();
    kernel_.spawn_actor("infra." + comp->name, [this, comp] { component_process(*comp); });
  }
  for (std::size_t w = 0; w < static_cast<std::size_t>(spec_.maintenance_size()); ++w)
    kernel_.spawn_actor("maintenance." + std::to_string(w), [this, w] { maintenance_process(w); });
}

// One component's life: up, failure, waiting for a crew, repair, up again. Runs as an actor.
void InfrastructureModel::component_process(Component& c) {
  sim::Time next_change = c.changes.next_after(kernel_.now());
  for (;;) {
    const sim::Time up_since = kernel_.now();
    // Failed changes that fell while the component was down are lost (nothing to change).
    if (next_change < up_since) next_change = c.changes.next_after(up_since);
    const sim::Time random_failure = up_since + c.time_to_failure.sample(c.ttf_stream);
    const bool by_change = next_change < random_failure;
    const sim::Time fail_at = by_change ? next_change : random_failure;
    if (fail_at > options_.horizon) return;  // nothing more happens to it in this run
    kernel_.sleep_until(fail_at);
    const sim::Time failed_at = kernel_.now();
    c.failed = true;
    signals_.emit(by_change ? c.change_failure_signal : c.failure_signal, failed_at, 1.0);
    apply_state(c);
    if (by_change) next_change = c.changes.next_after(failed_at);

    acquire_crew(c);  // waits while every crew of the pool (or engineer of the group) is busy
    signals_.emit(c.repair_wait_signal, kernel_.now(), kernel_.now() - failed_at);
    const sim::Time work = by_change ? c.change_recovery.sample(c.recovery_stream) : c.time_to_repair.sample(c.ttr_stream);
    kernel_.sleep_for(work);
    release_crew(c);
    c.failed = false;
    apply_state(c);
  }
}

void InfrastructureModel::acquire_crew(Component& c) {
  if (c.pool->crews != nullptr) {
    c.pool->crews->acquire();  // FIFO
    return;
  }
  // An engineer of a resolver group: the group hands one over from a ticket event (or at once), which
  // releases this component's own semaphore; the kernel must then run SimGrid at that instant.
  if (!c.engineer_assigned) {
    c.engineer_assigned = simgrid::s4u::Semaphore::create(0);
    crew_semaphores().push_back(c.engineer_assigned);
  }
  simgrid::s4u::Semaphore* assigned = c.engineer_assigned.get();
  options_.crew_provider->request_engineer(static_cast<std::uint16_t>(c.pool->group), [this, assigned] {
    kernel_.run_in_simgrid([assigned] { assigned->release(); });  // the actor resumes at this instant
  });
  assigned->acquire();
}

void InfrastructureModel::release_crew(Component& c) {
  if (c.pool->crews != nullptr) c.pool->crews->release();
  else options_.crew_provider->release_engineer(static_cast<std::uint16_t>(c.pool->group));
}

void InfrastructureModel::maintenance_process(std::size_t w) {
  const auto& window = spec_.maintenance(static_cast<int>(w));
  std::vector<Component*> targets;
  for (const std::string& name : window.components())
    for (auto& c : components_)
      if (c->name == name) targets.push_back(c.get());
  const sim::Time first = sim::hours(window.start_hours());
  const sim::Time every = sim::hours(window.every_hours());
  const sim::Time duration = sim::hours(window.duration_hours());
  for (std::uint32_t k = 0; window.occurrences() == 0 || k < window.occurrences(); ++k) {
    const sim::Time start = first + k * every;
    if (start >= options_.horizon) return;
    kernel_.sleep_until(start);
    for (Component* c : targets) {
      ++c->maintenance_depth;
      signals_.emit(c->maintenance_signal, kernel_.now(), 1.0);
      apply_state(*c);
    }
    kernel_.sleep_until(start + duration);
    for (Component* c : targets) {
      --c->maintenance_depth;
      apply_state(*c);
    }
    if (every <= 0) return;
  }
}

// Sets the SimGrid resource to the component's state; SimGrid's state-change signal then reaches
// resource_changed(). Called again directly because a flag can change without the resource
// changing (failing while in maintenance), which still changes down vs planned down.
void InfrastructureModel::apply_state(Component& c) {
  const bool on = !c.failed && c.maintenance_depth == 0;
  if (c.host != nullptr && c.host->is_on() != on) on ? c.host->turn_on() : c.host->turn_off();
  if (c.link != nullptr && c.link->is_on() != on) on ? c.link->turn_on() : c.link->turn_off();
  resource_changed(c.index);
}

void InfrastructureModel::resource_changed(std::size_t i) {
  if (finished_) return;
  const sim::Time now = kernel_.now();
  const Component& c = *components_[i];
  const bool on = states_->is_on(i);
  const bool changed = up_[i] != on || not_failed_[i] == c.failed;
  if (!changed) return;
  if (up_[i] != on) signals_.emit(c.up_signal, now, on ? 1.0 : 0.0);
  up_[i] = on;
  not_failed_[i] = !c.failed;
  for (std::uint32_t s : services_of_component_[i]) {
    Service& sv = *services_[s];
    const ServiceState before = sv.ledger.state();
    ServiceState after = ServiceState::kUp;
    if (!sv.rule.evaluate(up_)) after = sv.rule.evaluate(not_failed_) ? ServiceState::kPlannedDown : ServiceState::kDown;
    if (after == before) continue;
    sv.ledger.change(now, after);
    if (before == ServiceState::kDown) {  // restoration (possibly into planned maintenance)
      sv.storm->outage_ended(now);
      signals_.emit(sv.outage_duration_signal, now, now - sv.outage_start);
      if (sv.storm_tickets_per_outage.size() < sv.ledger.outages().size())
        sv.storm_tickets_per_outage.push_back(sv.storm->raised_total() - sv.storm_raised_at_outage_start);
    }
    if (after == ServiceState::kDown) {
      sv.outage_start = now;
      sv.storm_raised_at_outage_start = sv.storm->raised_total();
      signals_.emit(sv.outage_signal, now, 1.0);
      sv.storm->outage_started(now);
    }
    signals_.emit(sv.up_signal, now, after == ServiceState::kDown ? 0.0 : 1.0);
  }
}

namespace {

const results::TallySummary* find_tally(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& t : r.tallies())
    if (t.name() == name) return &t;
  return nullptr;
}

std::uint64_t find_counter(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& c : r.counters())
    if (c.name() == name) return c.value();
  return 0;
}

double find_time_average(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& a : r.time_averages())
    if (a.name() == name) return a.mean();
  return 0.0;
}

void add_scalar(results::ReplicationResult* out, const std::string& name, double value) {
  auto* s = out->add_scalars();
  s->set_name(name);
  s->set_value(value);
}

}  // namespace

void InfrastructureModel::finish(sim::Time end, results::ReplicationResult* out) {
  for (auto& s : services_) {
    s->ledger.finish(end);
    if (s->ledger.state() == ServiceState::kDown &&
        s->storm_tickets_per_outage.size() < s->ledger.outages().size())
      s->storm_tickets_per_outage.push_back(s->storm->raised_total() - s->storm_raised_at_outage_start);
  }
  finished_ = true;
  auto* infra = out->mutable_infrastructure();
  for (std::size_t i = 0; i < services_.size(); ++i) {
    const Service& s = *services_[i];
    const auto& sv = spec_.services(static_cast<int>(i));
    const AvailabilityLedger& L = s.ledger;
    const std::string p = "service." + s.name;
    std::vector<CreditBand> bands;
    for (const auto& b : sv.credit_bands())
      bands.push_back(CreditBand{b.availability_below_percent(), b.credit_percent_of_monthly_fee()});
    const double target = sv.availability_target_percent() > 0 ? sv.availability_target_percent() : 99.5;

    auto* r = infra->add_services();
    r->set_name(s.name);
    r->set_availability(L.availability());
    r->set_business_hours_availability(L.business_hours_availability());
    r->set_downtime_minutes(sim::to_minutes(L.seconds_in(ServiceState::kDown)));
    r->set_business_hours_downtime_minutes(sim::to_minutes(L.business_seconds_in(ServiceState::kDown)));
    r->set_planned_downtime_minutes(sim::to_minutes(L.seconds_in(ServiceState::kPlannedDown)));
    r->set_target_percent(target);
    r->set_target_met(L.availability() * 100.0 >= target - 1e-12);
    r->set_outages(find_counter(*out, p + ".outages"));
    if (const auto* t = find_tally(*out, p + ".outage_duration_hours")) *r->mutable_outage_duration_hours() = *t;
    r->set_major_incidents(find_counter(*out, p + ".major_incidents"));
    r->set_storm_tickets(find_counter(*out, "storm." + s.name + ".tickets"));
    r->set_credit_pounds(L.credits(sv.monthly_fee_pounds(), bands, end));
    for (std::size_t m = 0; m < L.months().size(); ++m) {
      auto* month = r->add_months();
      month->set_month(static_cast<std::uint32_t>(m));
      month->set_availability(L.month_availability(m));
      month->set_downtime_minutes(sim::to_minutes(L.months()[m].seconds[static_cast<int>(ServiceState::kDown)]));
      month->set_credit_pounds(L.month_complete(m, end) ? sv.monthly_fee_pounds() * credit_share(L.month_availability(m), bands)
                                                        : 0.0);
      month->set_label(L.reporting_months().label(m));
      month->set_start_hours(sim::to_hours(L.reporting_months().start(m)));
      month->set_end_hours(sim::to_hours(std::min(end, L.reporting_months().end(m))));
    }
    // The same months as a series, for monthly charts and per-month comparisons.
    if (!L.months().empty()) {
      auto* series = out->add_series();
      series->set_name(p + ".availability_per_month");
      series->set_aggregate("time-average");
      for (const auto& month : r->months()) {
        series->add_period_bounds_hours(month.start_hours());
        series->add_values(month.availability());
        series->add_period_labels(month.label());
      }
      series->add_period_bounds_hours(r->months(r->months_size() - 1).end_hours());
      series->set_period_hours((series->period_bounds_hours(series->period_bounds_hours_size() - 1) -
                                series->period_bounds_hours(0)) / static_cast<double>(r->months_size()));
    }
    for (std::size_t o = 0; o < L.outages().size(); ++o) {
      auto* outage = r->add_outage_log();
      outage->set_start_hours(sim::to_hours(L.outages()[o].start));
      outage->set_end_hours(sim::to_hours(L.outages()[o].end));
      outage->set_ended(L.outages()[o].ended);
      if (o < s.storm_tickets_per_outage.size()) outage->set_storm_tickets(s.storm_tickets_per_outage[o]);
    }
    add_scalar(out, p + ".availability", r->availability());
    out->add_headline_metrics(p + ".availability");
    out->add_headline_metrics(p + ".credit_pounds");
    add_scalar(out, p + ".business_hours_availability", r->business_hours_availability());
    add_scalar(out, p + ".downtime_minutes", r->downtime_minutes());
    add_scalar(out, p + ".business_hours_downtime_minutes", r->business_hours_downtime_minutes());
    add_scalar(out, p + ".planned_downtime_minutes", r->planned_downtime_minutes());
    add_scalar(out, p + ".target_met", r->target_met() ? 1.0 : 0.0);
    add_scalar(out, p + ".credit_pounds", r->credit_pounds());
  }
  for (const auto& c : components_) {
    const std::string p = "component." + c->name;
    auto* r = infra->add_components();
    r->set_name(c->name);
    r->set_failures(find_counter(*out, p + ".failures"));
    r->set_change_failures(find_counter(*out, p + ".change_failures"));
    r->set_maintenance_windows(find_counter(*out, p + ".maintenance_windows"));
    r->set_availability(find_time_average(*out, p + ".up"));
    if (const auto* t = find_tally(*out, p + ".repair_wait_hours")) *r->mutable_repair_wait_hours() = *t;
  }
}

}  // namespace desksim::models
