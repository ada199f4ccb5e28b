#include "models/scenario/enum_values_check.hpp"

#include <string>

#include <google/protobuf/descriptor.h>

namespace desksim::models {

namespace {

namespace pb = google::protobuf;

void check_value(const pb::FieldDescriptor* field, int value, const std::string& path, std::vector<Diagnostic>* out) {
  const pb::EnumDescriptor* type = field->enum_type();
  if (type->FindValueByNumber(value) != nullptr) return;
  std::string names;
  for (int i = 0; i < type->value_count(); ++i) names += (i > 0 ? ", " : "") + type->value(i)->name();
  out->push_back(Diagnostic{{}, 0, 0, path,
                            "unknown value " + std::to_string(value) + " for " + type->name() + " (one of: " + names + ")"});
}

void walk(const pb::Message& message, const std::string& path, std::vector<Diagnostic>* out) {
  const pb::Reflection* reflection = message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const pb::FieldDescriptor* field : fields) {
    const std::string here = path.empty() ? field->name() : path + "." + field->name();
    auto element = [&](int i) { return here + "[" + std::to_string(i) + "]"; };
    if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_ENUM) {
      if (!field->is_repeated()) {
        check_value(field, reflection->GetEnumValue(message, field), here, out);
      } else {
        for (int i = 0; i < reflection->FieldSize(message, field); ++i)
          check_value(field, reflection->GetRepeatedEnumValue(message, field, i), element(i), out);
      }
    } else if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (!field->is_repeated()) {
        walk(reflection->GetMessage(message, field), here, out);
      } else {
        for (int i = 0; i < reflection->FieldSize(message, field); ++i)
          walk(reflection->GetRepeatedMessage(message, field, i), element(i), out);
      }
    }
  }
}

}  // namespace

bool check_enum_values(const pb::Message& message, std::vector<Diagnostic>* diagnostics) {
  const std::size_t before = diagnostics->size();
  walk(message, "", diagnostics);
  return diagnostics->size() == before;
}

}  // namespace desksim::models
