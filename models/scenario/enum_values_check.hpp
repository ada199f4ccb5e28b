#pragma once
// proto3 enums are open: protobuf's text and JSON parsers accept any number for an enum field
// (`kind: 99`, `"kind": 99`) and keep it. The model switches over the named values only, so every
// enum value set anywhere in a scenario must be one the schema names.
#include <vector>

#include <google/protobuf/message.h>

#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Appends one Diagnostic per enum field (at any depth) holding a number its enum does not name,
/// with the field path ("infrastructure.components[0].kind"). Returns true when there is none.
bool check_enum_values(const google::protobuf::Message& message, std::vector<Diagnostic>* diagnostics);

}  // namespace desksim::models
