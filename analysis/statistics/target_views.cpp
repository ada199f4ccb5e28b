#include "analysis/statistics/target_views.hpp"

#include <map>
#include <regex>

namespace desksim::analysis {

std::vector<SlaAttainment> sla_attainments(const results::RunResult& run) {
  static const std::regex supplier_name(R"(^supplier\.([^.]+)\.(response|resolution)_attainment(\.P([1-4]))?\.mean$)");
  static const std::regex desk_name(R"(^sla\.(response|resolution)_attainment(\.P([1-4]))?\.mean$)");
  std::vector<SlaAttainment> out;
  for (const auto& e : run.estimates()) {
    std::smatch m;
    SlaAttainment a;
    std::string priority_digit;
    if (std::regex_match(e.name(), m, supplier_name)) {
      a.supplier = m[1];
      a.clock = m[2];
      priority_digit = m[4];
    } else if (std::regex_match(e.name(), m, desk_name)) {
      a.supplier = "end-to-end";
      a.clock = m[1];
      priority_digit = m[3];
    } else {
      continue;
    }
    a.priority = priority_digit.empty() ? "all" : "P" + priority_digit;
    a.estimate = &e;
    const std::string& contract = a.supplier == "end-to-end" ? run.scenario().desk_supplier() : a.supplier;
    for (const auto& s : run.scenario().suppliers()) {
      if (s.name() != contract) continue;
      if (s.attainment_target_percent() > 0) a.target_percent = s.attainment_target_percent();
      for (const auto& t : s.targets()) {
        if (priority_digit.empty() || t.priority() != static_cast<unsigned>(std::stoi(priority_digit))) continue;
        a.target_time_hours = a.clock == "response" ? t.response_minutes() / 60.0 : t.resolution_hours();
        a.calendar = t.calendar().empty() ? "24x7" : t.calendar();
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<ServiceAvailability> service_availabilities(const results::RunResult& run) {
  std::vector<ServiceAvailability> out;
  if (run.replications_size() == 0) return out;
  std::map<std::string, const results::MetricEstimate*> by_name;
  for (const auto& e : run.estimates()) by_name.emplace(e.name(), &e);
  auto find = [&](const std::string& name) -> const results::MetricEstimate* {
    const auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : it->second;
  };
  for (const auto& s : run.replications(0).infrastructure().services()) {
    const std::string prefix = "service." + s.name() + ".";
    const auto* availability = find(prefix + "availability");
    if (!availability) continue;
    out.push_back(ServiceAvailability{s.name(), s.target_percent(), availability,
                                      find(prefix + "business_hours_availability"), find(prefix + "target_met"),
                                      find(prefix + "downtime_minutes"), find(prefix + "planned_downtime_minutes"),
                                      find(prefix + "credit_pounds")});
  }
  return out;
}

}  // namespace desksim::analysis
