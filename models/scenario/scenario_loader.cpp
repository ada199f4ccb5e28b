#include "models/scenario/scenario_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include "models/scenario/input_limits.hpp"
#include "models/scenario/json_scan.hpp"
#include "models/scenario/platform_file_check.hpp"
#include "models/scenario/scenario_file.hpp"
#include "models/scenario/text_format_errors.hpp"
#include "models/scenario/scenario_overlay.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::models {

namespace {

namespace pb = google::protobuf;


/// protobuf's JSON errors read "(desk.agents): invalid value ...", "(desk) agentz: Cannot find
/// field." or, for the document as a whole, only a message. The field path is taken out of the
/// message and located in the text.
Diagnostic json_error(const std::string& message, const std::string& display_name, const JsonLocations& locations) {
  Diagnostic d{display_name, 0, 0, {}, {}};
  std::string rest = message;
  if (!rest.empty() && rest[0] == '(') {
    if (const auto close = rest.find(')'); close != std::string::npos) {
      d.field_path = rest.substr(1, close - 1);
      rest = rest.substr(close + 1);
      // "(desk) agentz: ..." names a key inside desk.
      if (rest.rfind(' ', 0) == 0) {
        const auto colon = rest.find(": ");
        if (colon != std::string::npos) {
          if (!d.field_path.empty()) d.field_path += '.';
          d.field_path.append(rest, 1, colon - 1);
          rest = rest.substr(colon);
        }
      }
    }
  }
  if (rest.rfind(": ", 0) == 0) rest = rest.substr(2);
  d.message = "JSON: " + rest;
  locations.locate(d.field_path, &d);
  return d;
}

/// One file as written: its message and, for text, where each field was written.
struct Layer {
  scenario::Scenario message;
  pb::TextFormat::ParseInfoTree info;
  bool json = false;
  JsonLocations json_locations;  ///< where each key was written, for a JSON file
  WrittenFile written() const { return WrittenFile{&message, json ? nullptr : &info, file}; }
  std::string file;
};

/// Syntax only: semantic rules apply to the merged scenario, not to each layer.
bool parse_layer(const std::string& text, const std::string& display_name, bool json, Layer* layer,
                 std::vector<Diagnostic>* diagnostics) {
  const std::size_t before = diagnostics->size();
  layer->json = json;
  layer->file = display_name;
  if (json) {
    if (!scan_json(text, display_name, &layer->json_locations, diagnostics)) return false;
    pb::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const auto status = pb::util::JsonStringToMessage(text, &layer->message, options);
    if (!status.ok()) {
      diagnostics->push_back(json_error(std::string(status.message()), display_name, layer->json_locations));
      return false;
    }
    return true;
  }
  TextFormatErrors errors(display_name, diagnostics);
  pb::TextFormat::Parser parser;
  // The parser recurses once per nested message: thousands of levels would overflow the stack.
  parser.SetRecursionLimit(kMaxMessageNesting);
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&layer->info);
  if (!parser.ParseFromString(text, &layer->message)) {
    if (diagnostics->size() == before)
      diagnostics->push_back(Diagnostic{display_name, 0, 0, {}, "could not parse the scenario"});
    return false;
  }
  return true;
}

bool is_json(const std::string& path) { return path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0; }

Diagnostic at(const Provenance& own, const std::string& path, const std::string& file, std::string message) {
  Diagnostic d{file, 0, 0, path, std::move(message)};
  if (auto it = own.find(path); it != own.end()) d.line = it->second.line, d.column = it->second.column;
  return d;
}

/// Loads `display_name` and, first, the chain of bases it extends; `chain` holds the files being
/// loaded (canonical paths), so that a file met again is a cycle.
bool merge_chain(const std::string& display_name, std::vector<std::string>* chain, scenario::Scenario* merged,
                 Provenance* provenance, std::vector<Diagnostic>* diagnostics) {
  namespace fs = std::filesystem;
  std::string text;
  Diagnostic problem;
  if (!read_scenario_file(display_name, &text, &problem)) {
    diagnostics->push_back(std::move(problem));
    return false;
  }
  Layer layer;
  if (!parse_layer(text, display_name, is_json(display_name), &layer, diagnostics)) return false;
  const Provenance own = record_provenance(layer.written());
  const scenario::Scenario& written = layer.message;
  if (written.extends().empty()) {
    if (written.remove_size() > 0) {
      diagnostics->push_back(at(own, "remove[0]", display_name, "only an overlay (with `extends`) can remove entries"));
      return false;
    }
    *merged = written;
    *provenance = own;
    return true;
  }
  const fs::path here = fs::path(display_name).parent_path();
  const std::string base_name = (here / written.extends()).lexically_normal().string();
  std::error_code ignored;
  const std::string base_id = fs::weakly_canonical(base_name, ignored).string();
  if (std::find(chain->begin(), chain->end(), base_id) != chain->end()) {
    std::string cycle;
    for (const std::string& file : *chain) cycle += file + " -> ";
    diagnostics->push_back(at(own, "extends", display_name, "extends forms a cycle: " + cycle + base_id));
    return false;
  }
  if (!fs::is_regular_file(base_name)) {
    diagnostics->push_back(at(own, "extends", display_name, "the base file \"" + base_name + "\" does not exist"));
    return false;
  }
  chain->push_back(base_id);
  const bool base_ok = merge_chain(base_name, chain, merged, provenance, diagnostics);
  chain->pop_back();
  if (!base_ok) {
    diagnostics->push_back(at(own, "extends", display_name, "the base \"" + base_name + "\" has errors (above)"));
    return false;
  }
  // A platform file is relative to the file that names it; the merged scenario is read from here.
  if (merged->has_infrastructure() && !merged->infrastructure().platform_file().empty() &&
      fs::path(merged->infrastructure().platform_file()).is_relative()) {
    const fs::path from_base = fs::path(base_name).parent_path() / merged->infrastructure().platform_file();
    merged->mutable_infrastructure()->set_platform_file(
        from_base.lexically_normal().lexically_relative(here.empty() ? fs::path(".") : here).string());
  }
  const std::size_t before = diagnostics->size();
  for (int i = 0; i < written.remove_size(); ++i) {
    std::string error;
    if (!remove_entry(merged, provenance, written.remove(i).path(), written.remove(i).name(), &error))
      diagnostics->push_back(at(own, "remove[" + std::to_string(i) + "]", display_name, error));
  }
  if (diagnostics->size() != before) return false;
  merge_overlay(layer.written(), merged, provenance, {"extends", "remove"});
  return true;
}

/// Validates the merged scenario and points each error at the file and line that set the field.
bool validate_located(const scenario::Scenario& scenario, const Provenance& provenance, const std::string& top_file,
                      std::vector<Diagnostic>* diagnostics, const JsonLocations* json = nullptr) {
  std::vector<Diagnostic> semantic;
  validate_scenario(scenario, &semantic);
  for (Diagnostic& d : semantic) {
    d.file = top_file;
    if (json != nullptr) json->locate(d.field_path, &d);  // a JSON file records no provenance
    else locate(scenario, provenance, &d);
    diagnostics->push_back(std::move(d));
  }
  return semantic.empty();
}

}  // namespace

bool parse_scenario(const std::string& text, const std::string& display_name, bool json, scenario::Scenario* scenario,
                    std::vector<Diagnostic>* diagnostics) {
  Layer layer;
  if (!parse_layer(text, display_name, json, &layer, diagnostics)) return false;
  const Provenance provenance = record_provenance(layer.written());
  if (!layer.message.extends().empty() || layer.message.remove_size() > 0) {
    // A base is found relative to the overlay's folder, which text in memory does not have.
    diagnostics->push_back(at(provenance, layer.message.extends().empty() ? "remove[0]" : "extends", display_name,
                              "an overlay must be loaded from a file (load_scenario)"));
    return false;
  }
  *scenario = layer.message;
  return validate_located(*scenario, provenance, display_name, diagnostics, json ? &layer.json_locations : nullptr);
}

bool merge_scenario_file(const std::string& path, scenario::Scenario* scenario, std::vector<Diagnostic>* diagnostics) {
  Provenance provenance;
  std::vector<std::string> chain;
  std::error_code ignored;
  chain.push_back(std::filesystem::weakly_canonical(path, ignored).string());
  return merge_chain(path, &chain, scenario, &provenance, diagnostics);
}

bool load_scenario(const std::string& path, scenario::Scenario* scenario, std::vector<Diagnostic>* diagnostics,
                   std::string* bytes) {
  Provenance provenance;
  std::vector<std::string> chain;
  std::error_code ignored;
  chain.push_back(std::filesystem::weakly_canonical(path, ignored).string());
  if (!merge_chain(path, &chain, scenario, &provenance, diagnostics)) return false;
  if (!validate_located(*scenario, provenance, path, diagnostics)) return false;
  // Only a file on disk has a folder for relative paths, so the platform file is checked here.
  const std::size_t before = diagnostics->size();
  check_platform_file(std::filesystem::path(path).parent_path().string(), scenario, diagnostics);
  for (std::size_t i = before; i < diagnostics->size(); ++i) (*diagnostics)[i].file = path;
  if (diagnostics->size() != before) return false;
  // What a checkpoint must match: the merged scenario (its bases included), serialised
  // deterministically, rather than the top file's own bytes.
  if (bytes) {
    bytes->clear();
    pb::io::StringOutputStream stream(bytes);
    pb::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    scenario->SerializeToCodedStream(&coded);
  }
  return true;
}

}  // namespace desksim::models
