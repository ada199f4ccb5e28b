#include "models/infra/dependency_rule.hpp"

#include <algorithm>

namespace desksim::models {

using Dependency = scenario::Infrastructure::Dependency;

std::uint32_t DependencyRule::add_component(std::uint32_t component) {
  nodes_.push_back(Node{0, component, 0, 0, true});
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::uint32_t DependencyRule::add_k_of_n(std::uint32_t k, const std::vector<std::uint32_t>& children) {
  const auto first = static_cast<std::uint32_t>(children_.size());
  children_.insert(children_.end(), children.begin(), children.end());
  nodes_.push_back(Node{k, 0, first, static_cast<std::uint32_t>(children.size()), false});
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::uint32_t DependencyRule::compile_node(const Dependency& rule,
                                           const std::unordered_map<std::string, std::uint32_t>& component_index,
                                           std::string* error, bool* ok) {
  auto compile_children = [&](const auto& parts) {
    std::vector<std::uint32_t> ids;
    for (const Dependency& p : parts) ids.push_back(compile_node(p, component_index, error, ok));
    return ids;
  };
  switch (rule.rule_case()) {
    case Dependency::kComponent: {
      auto it = component_index.find(rule.component());
      if (it == component_index.end()) {
        *ok = false;
        if (error) *error = "unknown component \"" + rule.component() + "\"";
        return add_component(0);
      }
      return add_component(it->second);
    }
    case Dependency::kAllOf: {
      if (rule.all_of().parts().empty()) *ok = false;
      return add_all_of(compile_children(rule.all_of().parts()));
    }
    case Dependency::kAnyOf: {
      if (rule.any_of().parts().empty()) *ok = false;
      return add_any_of(compile_children(rule.any_of().parts()));
    }
    case Dependency::kKOfN: {
      const auto& kn = rule.k_of_n();
      if (kn.k() < 1 || kn.k() > static_cast<std::uint32_t>(kn.parts_size())) {
        *ok = false;
        if (error) *error = "k_of_n needs 1 <= k <= number of parts";
      }
      return add_k_of_n(kn.k(), compile_children(kn.parts()));
    }
    case Dependency::RULE_NOT_SET: break;
  }
  *ok = false;
  if (error && error->empty()) *error = "dependency with no rule set";
  return add_all_of({});
}

bool DependencyRule::compile(const Dependency& rule,
                             const std::unordered_map<std::string, std::uint32_t>& component_index,
                             DependencyRule* out, std::string* error) {
  DependencyRule r;
  bool ok = true;
  r.compile_node(rule, component_index, error, &ok);
  if (ok) *out = std::move(r);
  else if (error && error->empty()) *error = "invalid dependency rule";
  return ok;
}

bool DependencyRule::evaluate(const std::vector<bool>& component_up) const {
  if (nodes_.empty()) return true;
  value_.resize(nodes_.size());
  // Children always precede their parent (built bottom-up), so one forward pass suffices.
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (n.leaf) {
      value_[i] = component_up[n.component] ? 1 : 0;
      continue;
    }
    std::uint32_t up = 0;
    for (std::uint32_t c = 0; c < n.child_count; ++c) up += value_[children_[n.first_child + c]];
    value_[i] = up >= n.k ? 1 : 0;
  }
  return value_.back() != 0;
}

std::vector<std::uint32_t> DependencyRule::components() const {
  std::vector<std::uint32_t> out;
  for (const Node& n : nodes_)
    if (n.leaf) out.push_back(n.component);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace desksim::models
