#include "models/scenario/scenario_loader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "models/scenario/platform_file_check.hpp"
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

/// protobuf's JSON parser reports syntax errors without a position; nlohmann::json's parser gives
/// the byte offset, which we turn into line:column. Returns false after adding the diagnostic.
bool check_json_syntax(const std::string& text, const std::string& display_name, std::vector<Diagnostic>* out) {
  try {
    [[maybe_unused]] const auto parsed = nlohmann::json::parse(text);
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string message = e.what();
    if (auto at = message.find("syntax error"); at != std::string::npos) message = message.substr(at);
    out->push_back(Diagnostic{display_name, line, column, {}, "JSON " + message});
    return false;
  }
}

}  // namespace

bool parse_scenario(const std::string& text, const std::string& display_name, bool json, scenario::Scenario* scenario,
                    std::vector<Diagnostic>* diagnostics) {
  const std::size_t before = diagnostics->size();
  pb::TextFormat::ParseInfoTree info;
  if (json) {
    if (!check_json_syntax(text, display_name, diagnostics)) return false;
    pb::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const auto status = pb::util::JsonStringToMessage(text, scenario, options);
    if (!status.ok()) {
      diagnostics->push_back(Diagnostic{display_name, 0, 0, {}, "JSON: " + std::string(status.message())});
      return false;
    }
  } else {
    CollectingErrors errors(display_name, diagnostics);
    pb::TextFormat::Parser parser;
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
    if (!json) locate(info, scenario::Scenario::descriptor(), d.field_path, &d);
    diagnostics->push_back(std::move(d));
  }
  return diagnostics->size() == before;
}

bool load_scenario(const std::string& path, scenario::Scenario* scenario, std::vector<Diagnostic>* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics->push_back(Diagnostic{path, 0, 0, {}, "cannot open the file"});
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  if (!parse_scenario(text.str(), path, json, scenario, diagnostics)) return false;
  // Only a file on disk has a folder for relative paths, so the platform file is checked here.
  const std::size_t before = diagnostics->size();
  check_platform_file(std::filesystem::path(path).parent_path().string(), scenario, diagnostics);
  for (std::size_t i = before; i < diagnostics->size(); ++i) (*diagnostics)[i].file = path;
  return diagnostics->size() == before;
}

}  // namespace desksim::models
