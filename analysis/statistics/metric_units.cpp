#include "analysis/statistics/metric_units.hpp"

namespace desksim::analysis {
namespace {

bool has(std::string_view name, std::string_view part) { return name.find(part) != std::string_view::npos; }

}  // namespace

std::string unit_of(std::string_view metric, MetricKind kind) {
  if (kind == MetricKind::kShare || kind == MetricKind::kIndicator || has(metric, "fraction_le_")) return "share";
  if (metric.ends_with(".fte") || metric.ends_with(".fte_per_month")) return "FTE";
  if (has(metric, "_hours") || metric.starts_with("staff.hours")) return "hours";
  if (has(metric, "_minutes")) return "minutes";
  if (has(metric, "_pounds")) return "pounds";
  if (has(metric, "busy") || has(metric, "on_duty") || has(metric, "agents")) return "agents";
  if (metric == "users") return "users";
  if (metric.starts_with("tickets.visits") || metric.ends_with(".visits")) return "visits";
  if (has(metric, "tickets") || has(metric, "queue_length") || has(metric, "breaches") || has(metric, "handoffs") ||
      has(metric, "reassignments") || has(metric, "chases") || has(metric, "escalations") || has(metric, "visits"))
    return "tickets";
  if (has(metric, "outages") || has(metric, "major_incidents") || has(metric, "failures") ||
      has(metric, "maintenance_windows"))
    return "events";
  return "";
}

std::string_view metric_topic(std::string_view m) {
  if (has(m, "credit_pounds") || has(m, "cost") || m.starts_with("staff.")) return "cost";
  if (m.starts_with("tickets.raised") || m == "users") return "demand";
  if (m.starts_with("desk.") || m.starts_with("tickets.")) return "desk";
  if (m.starts_with("sla.") || m.starts_with("supplier.")) return "sla";
  if (m.starts_with("service.") || m.starts_with("storm.")) return "availability";
  if (m.starts_with("component.")) return "infrastructure";
  if (m.starts_with("group.") || m.starts_with("resolver.") || m.starts_with("handoffs.") || m.starts_with("breach."))
    return "resolver";
  return "other";
}

MetricKind scalar_kind(std::string_view name) {
  if (name.ends_with("target_met")) return MetricKind::kIndicator;
  if (has(name, "availability") || has(name, "attainment")) return MetricKind::kShare;
  if (has(name, "_minutes") || has(name, "_hours") || has(name, "_pounds") || name.ends_with(".fte") ||
      name == "staff.hours")
    return MetricKind::kNonNegative;
  return MetricKind::kReal;
}

MetricKind time_average_kind(std::string_view name) {
  if (has(name, "utilisation") || name.ends_with(".up")) return MetricKind::kShare;
  return MetricKind::kNonNegative;  // levels: queue lengths, busy agents, open tickets
}

}  // namespace desksim::analysis
