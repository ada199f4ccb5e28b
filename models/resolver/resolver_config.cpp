#include "models/resolver/resolver_config.hpp"

#include <algorithm>
#include <cmath>

#include "models/scenario/distribution_conversion.hpp"
#include "sim/kernel/time.hpp"

namespace desksim::models {

namespace {

template <typename Names>
int index_of(const Names& names, const std::string& name) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i].name == name) return static_cast<int>(i);
  return -1;
}

std::size_t calendar_index(const ServiceDeskConfig& desk, const std::string& name) {
  const std::string n = name.empty() ? "24x7" : name;
  const auto it = std::find(desk.calendar_names.begin(), desk.calendar_names.end(), n);
  return it == desk.calendar_names.end() ? 0 : static_cast<std::size_t>(it - desk.calendar_names.begin());
}

GroupChoice choice(const google::protobuf::RepeatedPtrField<scenario::GroupShare>& shares,
                   const std::vector<ResolverGroupConfig>& groups) {
  GroupChoice c;
  double total = 0.0;
  for (const auto& s : shares) total += s.probability();
  double running = 0.0;
  for (const auto& s : shares) {
    c.groups.push_back(static_cast<std::uint16_t>(index_of(groups, s.group())));
    c.probability.push_back(s.probability());
    running += s.probability();
    c.cumulative.push_back(total > 0 ? running / total : 1.0);
  }
  if (!c.cumulative.empty()) c.cumulative.back() = 1.0;
  return c;
}

}  // namespace

double SupplierConfig::month_credit(std::uint64_t resolved, std::uint64_t breached) const {
  double credit = credit_per_breached_ticket * static_cast<double>(breached);
  if (resolved > 0) {
    const double attainment = 1.0 - static_cast<double>(breached) / static_cast<double>(resolved);
    double share = 0.0;
    for (const auto& b : bands)
      if (attainment < b.below_share) share = std::max(share, b.credit_share);
    credit += share * monthly_fee;
  }
  return credit;
}

std::uint32_t ResolverGroupConfig::servers_at(double t, double offset) const {
  if (roster.empty()) return servers;
  const auto half_hours = static_cast<long long>(std::floor((t + offset) / 1800.0));
  return roster[static_cast<std::size_t>(half_hours % static_cast<long long>(kHalfHoursPerWeek))];
}

std::uint32_t ResolverGroupConfig::max_servers() const {
  if (roster.empty()) return servers;
  return *std::max_element(roster.begin(), roster.end());
}

ResolverNetworkConfig make_resolver_network_config(const scenario::Scenario& s, const ServiceDeskConfig& desk) {
  ResolverNetworkConfig c;
  const auto& net = s.resolver_network();
  for (const auto& sup : net.suppliers()) {
    SupplierConfig out;
    out.name = sup.name();
    out.applications = sup.tower() == scenario::Supplier::APPLICATIONS;
    out.credit_per_breached_ticket = sup.contract().credit_per_breached_ticket_pounds();
    out.monthly_fee = sup.contract().monthly_fee_pounds();
    for (const auto& b : sup.contract().bands())
      out.bands.push_back({b.attainment_below_percent() / 100.0, b.credit_percent_of_monthly_fee() / 100.0});
    for (const auto& sla : s.slas()) {
      if (sla.supplier() != sup.name()) continue;
      for (const auto& t : sla.targets()) {
        SlaTargetConfig& target = out.sla[t.priority() - 1];
        target.response_seconds = sim::minutes(t.response_minutes());
        target.resolution_seconds = sim::hours(t.resolution_hours());
        target.calendar = calendar_index(desk, t.calendar());
      }
    }
    if (sup.has_sla_pauses_waiting_on_user()) out.pauses[0] = sup.sla_pauses_waiting_on_user();
    if (sup.has_sla_pauses_waiting_on_vendor()) out.pauses[1] = sup.sla_pauses_waiting_on_vendor();
    if (sup.has_sla_pauses_waiting_on_change()) out.pauses[2] = sup.sla_pauses_waiting_on_change();
    c.suppliers.push_back(std::move(out));
  }
  c.desk_supplier = static_cast<std::uint8_t>(std::max(0, index_of(c.suppliers, desk.supplier)));
  c.integrator = net.integrator_supplier().empty() ? -1 : index_of(c.suppliers, net.integrator_supplier());

  // Names first: routes and targets refer to groups by name.
  for (const auto& g : net.groups()) {
    ResolverGroupConfig out;
    out.name = g.name();
    c.groups.push_back(std::move(out));
  }
  const std::size_t categories = desk.categories.size();
  for (int gi = 0; gi < net.groups_size(); ++gi) {
    const auto& g = net.groups(gi);
    ResolverGroupConfig& out = c.groups[static_cast<std::size_t>(gi)];
    out.supplier = static_cast<std::uint8_t>(std::max(0, index_of(c.suppliers, g.supplier())));
    out.level = g.level() == scenario::ResolverGroup::LEVEL_3 ? 3 : 2;
    out.servers = g.servers();
    out.tickets_in_hand = std::max(1u, g.tickets_in_hand());
    out.roster.assign(g.roster_servers_per_half_hour().begin(), g.roster_servers_per_half_hour().end());
    out.work.push_back(to_sim_distribution(g.work_hours(), sim::kSecondsPerHour));
    // Most specific override per (category, priority): score 3 = both, 2 = category, 1 = priority.
    out.work_index.assign(categories * kPriorities, 0);
    std::vector<int> best(categories * kPriorities, 0);
    for (const auto& o : g.work_overrides()) {
      out.work.push_back(to_sim_distribution(o.work_hours(), sim::kSecondsPerHour));
      const auto index = static_cast<std::uint16_t>(out.work.size() - 1);
      for (std::size_t k = 0; k < categories; ++k) {
        if (!o.category().empty() && desk.categories[k].name != o.category()) continue;
        for (std::size_t p = 0; p < kPriorities; ++p) {
          if (o.priority() != 0 && o.priority() != p + 1) continue;
          const int score = (o.category().empty() ? 0 : 2) + (o.priority() == 0 ? 0 : 1);
          if (score > best[k * kPriorities + p]) {
            best[k * kPriorities + p] = score;
            out.work_index[k * kPriorities + p] = index;
          }
        }
      }
    }
    out.discipline = g.queue_discipline() == scenario::ResolverGroup::FIFO                ? DisciplineKind::kFifo
                     : g.queue_discipline() == scenario::ResolverGroup::EARLIEST_DEADLINE ? DisciplineKind::kEarliestDeadline
                                                                                           : DisciplineKind::kPriority;
    out.escalation_probability = g.escalation_probability();
    out.escalation_targets = choice(g.escalation_targets(), c.groups);
    out.reassignment_probability = g.reassignment_probability();
    double bound = out.escalation_probability;
    out.decision_bounds.push_back(bound);
    bound += out.reassignment_probability;
    out.decision_bounds.push_back(bound);
    for (const auto& t : g.transfers()) {
      out.transfer_groups.push_back(static_cast<std::uint16_t>(index_of(c.groups, t.group())));
      bound += t.probability();
      out.decision_bounds.push_back(bound);
    }
    // Validation lets the row exceed 1 by the rounding of printed probabilities (at most 1e-4);
    // dividing by it then leaves resolution probability 0 instead of shortening the last transfer.
    if (bound > 1.0)
      for (double& b : out.decision_bounds) b /= bound;
    if (g.has_handover_work_hours()) {
      out.has_handover_work = true;
      out.handover_work = to_sim_distribution(g.handover_work_hours(), sim::kSecondsPerHour);
    }
    if (g.has_later_visit_work_hours()) {
      out.has_later_work = true;
      out.later_work = to_sim_distribution(g.later_visit_work_hours(), sim::kSecondsPerHour);
    }
    // Waiting rules: per (category, priority) the most specific rule of each state.
    for (const auto& w : g.waiting()) {
      WaitingRuleConfig rule;
      rule.state = w.state() == scenario::WAITING_ON_VENDOR   ? TicketState::kWaitingOnVendor
                   : w.state() == scenario::WAITING_ON_CHANGE ? TicketState::kWaitingOnChange
                                                              : TicketState::kWaitingOnUser;
      rule.probability = w.probability();
      rule.duration = to_sim_distribution(w.duration_hours(), sim::kSecondsPerHour);
      rule.has_resume_work = w.has_resume_work_hours();
      if (rule.has_resume_work) rule.resume_work = to_sim_distribution(w.resume_work_hours(), sim::kSecondsPerHour);
      out.waiting.push_back(std::move(rule));
    }
    out.waiting_for.assign(categories * kPriorities, {});
    out.waiting_cumulative.assign(categories * kPriorities, {});
    for (std::size_t k = 0; k < categories; ++k)
      for (std::size_t p = 0; p < kPriorities; ++p)
        for (int state = scenario::WAITING_ON_USER; state <= scenario::WAITING_ON_CHANGE; ++state) {
          int best = -1, best_score = -1;
          for (int r = 0; r < g.waiting_size(); ++r) {
            const auto& w = g.waiting(r);
            if (static_cast<int>(w.state()) != state) continue;
            if (!w.category().empty() && w.category() != desk.categories[k].name) continue;
            if (w.priority() != 0 && w.priority() != p + 1) continue;
            const int score = (w.category().empty() ? 0 : 2) + (w.priority() == 0 ? 0 : 1);
            if (score > best_score) best = r, best_score = score;
          }
          if (best >= 0) out.waiting_for[k * kPriorities + p].push_back(static_cast<std::uint16_t>(best));
        }
    for (std::size_t cp = 0; cp < categories * kPriorities; ++cp) {
      double total = 0;
      for (std::uint16_t r : out.waiting_for[cp]) total += out.waiting[r].probability;
      const double scale = total > 1.0 ? 1.0 / total : 1.0;
      double running = 0;
      for (std::uint16_t r : out.waiting_for[cp]) {
        running += out.waiting[r].probability * scale;
        out.waiting_cumulative[cp].push_back(running);
      }
    }
    if (g.has_ola()) {
      const auto& ola = g.ola();
      out.has_ola = true;
      for (std::size_t p = 0; p < kPriorities; ++p) out.ola_target_seconds[p] = sim::hours(ola.target_hours(static_cast<int>(p)));
      out.chase_share = ola.chase_at_share();
      out.ola_calendar = calendar_index(desk, ola.calendar());
      if (ola.has_extra_capacity()) {
        out.effect = OlaEffect::kExtraCapacity;
        out.extra_servers = ola.extra_capacity().servers();
        out.extra_seconds = sim::hours(ola.extra_capacity().hours());
      } else if (ola.has_priority_raise()) {
        out.effect = OlaEffect::kPriorityRaise;
        out.raise_levels = ola.priority_raise().levels();
      }
    }
  }
  c.routes.resize(categories);
  for (const auto& r : net.routes()) {
    for (std::size_t k = 0; k < categories; ++k) {
      if (desk.categories[k].name != r.category()) continue;
      c.routes[k].first = choice(r.groups(), c.groups);
      c.routes[k].bypass_desk = r.bypass_desk();
      if (r.reassignment_count_probabilities_size() > 0)
        c.routes[k].misroute_count_cumulative =
            cumulative({r.reassignment_count_probabilities().begin(), r.reassignment_count_probabilities().end()});
    }
  }
  c.has_handoff_delay = net.has_handoff_delay_hours();
  if (c.has_handoff_delay) c.handoff_delay = to_sim_distribution(net.handoff_delay_hours(), sim::kSecondsPerHour);
  for (std::size_t h = 0; h < kHalfHoursPerWeek; ++h) {
    const std::size_t prev = (h + kHalfHoursPerWeek - 1) % kHalfHoursPerWeek;
    for (const auto& g : c.groups)
      if (!g.roster.empty() && g.roster[h] != g.roster[prev]) {
        c.roster_changes.push_back(h);
        break;
      }
  }
  return c;
}

}  // namespace desksim::models
