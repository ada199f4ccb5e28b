#include "models/scenario/resolver_visits.hpp"

#include <cmath>

#include "models/scenario/engine_limits.hpp"

namespace desksim::models {

std::map<std::string, int> group_index(const scenario::ResolverNetwork& net) {
  std::map<std::string, int> index;
  for (int g = 0; g < net.groups_size(); ++g) index[net.groups(g).name()] = g;
  return index;
}

Chain chain_for(const scenario::ResolverNetwork& net, const scenario::CategoryRoute& route) {
  const auto index = group_index(net);
  const int n = net.groups_size();
  Chain c{Eigen::MatrixXd::Zero(n, n), Eigen::VectorXd::Zero(n)};
  for (const auto& share : route.groups())
    if (index.count(share.group())) c.first(index.at(share.group())) += share.probability();
  const bool counted = route.reassignment_count_probabilities_size() > 0;
  for (int g = 0; g < n; ++g) {
    const auto& gr = net.groups(g);
    double esc_total = 0;
    for (const auto& t : gr.escalation_targets()) esc_total += t.probability();
    for (const auto& t : gr.escalation_targets())
      if (index.count(t.group()) && esc_total > 0)
        c.q(g, index.at(t.group())) += gr.escalation_probability() * t.probability() / esc_total;
    for (const auto& t : gr.transfers())
      if (index.count(t.group())) c.q(g, index.at(t.group())) += t.probability();
    if (counted) continue;  // a drawn number of misroutes ends by itself
    double others = 0;
    for (const auto& share : route.groups())
      if (share.group() != gr.name()) others += share.probability();
    if (others > 0)
      for (const auto& share : route.groups())
        if (share.group() != gr.name() && index.count(share.group()))
          c.q(g, index.at(share.group())) += gr.reassignment_probability() * share.probability() / others;
  }
  return c;
}

/// Expected visits to each group of a ticket entering by `first`: first^T (I - Q)^-1, or false when
/// a set of groups keeps a ticket forever (I - Q singular, or visits beyond the limit).
bool expected_visits(const Chain& c, Eigen::VectorXd* visits) {
  const Eigen::MatrixXd a = Eigen::MatrixXd::Identity(c.q.rows(), c.q.cols()) - c.q;
  Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
  if (!lu.isInvertible()) return false;
  *visits = lu.solve(Eigen::MatrixXd::Identity(c.q.rows(), c.q.cols())).transpose() * c.first;
  for (int g = 0; g < visits->size(); ++g)
    if (!std::isfinite((*visits)(g)) || (*visits)(g) < -1e-9 || (*visits)(g) > kMaxExpectedVisits) return false;
  return true;
}

}  // namespace desksim::models
