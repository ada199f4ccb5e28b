#pragma once
// A service's redundancy rule, compiled from the scenario's recursive Dependency message into a flat
// array of nodes (children before parents), and evaluated against the components' up/down states.
//
// Node kinds: a leaf (one component), k-of-n over its children; series ("all of") is n-of-n and
// parallel ("any of") is 1-of-n, so one evaluation loop covers all three. Evaluation is O(nodes) per
// call and is done only when one of the rule's components changes state (low frequency).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "desksim/scenario.pb.h"

namespace desksim::models {

class DependencyRule {
 public:
  /// Compiles `rule`; component names are resolved through `component_index`. Returns false with
  /// *error set on an unknown component or an invalid k (the validator reports these first, with
  /// field paths; this is a second line of defence).
  static bool compile(const scenario::Infrastructure::Dependency& rule,
                      const std::unordered_map<std::string, std::uint32_t>& component_index, DependencyRule* out,
                      std::string* error);

  // Direct construction (tests, analytic set-ups): build bottom-up, each call returns the node id.
  std::uint32_t add_component(std::uint32_t component);
  std::uint32_t add_k_of_n(std::uint32_t k, const std::vector<std::uint32_t>& children);
  std::uint32_t add_all_of(const std::vector<std::uint32_t>& children) {
    return add_k_of_n(static_cast<std::uint32_t>(children.size()), children);
  }
  std::uint32_t add_any_of(const std::vector<std::uint32_t>& children) { return add_k_of_n(1, children); }

  /// True if the rule (its last-added node, the root) holds for these component states
  /// (component_up[c] for component index c).
  bool evaluate(const std::vector<bool>& component_up) const;

  /// Distinct components the rule mentions, ascending.
  std::vector<std::uint32_t> components() const;
  bool empty() const { return nodes_.empty(); }

 private:
  struct Node {
    std::uint32_t k;           // leaf: unused
    std::uint32_t component;   // leaf only
    std::uint32_t first_child; // index into children_
    std::uint32_t child_count; // 0 for a leaf
    bool leaf;
  };
  std::uint32_t compile_node(const scenario::Infrastructure::Dependency& rule,
                             const std::unordered_map<std::string, std::uint32_t>& component_index,
                             std::string* error, bool* ok);

  std::vector<Node> nodes_;
  std::vector<std::uint32_t> children_;
  mutable std::vector<std::uint8_t> value_;  // scratch, per node
};

}  // namespace desksim::models
