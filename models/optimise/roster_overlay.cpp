#include "models/optimise/roster_overlay.hpp"

#include <algorithm>
#include <sstream>

#include <google/protobuf/text_format.h>

#include "models/desk/service_desk_config.hpp"
#include "models/scenario/text_format_errors.hpp"

namespace desksim::models {

namespace {

/// `field: [...]`, one day (48 values) per line.
std::string roster_field(const std::string& field, const std::vector<std::uint32_t>& values, const std::string& indent) {
  std::ostringstream out;
  out << indent << field << ": [";
  for (std::size_t h = 0; h < values.size(); ++h) {
    if (h % 48 == 0) out << "\n" << indent << "  ";
    out << values[h] << (h + 1 < values.size() ? ", " : "");
  }
  out << "\n" << indent << "]\n";
  return out.str();
}


/// The rosters of the searched stations as fields of a Scenario (desk) or its resolver network,
/// indented by `indent`.
std::string roster_fields(const scenario::Scenario& optimised, const std::vector<StationRoster>& stations,
                          const std::string& indent) {
  std::ostringstream out;
  for (const auto& st : stations) {
    if (st.fixed || st.name != "desk") continue;
    out << indent << "desk {\n";
    if (uses_service_desk_model(optimised)) out << roster_field("roster_agents_per_half_hour", st.on_duty, indent + "  ");
    else out << indent << "  agents: " << optimised.desk().agents() << "\n";
    out << indent << "}\n";
  }
  bool network_open = false;
  for (const auto& st : stations) {
    if (st.fixed || st.name == "desk") continue;
    for (const auto& g : optimised.resolver_network().groups()) {
      if (g.name() != st.name) continue;
      if (!network_open) out << indent << "resolver_network {\n", network_open = true;
      scenario::ResolverGroup without = g;
      without.clear_roster_servers_per_half_hour();
      std::string body;
      google::protobuf::TextFormat::Printer printer;
      printer.SetInitialIndentLevel(static_cast<int>(indent.size() / 2) + 2);
      printer.PrintToString(without, &body);
      out << indent << "  groups {\n"
          << body << roster_field("roster_servers_per_half_hour", st.on_duty, indent + "    ") << indent << "  }\n";
    }
  }
  if (network_open) out << indent << "}\n";
  return out.str();
}

}  // namespace

std::string roster_overlay_text(const scenario::Scenario& optimised, const std::vector<StationRoster>& stations,
                                const std::string& extends, const std::vector<std::string>& comment) {
  std::ostringstream out;
  for (const auto& line : comment) out << "# " << line << "\n";
  out << "# proto-file: scenarios/desksim/scenario.proto\n# proto-message: desksim.scenario.Scenario\n";
  out << "extends: " << text_format_quoted(extends) << "\n";
  out << "name: " << text_format_quoted(optimised.name()) << "\n";
  out << roster_fields(optimised, stations, "");
  return out.str();
}

std::string phased_overlay_text(const scenario::Scenario& base, const PhasedResult& phased, const std::string& extends,
                                const std::vector<std::string>& comment) {
  std::ostringstream out;
  const auto& first = phased.phases.front().result;
  out << roster_overlay_text(first.scenario, first.stations, extends, comment);
  for (const auto& step : base.programme().steps())
    out << "remove { path: \"programme.steps\" name: " << text_format_quoted(step.name()) << " }\n";
  struct Entry {
    std::string date;
    std::string text;
  };
  std::vector<Entry> entries;
  for (const auto& step : base.programme().steps()) {
    std::string body;
    google::protobuf::TextFormat::Printer printer;
    printer.SetInitialIndentLevel(2);
    printer.PrintToString(step, &body);
    entries.push_back({step.from_date(), "  steps {\n" + body + "  }\n"});
  }
  for (std::size_t p = 1; p < phased.phases.size(); ++p) {
    const auto& phase = phased.phases[p];
    std::ostringstream step;
    step << "  steps {\n    name: " << text_format_quoted("optimised rosters from " + phase.from_date) << "\n    from_date: "
         << text_format_quoted(phase.from_date) << "\n    change {\n"
         << roster_fields(phase.result.scenario, phase.result.stations, "      ") << "    }\n  }\n";
    entries.push_back({phase.from_date, step.str()});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.date < b.date; });
  if (entries.empty()) return out.str();  // no programme, one phase: the rosters alone
  out << "programme {\n";
  for (const auto& e : entries) out << e.text;
  out << "}\n";
  return out.str();
}

}  // namespace desksim::models
