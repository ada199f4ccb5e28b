#pragma once
// The search's side of the link with desksim-mpi (app/optimise_rounds.hpp): `desksim optimise` with the
// hidden --rounds-* options hands each round's (candidate, replication) simulations to the ranks of the
// MPI job instead of running them in its own pool, and waits for their results.
#include <string>

#include <CLI/CLI.hpp>

#include "models/optimise/candidate_evaluation.hpp"

namespace desksim::app {

struct RoundsOnRanksArguments {
  /// Folder shared with desksim-mpi, where the rounds' candidates and results are kept (it exists).
  std::string folder;
  /// Pipe end on which each round is asked for (>= 0).
  int request_fd = -1;
  /// Pipe end on which desksim-mpi answers (>= 0).
  int answer_fd = -1;
  /// Ranks of the MPI job: how many simulations run at once, for the time budget's estimate (>= 1).
  unsigned ranks = 0;

  bool any() const { return !folder.empty() || request_fd >= 0 || answer_fd >= 0 || ranks > 0; }
  bool IsValid(std::string* error) const;
};

/// Registers the hidden options on `optimise` (IsValid checks that they come together).
void add_rounds_on_ranks_options(CLI::App* optimise, RoundsOnRanksArguments* args);

/// Hands each round to desksim-mpi and reads back its results, numbering the rounds from 0.
models::ReplicationsElsewhere replications_on_ranks(const RoundsOnRanksArguments& args);

}  // namespace desksim::app
