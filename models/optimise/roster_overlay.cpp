#include "models/optimise/roster_overlay.hpp"

#include <sstream>

#include <google/protobuf/text_format.h>

#include "models/desk/service_desk_config.hpp"

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

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string roster_overlay_text(const scenario::Scenario& optimised, const std::vector<StationRoster>& stations,
                                const std::string& extends, const std::vector<std::string>& comment) {
  std::ostringstream out;
  for (const auto& line : comment) out << "# " << line << "\n";
  out << "# proto-file: scenarios/desksim/scenario.proto\n# proto-message: desksim.scenario.Scenario\n";
  out << "extends: " << quoted(extends) << "\n";
  out << "name: " << quoted(optimised.name()) << "\n";
  for (const auto& st : stations) {
    if (st.fixed || st.name != "desk") continue;
    out << "desk {\n";
    if (uses_service_desk_model(optimised)) out << roster_field("roster_agents_per_half_hour", st.on_duty, "  ");
    else out << "  agents: " << optimised.desk().agents() << "\n";
    out << "}\n";
  }
  bool network_open = false;
  for (const auto& st : stations) {
    if (st.fixed || st.name == "desk") continue;
    for (const auto& g : optimised.resolver_network().groups()) {
      if (g.name() != st.name) continue;
      if (!network_open) out << "resolver_network {\n", network_open = true;
      scenario::ResolverGroup without = g;
      without.clear_roster_servers_per_half_hour();
      std::string body;
      google::protobuf::TextFormat::Printer printer;
      printer.SetInitialIndentLevel(2);
      printer.PrintToString(without, &body);
      out << "  groups {\n" << body << roster_field("roster_servers_per_half_hour", st.on_duty, "    ") << "  }\n";
    }
  }
  if (network_open) out << "}\n";
  return out.str();
}

}  // namespace desksim::models
