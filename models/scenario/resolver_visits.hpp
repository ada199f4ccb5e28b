#pragma once
// Where a category's tickets go in the resolver network, as an absorbing Markov chain: the matrix Q
// of moves between groups after a visit (escalation, misroute, transfer) and the first-visit
// distribution, as the flow draws them. Used by validation (every ticket must leave) and by the
// staffing optimiser (each group's offered load).
#include <map>
#include <string>

#include <Eigen/Dense>

#include "desksim/scenario.pb.h"

namespace desksim::models {

struct Chain {
  Eigen::MatrixXd q;
  Eigen::VectorXd first;
};

/// Index of each group of the network by name.
std::map<std::string, int> group_index(const scenario::ResolverNetwork& net);

/// The chain of one route's category.
Chain chain_for(const scenario::ResolverNetwork& net, const scenario::CategoryRoute& route);

/// Expected visits to each group of a ticket entering by `first`: first^T (I - Q)^-1, or false when
/// a set of groups keeps a ticket forever (I - Q singular, or visits beyond kMaxExpectedVisits).
bool expected_visits(const Chain& c, Eigen::VectorXd* visits);

}  // namespace desksim::models
