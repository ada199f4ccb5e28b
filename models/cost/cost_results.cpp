#include "models/cost/cost_results.hpp"

#include <algorithm>
#include <map>

namespace desksim::models {

namespace {

// Staff hours, FTE and pounds: one row of figures, summed over stations.
struct Figures {
  double hours = 0.0, fte = 0.0, pounds = 0.0;
  void add(const Figures& o) {
    hours += o.hours;
    fte += o.fte;
    pounds += o.pounds;
  }
};

struct Ledger {
  Figures window;
  std::vector<Figures> months;
};

const results::PeriodSeries* find_series(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& s : r.series())
    if (s.name() == name) return &s;
  return nullptr;
}

double time_average(const results::ReplicationResult& r, const std::string& name) {
  for (const auto& a : r.time_averages())
    if (a.name() == name) return a.mean();
  return 0.0;
}

Figures figures(const StaffCostConfig& cost, double staffed_hours, double calendar_hours) {
  const double per_fte = cost.staffed_hours_per_fte(calendar_hours);
  return Figures{staffed_hours, per_fte > 0 ? staffed_hours / per_fte : 0.0, staffed_hours * cost.pounds_per_staffed_hour};
}

Ledger ledger_of(const CostedStaff& s, const RunMonths& months, const results::ReplicationResult& r) {
  const double window = r.simulated_hours() - r.measured_from_hours();
  const std::size_t n = months.bounds_hours.size() - 1;
  Ledger l;
  l.months.resize(n);
  const double window_level = s.level_average.empty() ? s.constant_level : time_average(r, s.level_average);
  l.window = figures(s.cost, window_level * window, window);
  const results::PeriodSeries* series = s.level_per_month.empty() ? nullptr : find_series(r, s.level_per_month);
  for (std::size_t k = 0; k < n; ++k) {
    const double length = months.bounds_hours[k + 1] - months.bounds_hours[k];
    const double level = series ? (static_cast<int>(k) < series->values_size() ? series->values(static_cast<int>(k)) : 0.0)
                                : s.constant_level;
    l.months[k] = figures(s.cost, level * length, length);
  }
  return l;
}

void add_scalar(results::ReplicationResult* out, const std::string& name, double value) {
  auto* s = out->add_scalars();
  s->set_name(name);
  s->set_value(value);
}

results::PeriodSeries* add_month_series(const RunMonths& months, const std::string& name, results::ReplicationResult* out) {
  auto* s = out->add_series();
  s->set_name(name);
  s->set_aggregate("sum");
  const std::size_t n = months.bounds_hours.size() - 1;
  s->set_period_hours((months.bounds_hours.back() - months.bounds_hours.front()) / static_cast<double>(n));
  for (double b : months.bounds_hours) s->add_period_bounds_hours(b);
  for (const auto& label : months.labels) s->add_period_labels(label);
  return s;
}

void add_ledger(const std::string& prefix, const std::string& hours_name, const std::string& fte_name,
                const std::string& pounds_name, const Ledger& l, const RunMonths& months, results::ReplicationResult* out) {
  add_scalar(out, prefix + hours_name, l.window.hours);
  add_scalar(out, prefix + fte_name, l.window.fte);
  add_scalar(out, prefix + pounds_name, l.window.pounds);
  auto* hours = add_month_series(months, prefix + hours_name + "_per_month", out);
  auto* fte = add_month_series(months, prefix + fte_name + "_per_month", out);
  auto* pounds = add_month_series(months, prefix + pounds_name + "_per_month", out);
  for (const Figures& m : l.months) {
    hours->add_values(m.hours);
    fte->add_values(m.fte);
    pounds->add_values(m.pounds);
  }
}

// Credits per month of a supplier, over the completed months (index = month).
std::vector<double> credits(const results::ReplicationResult& r, const std::string& supplier) {
  std::vector<double> v;
  if (const auto* s = find_series(r, "supplier." + supplier + ".credit_pounds_per_month"))
    v.assign(s->values().begin(), s->values().end());
  return v;
}

}  // namespace

void add_cost_results(const std::vector<CostedStaff>& staff, const std::vector<std::string>& suppliers,
                      const RunMonths& months, results::ReplicationResult* out) {
  if (months.bounds_hours.size() < 2) return;
  const std::size_t n = months.bounds_hours.size() - 1;
  auto empty = [n] {
    Ledger l;
    l.months.resize(n);
    return l;
  };
  std::map<std::string, Ledger> by_supplier;
  for (const auto& s : suppliers) by_supplier.emplace(s, empty());
  Ledger all = empty();
  for (const CostedStaff& s : staff) {
    const Ledger l = ledger_of(s, months, *out);
    add_ledger(s.prefix + ".", "staff_hours", "fte", "staff_cost_pounds", l, months, out);
    auto sum_into = [&l](Ledger& to) {
      to.window.add(l.window);
      for (std::size_t k = 0; k < l.months.size(); ++k) to.months[k].add(l.months[k]);
    };
    sum_into(all);
    if (auto it = by_supplier.find(s.supplier); it != by_supplier.end()) sum_into(it->second);
  }

  std::vector<double> all_credits(n, 0.0);
  const std::size_t completed = std::min(months.completed, n);
  for (const auto& name : suppliers) {
    const Ledger& l = by_supplier.at(name);
    const std::string prefix = "supplier." + name + ".";
    add_ledger(prefix, "staff_hours", "fte", "staff_cost_pounds", l, months, out);
    const std::vector<double> c = credits(*out, name);
    auto* total = add_month_series(months, prefix + "total_cost_pounds_per_month", out);
    double sum = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      const double credit = k < c.size() ? c[k] : 0.0;
      all_credits[k] += credit;
      total->add_values(l.months[k].pounds + credit);
      if (k < completed) sum += l.months[k].pounds + credit;
    }
    add_scalar(out, prefix + "total_cost_pounds", sum);
  }
  // Availability credits of the services (per calendar month, completed months only): paid by the
  // infrastructure the services run on, which no supplier field names, so counted in the total only.
  for (const auto& service : out->infrastructure().services())
    for (const auto& m : service.months())
      if (m.month() < n) all_credits[m.month()] += m.credit_pounds();
  add_ledger("staff.", "hours", "fte", "cost_pounds", all, months, out);
  auto* total = add_month_series(months, "cost.total_pounds_per_month", out);
  double credit_sum = 0.0, total_sum = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    total->add_values(all.months[k].pounds + all_credits[k]);
    if (k < completed) {
      credit_sum += all_credits[k];
      total_sum += all.months[k].pounds + all_credits[k];
    }
  }
  add_scalar(out, "cost.credit_pounds", credit_sum);
  add_scalar(out, "cost.total_pounds", total_sum);
  for (const char* name : {"staff.fte", "staff.cost_pounds", "cost.credit_pounds", "cost.total_pounds"})
    out->add_headline_metrics(name);
}

}  // namespace desksim::models

namespace desksim::models {

std::vector<CostedStaff> costed_staff(const scenario::Scenario& s) {
  std::vector<CostedStaff> out;
  CostedStaff desk;
  desk.prefix = "desk";
  desk.supplier = s.desk().supplier();
  desk.cost = make_staff_cost(s.desk().has_staff_cost() ? &s.desk().staff_cost() : nullptr, s);
  desk.level_average = "desk.agents_rostered";
  desk.level_per_month = "desk.agents_rostered_per_month";
  out.push_back(desk);
  for (const auto& g : s.resolver_network().groups()) {
    CostedStaff group;
    group.prefix = "group." + g.name();
    group.supplier = g.supplier();
    group.cost = make_staff_cost(g.has_staff_cost() ? &g.staff_cost() : nullptr, s);
    group.level_average = group.prefix + ".rostered";
    group.level_per_month = group.prefix + ".rostered_per_month";
    out.push_back(group);
  }
  for (const auto& pool : s.infrastructure().repair_crews()) {
    if (!pool.resolver_group().empty()) continue;  // engineers of a group, costed with it
    CostedStaff crew;
    crew.prefix = "crew." + pool.name();
    crew.supplier = pool.supplier();
    crew.cost = make_staff_cost(pool.has_staff_cost() ? &pool.staff_cost() : nullptr, s);
    crew.constant_level = pool.crews();
    out.push_back(crew);
  }
  return out;
}

std::vector<std::string> cost_suppliers(const scenario::Scenario& s) {
  std::vector<std::string> out;
  if (s.has_resolver_network()) {
    for (const auto& sup : s.resolver_network().suppliers()) out.push_back(sup.name());
  } else if (!s.desk().supplier().empty()) {
    out.push_back(s.desk().supplier());
  }
  return out;
}

}  // namespace desksim::models
