#include "models/scenario/platform_xml_rules.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

namespace desksim::models {

namespace {

namespace pt = boost::property_tree;

// "<host id="a">", the element as a reader finds it in the file.
std::string element(const std::string& tag, const pt::ptree& node) {
  const auto id = node.get_optional<std::string>("<xmlattr>.id");
  return "<" + tag + (id ? " id=\"" + *id + "\"" : "") + ">";
}

void check(const std::string& tag, const pt::ptree& node, std::vector<std::string>* out) {
  if (tag == "config")
    out->push_back(element(tag, node) + " sets SimGrid's own options, which desksim sets itself: remove it");
  if (const auto attributes = node.get_child_optional("<xmlattr>")) {
    if (attributes->get_optional<std::string>("state_file"))
      out->push_back(element(tag, node) +
                     " has a state_file: desksim fails and repairs components itself (time_to_failure_hours, "
                     "time_to_repair_hours); a state profile would switch it off behind desksim's back");
    const auto id = attributes->get_optional<std::string>("id");
    if (id && id->rfind("__", 0) == 0)
      out->push_back(element(tag, node) + ": names beginning with \"__\" are SimGrid's own (such as __loopback__)");
    if (tag == "trace_connect") {
      const std::string kind = attributes->get("kind", "");
      if (kind == "HOST_AVAIL" || kind == "LINK_AVAIL")
        out->push_back("<trace_connect kind=\"" + kind + "\" element=\"" + attributes->get("element", "") +
                       "\"> is a state profile: desksim fails and repairs components itself");
    }
  }
  for (const auto& [child_tag, child] : node)
    if (child_tag != "<xmlattr>" && child_tag != "<xmlcomment>") check(child_tag, child, out);
}

}  // namespace

std::vector<std::string> platform_xml_problems(const std::string& path) {
  std::vector<std::string> out;
  pt::ptree tree;
  try {
    pt::read_xml(path, tree);
  } catch (const pt::xml_parser_error& e) {
    out.push_back("not well-formed XML: line " + std::to_string(e.line()) + ": " + e.message());
    return out;
  }
  for (const auto& [tag, node] : tree) check(tag, node, &out);
  return out;
}

}  // namespace desksim::models
