#pragma once
// A programme of dated changes (Scenario.programme) as the succession of scenarios in force: epoch 0
// is the scenario as written from t = 0, and each later epoch starts where a step (or one step of a
// ramp) changes it. The engine builds its configuration from each epoch and switches to it at the
// epoch's start; validation checks every epoch as a scenario, and that no epoch changes what the
// engine cannot change during a run (see Scenario.programme in scenario.proto).
#include <string>
#include <vector>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

struct Epoch {
  double start_seconds = 0.0;  ///< since t = 0
  std::string label;           ///< "start", or the step and its date, e.g. "portal go-live 2025-04-07"
  scenario::Scenario scenario; ///< the scenario in force, programme cleared
};

/// Expands the programme, without validating the epochs (a replication expands a programme that
/// validation has already accepted). Problems of the expansion itself (a bad date, a field that
/// does not exist, too many changes) are added to *problems with the step's field path; false if
/// there is any. Without a programme: one epoch, the scenario itself.
bool expand_programme(const scenario::Scenario& scenario, std::vector<Epoch>* epochs, std::vector<Diagnostic>* problems);

/// Expands the programme and checks every epoch as a scenario, and that none changes what cannot
/// change during a run; for the validator.
void validate_programme(const scenario::Scenario& scenario, std::vector<Diagnostic>* problems);

}  // namespace desksim::models
