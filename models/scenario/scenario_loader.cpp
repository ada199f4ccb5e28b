#include "models/scenario/scenario_loader.hpp"

#include <filesystem>
#include <sstream>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include "models/scenario/input_limits.hpp"
#include "models/scenario/json_scan.hpp"
#include "models/scenario/platform_file_check.hpp"
#include "models/scenario/scenario_file.hpp"
#include "models/scenario/scenario_validator.hpp"

namespace desksim::models {

namespace {

namespace pb = google::protobuf;

class CollectingErrors final : public pb::io::ErrorCollector {
 public:
  CollectingErrors(std::string file, std::vector<Diagnostic>* out) : file_(std::move(file)), out_(out) {}
  void AddError(int line, int column, const std::string& message) override {
    out_->push_back(Diagnostic{file_, line + 1, column + 1, {}, message});
  }
  void AddWarning(int line, int column, const std::string& message) override {
    // Warnings (e.g. deprecated fields) are errors here: a scenario should be unambiguous.
    AddError(line, column, message);
  }

 private:
  std::string file_;
  std::vector<Diagnostic>* out_;
};

/// Splits "desk.handle_time_minutes.exponential.mean" and walks the parse-info tree to the place
/// where the deepest known part of that path was written.
void locate(const pb::TextFormat::ParseInfoTree& root, const pb::Descriptor* descriptor, const std::string& path,
            Diagnostic* d) {
  const pb::TextFormat::ParseInfoTree* tree = &root;
  std::istringstream parts(path);
  std::string part;
  while (descriptor && tree && std::getline(parts, part, '.')) {
    const std::string name = part.substr(0, part.find('['));
    int index = -1;
    if (auto open = part.find('['); open != std::string::npos) index = std::stoi(part.substr(open + 1));
    const pb::FieldDescriptor* field = descriptor->FindFieldByName(name);
    if (!field) break;
    if (field->is_repeated() && index < 0) index = 0;
    const pb::TextFormat::ParseLocation where = tree->GetLocation(field, index);
    if (where.line < 0) break;
    d->line = where.line + 1;
    d->column = where.column + 1;
    if (field->type() != pb::FieldDescriptor::TYPE_MESSAGE) break;
    tree = tree->GetTreeForNested(field, index);
    descriptor = field->message_type();
  }
}

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

}  // namespace

bool parse_scenario(const std::string& text, const std::string& display_name, bool json, scenario::Scenario* scenario,
                    std::vector<Diagnostic>* diagnostics) {
  const std::size_t before = diagnostics->size();
  pb::TextFormat::ParseInfoTree info;
  JsonLocations json_locations;
  if (json) {
    if (!scan_json(text, display_name, &json_locations, diagnostics)) return false;
    pb::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const auto status = pb::util::JsonStringToMessage(text, scenario, options);
    if (!status.ok()) {
      diagnostics->push_back(json_error(std::string(status.message()), display_name, json_locations));
      return false;
    }
  } else {
    CollectingErrors errors(display_name, diagnostics);
    pb::TextFormat::Parser parser;
    // The parser recurses once per nested message: thousands of levels would overflow the stack.
    parser.SetRecursionLimit(kMaxMessageNesting);
    parser.RecordErrorsTo(&errors);
    parser.WriteLocationsTo(&info);
    if (!parser.ParseFromString(text, scenario)) {
      if (diagnostics->size() == before)
        diagnostics->push_back(Diagnostic{display_name, 0, 0, {}, "could not parse the scenario"});
      return false;
    }
  }
  std::vector<Diagnostic> semantic;
  validate_scenario(*scenario, &semantic);
  for (Diagnostic& d : semantic) {
    d.file = display_name;
    if (json) json_locations.locate(d.field_path, &d);
    else locate(info, scenario::Scenario::descriptor(), d.field_path, &d);
    diagnostics->push_back(std::move(d));
  }
  return diagnostics->size() == before;
}

bool load_scenario(const std::string& path, scenario::Scenario* scenario, std::vector<Diagnostic>* diagnostics,
                   std::string* bytes) {
  std::string text;
  Diagnostic problem;
  if (!read_scenario_file(path, &text, &problem)) {
    diagnostics->push_back(std::move(problem));
    return false;
  }
  const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  if (!parse_scenario(text, path, json, scenario, diagnostics)) return false;
  if (bytes) *bytes = text;
  // Only a file on disk has a folder for relative paths, so the platform file is checked here.
  const std::size_t before = diagnostics->size();
  check_platform_file(std::filesystem::path(path).parent_path().string(), scenario, diagnostics);
  for (std::size_t i = before; i < diagnostics->size(); ++i) (*diagnostics)[i].file = path;
  return diagnostics->size() == before;
}

}  // namespace desksim::models
