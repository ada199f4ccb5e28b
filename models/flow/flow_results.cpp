// ServiceFlow::add_results: whole-run conservation counters (tickets, states, the resolver network),
// service credits per supplier per month, and group utilisation (busy / on duty) derived from the
// recorded time averages.
#include <cmath>
#include <string>

#include "models/flow/service_flow.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

namespace {

void add_counter(results::ReplicationResult* out, const std::string& name, std::uint64_t value) {
  auto* c = out->add_counters();
  c->set_name(name);
  c->set_value(value);
}

void add_scalar(results::ReplicationResult* out, const std::string& name, double value) {
  auto* s = out->add_scalars();
  s->set_name(name);
  s->set_value(value);
}

const results::CycleProfile* find_profile(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& p : r.profiles())
    if (p.name() == name) return &p;
  return nullptr;
}

double time_average(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& a : r.time_averages())
    if (a.name() == name) return a.mean();
  return 0.0;
}

}  // namespace

void ServiceFlow::add_results(sim::Time end, results::ReplicationResult* out) const {
  const Totals& t = totals_;
  add_counter(out, "tickets.raised_total", t.raised);
  add_counter(out, "tickets.resolved_total", t.resolved);
  add_counter(out, "tickets.abandoned_total", t.abandoned);
  add_counter(out, "tickets.cancelled_total", t.cancelled);
  add_counter(out, "tickets.open_at_end", count_open_records());
  // Conservation per state: entered = left + present at the end.
  const auto present = count_by_state();
  for (std::size_t s = 1; s < kTicketStates; ++s) {
    const std::string base = "state." + std::string(kTicketStateNames[s]);
    add_counter(out, base + ".entered_total", lifecycle_.entered(static_cast<TicketState>(s)));
    add_counter(out, base + ".left_total", lifecycle_.left(static_cast<TicketState>(s)));
    add_counter(out, base + ".at_end", present[s]);
  }
  if (network_ == nullptr) return;

  add_counter(out, "resolver.accepted_total", t.accepted);
  add_counter(out, "resolver.group_arrivals_total", t.group_arrivals);
  add_counter(out, "resolver.group_departures_total", t.group_departures);
  add_counter(out, "resolver.to_same_supplier_total", t.to_same_supplier);
  add_counter(out, "resolver.to_other_supplier_total", t.to_other_supplier);
  add_counter(out, "resolver.resolved_total", t.network_resolved);
  add_counter(out, "resolver.handoffs_sent_total", t.handoffs_sent);
  add_counter(out, "resolver.handoffs_arrived_total", t.handoffs_arrived);
  std::uint64_t in_groups = 0;
  for (std::uint32_t i = 0; i < tickets_.capacity(); ++i) {
    const Ticket& k = tickets_[i];
    const bool at_group = (k.state == TicketState::kQueued || k.state == TicketState::kInService) && k.station != 0;
    in_groups += (at_group || (is_waiting(k.state) && k.in_network && k.station != 0)) ? 1 : 0;
  }
  add_counter(out, "resolver.in_groups_at_end", in_groups);
  add_counter(out, "resolver.in_handoff_at_end", present[static_cast<std::size_t>(TicketState::kInHandoff)]);
  add_counter(out, "resolver.unrouted_total", t.unrouted);
  for (std::size_t a = 0; a < network_->suppliers.size(); ++a) {
    const std::string& name = network_->suppliers[a].name;
    add_counter(out, "supplier." + name + ".chases_total", t.chases[a]);
    add_counter(out, "supplier." + name + ".ola_escalations_total", t.ola_escalations[a]);
    for (std::size_t b = 0; b < network_->suppliers.size(); ++b)
      if (a != b)
        add_counter(out, "handoffs." + name + ".to." + network_->suppliers[b].name + "_total", t.handoffs[a][b]);
  }

  // Credits per supplier per calendar month (only months the run completed are charged).
  std::size_t months = 0;
  while (months_.end(months) <= end * (1 + 1e-12)) ++months;
  const double mean_month_hours = months > 0 ? sim::to_hours(months_.end(months - 1)) / static_cast<double>(months) : 0.0;
  for (std::size_t s = 0; s < network_->suppliers.size(); ++s) {
    const SupplierConfig& sup = network_->suppliers[s];
    auto* credits = out->add_series();
    credits->set_name("supplier." + sup.name + ".credit_pounds_per_month");
    credits->set_period_hours(mean_month_hours);
    credits->set_aggregate("sum");
    auto* attainment = out->add_series();
    attainment->set_name("supplier." + sup.name + ".resolution_attainment_per_month");
    attainment->set_period_hours(mean_month_hours);
    attainment->set_aggregate("mean");  // of the tickets resolved in the month (counts); 1 when none
    for (std::size_t m = 0; m <= months; ++m) {
      credits->add_period_bounds_hours(sim::to_hours(months_.start(m)));
      attainment->add_period_bounds_hours(sim::to_hours(months_.start(m)));
    }
    double total = 0.0;
    for (std::size_t m = 0; m < months; ++m) {
      const std::uint64_t resolved = m < month_resolved_[s].size() ? month_resolved_[s][m] : 0;
      const std::uint64_t breached = m < month_breached_[s].size() ? month_breached_[s][m] : 0;
      // The contract in force at the start of the month bills it.
      const double credit = network_at(months_.start(m))->suppliers[s].month_credit(resolved, breached);
      credits->add_values(credit);
      attainment->add_values(resolved > 0 ? 1.0 - static_cast<double>(breached) / static_cast<double>(resolved) : 1.0);
      attainment->add_counts(resolved);
      credits->add_period_labels(months_.label(m));
      attainment->add_period_labels(months_.label(m));
      total += credit;
    }
    add_scalar(out, "supplier." + sup.name + ".credit_pounds", total);
    out->add_headline_metrics("supplier." + sup.name + ".credit_pounds");
    add_scalar(out, "supplier." + sup.name + ".credit_pounds_per_month", months > 0 ? total / static_cast<double>(months) : 0.0);
  }

  // Utilisation per group: busy / on duty, overall and by hour of week (measured window).
  for (const auto& g : network_->groups) {
    const std::string base = "group." + g.name + ".";
    const double duty = time_average(*out, base + "on_duty");
    auto* u = out->add_time_averages();
    u->set_name(base + "utilisation");
    u->set_mean(duty > 0 ? time_average(*out, base + "busy") / duty : 0.0);
    u->set_max(1.0);
    const auto* busy = find_profile(*out, base + "busy_by_hour_of_week");
    const auto* on_duty = find_profile(*out, base + "on_duty_by_hour_of_week");
    if (!busy || !on_duty) continue;
    results::CycleProfile utilisation = *busy;
    utilisation.set_name(base + "utilisation_by_hour_of_week");
    for (int b = 0; b < utilisation.values_size(); ++b) {
      const double d = on_duty->values(b);
      const double x = busy->values(b);
      utilisation.set_values(b, d > 0 && std::isfinite(d) && std::isfinite(x) ? x / d : 0.0);
    }
    *out->add_profiles() = utilisation;
  }
}

}  // namespace desksim::models
