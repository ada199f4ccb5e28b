#pragma once
// Field paths into a scenario, e.g. "resolver_network.groups[name=eus-deskside].servers" or
// "demand.hour_of_week_weights[3]". One syntax for three users: the overlay merge keys what each
// file wrote by path, validation errors are located through it, and sweeps set values through it.
// A named list (a repeated message with a key field) is addressed by key, `[name=x]`, so that a path
// stays valid when an overlay removes or adds entries before it; any list also takes an index, `[i]`.
#include <string>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

namespace desksim::models {

struct PathStep {
  std::string field;
  int index = -1;       // `[i]`, or -1
  std::string key;      // `[k=v]`: the key field's name...
  std::string key_value;  // ...and the value; key empty when there is no key selector
};

/// Splits a path into its steps. False, with the reason, when it is not well formed.
bool parse_field_path(const std::string& path, std::vector<PathStep>* steps, std::string* error);

/// The field that names the entries of a repeated message field, or nullptr when its entries are not
/// named (they are then replaced as a whole list). `name` in general; SLAs by `supplier`, routes by
/// `category`; mixes (`Share`) are one distribution, so they count as unnamed.
const google::protobuf::FieldDescriptor* list_key_field(const google::protobuf::FieldDescriptor* field);

/// The key of entry `index` of a named list.
std::string entry_key(const google::protobuf::Message& owner, const google::protobuf::FieldDescriptor* field,
                      int index);

/// `[i]`.
std::string index_selector(int index);

/// `[name=x]` for an entry of a named list whose key is set and unique there, else `[i]`: a
/// duplicated name (a validation error of its own) must still point at the entry that has it.
std::string entry_selector(const google::protobuf::Message& owner, const google::protobuf::FieldDescriptor* field,
                           int index);

/// Index of the entry whose key is `value` in a named list, or -1.
int find_entry(const google::protobuf::Message& owner, const google::protobuf::FieldDescriptor* field,
               const std::string& value);

/// The same place with every index into a named list replaced by its key (`groups[2]` ->
/// `groups[name=x]`). Parts it cannot follow in `root` are kept as written.
std::string canonical_path(const google::protobuf::Message& root, const std::string& path);

/// Sets the scalar (or enum, by name) at `path` from its text. Refuses, with a message, a path that
/// does not exist, a named entry that is not there, a message or whole list, or a value that does
/// not parse as the field's type.
bool set_field_by_path(google::protobuf::Message* root, const std::string& path, const std::string& value,
                       std::string* error);

/// The number at `path` (a double, float or integer field, or one entry of a list of them). Refuses,
/// with a message, what set_field_by_path refuses and a field that is not a number.
bool get_number_by_path(const google::protobuf::Message& root, const std::string& path, double* value,
                        std::string* error);

}  // namespace desksim::models
