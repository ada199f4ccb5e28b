#include "models/scenario/field_path.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace desksim::models {

namespace pb = google::protobuf;

bool parse_field_path(const std::string& path, std::vector<PathStep>* steps, std::string* error) {
  steps->clear();
  std::size_t at = 0;
  while (at <= path.size()) {
    PathStep step;
    const std::size_t end = path.find_first_of(".[", at);
    step.field = path.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (step.field.empty()) {
      *error = "empty field name in \"" + path + "\"";
      return false;
    }
    at = end == std::string::npos ? path.size() : end;
    if (at < path.size() && path[at] == '[') {
      const std::size_t close = path.find(']', at);
      if (close == std::string::npos) {
        *error = "unclosed '[' in \"" + path + "\"";
        return false;
      }
      const std::string inside = path.substr(at + 1, close - at - 1);
      if (const auto eq = inside.find('='); eq != std::string::npos) {
        step.key = inside.substr(0, eq);
        step.key_value = inside.substr(eq + 1);
      } else {
        char* stop = nullptr;
        const long index = std::strtol(inside.c_str(), &stop, 10);
        if (inside.empty() || *stop != '\0' || index < 0) {
          *error = "bad selector [" + inside + "] in \"" + path + "\" (want [index] or [name=value])";
          return false;
        }
        step.index = static_cast<int>(index);
      }
      at = close + 1;
    }
    steps->push_back(std::move(step));
    if (at >= path.size()) break;
    if (path[at] != '.') {
      *error = "expected '.' after ']' in \"" + path + "\"";
      return false;
    }
    ++at;
  }
  return true;
}

const pb::FieldDescriptor* list_key_field(const pb::FieldDescriptor* field) {
  if (!field->is_repeated() || field->type() != pb::FieldDescriptor::TYPE_MESSAGE) return nullptr;
  const pb::Descriptor* type = field->message_type();
  // A mix is one distribution, and a removal names an entry elsewhere: neither is an entity.
  if (type->name() == "Share" || type->name() == "Removal") return nullptr;
  const char* key = type->name() == "ServiceLevelAgreement" ? "supplier"
                    : type->name() == "CategoryRoute"       ? "category"
                                                            : "name";
  const pb::FieldDescriptor* key_field = type->FindFieldByName(key);
  if (!key_field || key_field->is_repeated() || key_field->type() != pb::FieldDescriptor::TYPE_STRING) return nullptr;
  return key_field;
}

std::string entry_key(const pb::Message& owner, const pb::FieldDescriptor* field, int index) {
  const pb::Message& entry = owner.GetReflection()->GetRepeatedMessage(owner, field, index);
  return entry.GetReflection()->GetString(entry, list_key_field(field));
}

std::string index_selector(int index) {
  // Appended piece by piece: `"[" + std::to_string(i)` trips a false -Wrestrict in GCC 12.
  std::string out = "[";
  out += std::to_string(index);
  out += ']';
  return out;
}

std::string entry_selector(const pb::Message& owner, const pb::FieldDescriptor* f, int index) {
  if (const pb::FieldDescriptor* key = list_key_field(f)) {
    const std::string value = entry_key(owner, f, index);
    const int size = owner.GetReflection()->FieldSize(owner, f);
    int same = 0;
    for (int i = 0; i < size; ++i) same += entry_key(owner, f, i) == value;
    if (!value.empty() && same == 1) return "[" + key->name() + "=" + value + "]";
  }
  return index_selector(index);
}

int find_entry(const pb::Message& owner, const pb::FieldDescriptor* field, const std::string& value) {
  const int size = owner.GetReflection()->FieldSize(owner, field);
  for (int i = 0; i < size; ++i)
    if (entry_key(owner, field, i) == value) return i;
  return -1;
}

std::string canonical_path(const pb::Message& root, const std::string& path) {
  std::vector<PathStep> steps;
  std::string error;
  if (!parse_field_path(path, &steps, &error)) return path;
  std::string out;
  const pb::Message* message = &root;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const PathStep& step = steps[s];
    if (!out.empty()) out += '.';
    out += step.field;
    const pb::FieldDescriptor* field = message ? message->GetDescriptor()->FindFieldByName(step.field) : nullptr;
    const pb::FieldDescriptor* key = field ? list_key_field(field) : nullptr;
    const pb::Message* next = nullptr;
    if (step.index >= 0) {
      const int size = field && field->is_repeated() ? message->GetReflection()->FieldSize(*message, field) : 0;
      out += key && step.index < size ? entry_selector(*message, field, step.index)
                                      : index_selector(step.index);
      if (field && field->type() == pb::FieldDescriptor::TYPE_MESSAGE && step.index < size)
        next = &message->GetReflection()->GetRepeatedMessage(*message, field, step.index);
    } else if (!step.key.empty()) {
      out += "[" + step.key + "=" + step.key_value + "]";
      if (key && key->name() == step.key) {
        const int i = find_entry(*message, field, step.key_value);
        if (i >= 0) next = &message->GetReflection()->GetRepeatedMessage(*message, field, i);
      }
    } else if (field && !field->is_repeated() && field->type() == pb::FieldDescriptor::TYPE_MESSAGE) {
      next = &message->GetReflection()->GetMessage(*message, field);
    }
    message = next;
  }
  return out;
}

namespace {

bool parse_number(const std::string& text, double* out) {
  char* stop = nullptr;
  errno = 0;
  *out = std::strtod(text.c_str(), &stop);
  return !text.empty() && *stop == '\0' && errno == 0 && std::isfinite(*out);
}

bool parse_integer(const std::string& text, double low, double high, long long* out) {
  char* stop = nullptr;
  errno = 0;
  *out = std::strtoll(text.c_str(), &stop, 10);
  return !text.empty() && *stop == '\0' && errno == 0 && static_cast<double>(*out) >= low &&
         static_cast<double>(*out) <= high;
}

}  // namespace

namespace {

// The field a step names in `message`, and the entry it selects when it is a list (-1 otherwise).
// False, with the reason, when the step does not fit the message.
bool resolve_step(const pb::Message& message, const PathStep& step, const std::string& path,
                  const pb::FieldDescriptor** field_out, int* index_out, std::string* error) {
  const pb::Descriptor* type = message.GetDescriptor();
  const pb::FieldDescriptor* field = type->FindFieldByName(step.field);
  if (!field) {
    *error = path + ": " + type->name() + " has no field \"" + step.field + "\"";
    return false;
  }
  int index = -1;
  if (field->is_repeated()) {
    const int size = message.GetReflection()->FieldSize(message, field);
    if (!step.key.empty()) {
      const pb::FieldDescriptor* key = list_key_field(field);
      if (!key || key->name() != step.key) {
        *error = path + ": " + step.field + " entries are not named by \"" + step.key + "\"";
        return false;
      }
      index = find_entry(message, field, step.key_value);
      if (index < 0) {
        *error = path + ": no entry " + step.key + "=" + step.key_value + " in " + step.field;
        return false;
      }
    } else if (step.index >= 0) {
      if (step.index >= size) {
        *error = path + ": " + step.field + " has " + std::to_string(size) + " entries";
        return false;
      }
      index = step.index;
    } else {
      *error = path + ": " + step.field + " is a list; select one entry with [index] or [name=value]";
      return false;
    }
  } else if (step.index >= 0 || !step.key.empty()) {
    *error = path + ": " + step.field + " is not a list";
    return false;
  }
  *field_out = field;
  *index_out = index;
  return true;
}

}  // namespace

bool get_number_by_path(const pb::Message& root, const std::string& path, double* value, std::string* error) {
  std::vector<PathStep> steps;
  if (!parse_field_path(path, &steps, error)) return false;
  const pb::Message* message = &root;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const pb::FieldDescriptor* field = nullptr;
    int index = -1;
    if (!resolve_step(*message, steps[s], path, &field, &index, error)) return false;
    const pb::Reflection* r = message->GetReflection();
    if (s + 1 < steps.size()) {
      if (field->type() != pb::FieldDescriptor::TYPE_MESSAGE) {
        *error = path + ": " + steps[s].field + " has no fields";
        return false;
      }
      message = index >= 0 ? &r->GetRepeatedMessage(*message, field, index) : &r->GetMessage(*message, field);
      continue;
    }
    const bool rep = index >= 0;
    switch (field->cpp_type()) {
      case pb::FieldDescriptor::CPPTYPE_DOUBLE:
        *value = rep ? r->GetRepeatedDouble(*message, field, index) : r->GetDouble(*message, field);
        return true;
      case pb::FieldDescriptor::CPPTYPE_FLOAT:
        *value = rep ? r->GetRepeatedFloat(*message, field, index) : r->GetFloat(*message, field);
        return true;
      case pb::FieldDescriptor::CPPTYPE_UINT32:
        *value = rep ? r->GetRepeatedUInt32(*message, field, index) : r->GetUInt32(*message, field);
        return true;
      case pb::FieldDescriptor::CPPTYPE_INT32:
        *value = rep ? r->GetRepeatedInt32(*message, field, index) : r->GetInt32(*message, field);
        return true;
      case pb::FieldDescriptor::CPPTYPE_UINT64:
        *value = static_cast<double>(rep ? r->GetRepeatedUInt64(*message, field, index) : r->GetUInt64(*message, field));
        return true;
      case pb::FieldDescriptor::CPPTYPE_INT64:
        *value = static_cast<double>(rep ? r->GetRepeatedInt64(*message, field, index) : r->GetInt64(*message, field));
        return true;
      default:
        *error = path + ": not a number (a " + std::string(field->type_name()) + ")";
        return false;
    }
  }
  *error = path + ": empty path";
  return false;
}

bool set_field_by_path(pb::Message* root, const std::string& path, const std::string& value, std::string* error) {
  std::vector<PathStep> steps;
  if (!parse_field_path(path, &steps, error)) return false;
  pb::Message* message = root;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const PathStep& step = steps[s];
    const bool last = s + 1 == steps.size();
    const pb::FieldDescriptor* field = nullptr;
    int index = -1;
    if (!resolve_step(*message, step, path, &field, &index, error)) return false;
    const pb::Reflection* reflection = message->GetReflection();
    if (!last) {
      if (field->type() != pb::FieldDescriptor::TYPE_MESSAGE) {
        *error = path + ": " + step.field + " has no fields";
        return false;
      }
      message = index >= 0 ? reflection->MutableRepeatedMessage(message, field, index)
                           : reflection->MutableMessage(message, field);
      continue;
    }
    double number = 0;
    long long integer = 0;
    const bool repeated = index >= 0;
    const std::string bad = path + ": \"" + value + "\" is not a valid " + field->type_name();
    switch (field->cpp_type()) {
      case pb::FieldDescriptor::CPPTYPE_DOUBLE:
      case pb::FieldDescriptor::CPPTYPE_FLOAT:
        if (!parse_number(value, &number)) return *error = bad, false;
        if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_FLOAT) {
          const float f = static_cast<float>(number);
          repeated ? reflection->SetRepeatedFloat(message, field, index, f) : reflection->SetFloat(message, field, f);
        } else {
          repeated ? reflection->SetRepeatedDouble(message, field, index, number)
                   : reflection->SetDouble(message, field, number);
        }
        return true;
      case pb::FieldDescriptor::CPPTYPE_INT32:
        if (!parse_integer(value, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max(), &integer))
          return *error = bad, false;
        repeated ? reflection->SetRepeatedInt32(message, field, index, static_cast<int32_t>(integer))
                 : reflection->SetInt32(message, field, static_cast<int32_t>(integer));
        return true;
      case pb::FieldDescriptor::CPPTYPE_INT64:
        if (!parse_integer(value, -9.2e18, 9.2e18, &integer)) return *error = bad, false;
        repeated ? reflection->SetRepeatedInt64(message, field, index, integer)
                 : reflection->SetInt64(message, field, integer);
        return true;
      case pb::FieldDescriptor::CPPTYPE_UINT32:
        if (!parse_integer(value, 0, std::numeric_limits<uint32_t>::max(), &integer)) return *error = bad, false;
        repeated ? reflection->SetRepeatedUInt32(message, field, index, static_cast<uint32_t>(integer))
                 : reflection->SetUInt32(message, field, static_cast<uint32_t>(integer));
        return true;
      case pb::FieldDescriptor::CPPTYPE_UINT64:
        if (!parse_integer(value, 0, 9.2e18, &integer)) return *error = bad, false;
        repeated ? reflection->SetRepeatedUInt64(message, field, index, static_cast<uint64_t>(integer))
                 : reflection->SetUInt64(message, field, static_cast<uint64_t>(integer));
        return true;
      case pb::FieldDescriptor::CPPTYPE_BOOL:
        if (value != "true" && value != "false") return *error = bad, false;
        repeated ? reflection->SetRepeatedBool(message, field, index, value == "true")
                 : reflection->SetBool(message, field, value == "true");
        return true;
      case pb::FieldDescriptor::CPPTYPE_STRING:
        repeated ? reflection->SetRepeatedString(message, field, index, value)
                 : reflection->SetString(message, field, value);
        return true;
      case pb::FieldDescriptor::CPPTYPE_ENUM: {
        const pb::EnumValueDescriptor* e = field->enum_type()->FindValueByName(value);
        if (!e) return *error = path + ": \"" + value + "\" is not a value of " + field->enum_type()->name(), false;
        repeated ? reflection->SetRepeatedEnum(message, field, index, e) : reflection->SetEnum(message, field, e);
        return true;
      }
      case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        *error = path + ": " + step.field + " is a message; name one of its fields";
        return false;
    }
  }
  *error = path + ": empty path";
  return false;
}

}  // namespace desksim::models
