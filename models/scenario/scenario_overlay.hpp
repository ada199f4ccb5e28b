#pragma once
// Merging an overlay scenario into its base (Scenario.extends), keeping for every field path which
// file and line set it, so that a validation error in the merged scenario names the line of the
// file that caused it. The rules are those documented at Scenario.extends in scenario.proto.
#include <map>
#include <string>
#include <vector>

#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>

#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown (JSON)
  int column = 0;
};

/// Canonical field path (see field_path.hpp) -> where it was last written.
using Provenance = std::map<std::string, SourceLocation>;

/// Which fields one file wrote. In a text file a field written with its default value counts (the
/// parse-info tree has its place), so an overlay can set a number back to 0; in JSON only fields
/// that differ from the default can be seen. `tree` is null for JSON.
struct WrittenFile {
  const google::protobuf::Message* message;
  const google::protobuf::TextFormat::ParseInfoTree* tree;
  std::string file;
};

/// Every field `written` wrote, by canonical path.
Provenance record_provenance(const WrittenFile& written);

/// Drops the named entry `name` of the named list at `path` from `base` (and its provenance).
/// False, with the reason, when the path is not a named list or the entry is not there.
bool remove_entry(google::protobuf::Message* base, Provenance* provenance, const std::string& path,
                  const std::string& name, std::string* error);

/// Merges what `overlay` wrote into `base`, field by field (skipping the top-level `skip` fields,
/// e.g. `extends` itself), and records the overlay's places over the base's.
void merge_overlay(const WrittenFile& overlay, google::protobuf::Message* base, Provenance* provenance,
                   const std::vector<std::string>& skip);

/// Sets d->file, line and column from the most specific recorded prefix of d->field_path in `root`.
void locate(const google::protobuf::Message& root, const Provenance& provenance, Diagnostic* d);

}  // namespace desksim::models
