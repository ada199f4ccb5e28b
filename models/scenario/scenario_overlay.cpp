#include "models/scenario/scenario_overlay.hpp"

#include <algorithm>
#include <memory>

#include "models/scenario/field_path.hpp"

namespace desksim::models {

namespace {

namespace pb = google::protobuf;
using Tree = pb::TextFormat::ParseInfoTree;

std::string join(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "." + name;
}

bool was_written(const pb::Message& m, const Tree* tree, const pb::FieldDescriptor* f) {
  if (tree) return tree->GetLocation(f, f->is_repeated() ? 0 : -1).line >= 0;
  const pb::Reflection* r = m.GetReflection();
  return f->is_repeated() ? r->FieldSize(m, f) > 0 : r->HasField(m, f);
}

void erase_under(Provenance* provenance, const std::string& path) {
  for (auto it = provenance->lower_bound(path); it != provenance->end() && it->first.compare(0, path.size(), path) == 0;) {
    const std::string& key = it->first;
    if (key.size() == path.size() || key[path.size()] == '.' || key[path.size()] == '[') {
      it = provenance->erase(it);
    } else {
      ++it;
    }
  }
}

/// Replaces dst's field `f` by src's (a whole list, a scalar, a oneof member).
void copy_field(const pb::Message& src, pb::Message* dst, const pb::FieldDescriptor* f) {
  std::unique_ptr<pb::Message> copy(src.New());
  copy->CopyFrom(src);
  dst->GetReflection()->SwapFields(copy.get(), dst, {f});
}

void record(const pb::Message& m, const Tree* tree, const std::string& file, const std::string& prefix,
            Provenance* out) {
  const pb::Descriptor* type = m.GetDescriptor();
  const pb::Reflection* r = m.GetReflection();
  // The text parser records one place per occurrence of a field: a list written `[1, 2, 3]` has a
  // place for its first element only; the others are then found through the whole field's place.
  auto put = [&](const std::string& path, const pb::FieldDescriptor* f, int index) {
    if (!tree) {
      (*out)[path] = SourceLocation{file, 0, 0};
      return;
    }
    const pb::TextFormat::ParseLocation l = tree->GetLocation(f, index);
    if (l.line >= 0) (*out)[path] = SourceLocation{file, l.line + 1, l.column + 1};
  };
  for (int i = 0; i < type->field_count(); ++i) {
    const pb::FieldDescriptor* f = type->field(i);
    if (!was_written(m, tree, f)) continue;
    const std::string path = join(prefix, f->name());
    const bool message = f->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE;
    if (f->is_repeated()) {
      const int size = r->FieldSize(m, f);
      for (int k = 0; k < size; ++k) {
        const std::string entry = path + (message ? entry_selector(m, f, k) : index_selector(k));
        put(entry, f, k);
        if (k == 0) put(path, f, 0);
        if (message)
          record(r->GetRepeatedMessage(m, f, k), tree ? tree->GetTreeForNested(f, k) : nullptr, file, entry, out);
      }
    } else {
      put(path, f, -1);
      if (message) record(r->GetMessage(m, f), tree ? tree->GetTreeForNested(f, -1) : nullptr, file, path, out);
    }
  }
}

void merge(const pb::Message& src, const Tree* tree, pb::Message* dst, const std::string& prefix,
           Provenance* provenance, const std::vector<std::string>& skip) {
  const pb::Descriptor* type = src.GetDescriptor();
  const pb::Reflection* sr = src.GetReflection();
  const pb::Reflection* dr = dst->GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const pb::FieldDescriptor* f = type->field(i);
    if (std::find(skip.begin(), skip.end(), f->name()) != skip.end() || !was_written(src, tree, f)) continue;
    const std::string path = join(prefix, f->name());
    // Setting one member of a oneof clears the others in the base, and so must their places.
    if (const pb::OneofDescriptor* oneof = f->real_containing_oneof())
      for (int o = 0; o < oneof->field_count(); ++o)
        if (oneof->field(o) != f) erase_under(provenance, join(prefix, oneof->field(o)->name()));
    if (f->is_repeated()) {
      if (const pb::FieldDescriptor* key = list_key_field(f)) {
        for (int k = 0; k < sr->FieldSize(src, f); ++k) {
          const std::string name = entry_key(src, f, k);
          const int existing = find_entry(*dst, f, name);
          pb::Message* target =
              existing >= 0 ? dr->MutableRepeatedMessage(dst, f, existing) : dr->AddMessage(dst, f);
          target->CopyFrom(sr->GetRepeatedMessage(src, f, k));
          erase_under(provenance, path + "[" + key->name() + "=" + name + "]");
        }
      } else {
        copy_field(src, dst, f);
        erase_under(provenance, path);
      }
    } else if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      merge(sr->GetMessage(src, f), tree ? tree->GetTreeForNested(f, -1) : nullptr, dr->MutableMessage(dst, f), path,
            provenance, {});
    } else {
      copy_field(src, dst, f);
    }
  }
}

/// The path one level up: "a.b[name=x]" -> "a.b", "a.b" -> "a", "a" -> "".
std::string parent(const std::string& path) {
  if (!path.empty() && path.back() == ']') {
    const auto open = path.rfind('[');
    return open == std::string::npos ? std::string() : path.substr(0, open);
  }
  int depth = 0;
  for (std::size_t i = path.size(); i-- > 0;) {
    if (path[i] == ']') ++depth;
    if (path[i] == '[') --depth;
    if (path[i] == '.' && depth == 0) return path.substr(0, i);
  }
  return {};
}

}  // namespace

Provenance record_provenance(const WrittenFile& written) {
  Provenance out;
  record(*written.message, written.tree, written.file, "", &out);
  return out;
}

bool remove_entry(pb::Message* base, Provenance* provenance, const std::string& path, const std::string& name,
                  std::string* error) {
  std::vector<PathStep> steps;
  if (!parse_field_path(path, &steps, error)) return false;
  pb::Message* owner = base;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const PathStep& step = steps[s];
    const pb::FieldDescriptor* f = owner->GetDescriptor()->FindFieldByName(step.field);
    if (!f) return *error = owner->GetDescriptor()->name() + " has no field \"" + step.field + "\"", false;
    const pb::FieldDescriptor* key = list_key_field(f);
    const pb::Reflection* r = owner->GetReflection();
    if (s + 1 == steps.size()) {
      if (!key || step.index >= 0 || !step.key.empty())
        return *error = "\"" + path + "\" is not a named list (entries with a name)", false;
      const int at = find_entry(*owner, f, name);
      if (at < 0) return *error = "the base has no entry " + key->name() + "=\"" + name + "\" in " + path, false;
      erase_under(provenance, canonical_path(*base, path) + "[" + key->name() + "=" + name + "]");
      // Swapped to the end one step at a time, so the remaining entries keep their order.
      for (int k = at; k + 1 < r->FieldSize(*owner, f); ++k) r->SwapElements(owner, f, k, k + 1);
      r->RemoveLast(owner, f);
      return true;
    }
    if (f->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE)
      return *error = "\"" + step.field + "\" in \"" + path + "\" has no fields", false;
    if (f->is_repeated()) {
      if (!key || step.key != key->name())
        return *error = "\"" + path + "\": select an entry of " + step.field + " by its name, [name=x]", false;
      const int at = find_entry(*owner, f, step.key_value);
      if (at < 0) return *error = "the base has no entry " + step.key + "=\"" + step.key_value + "\" in " + step.field, false;
      owner = r->MutableRepeatedMessage(owner, f, at);
    } else {
      if (step.index >= 0 || !step.key.empty()) return *error = "\"" + step.field + "\" is not a list", false;
      owner = r->MutableMessage(owner, f);
    }
  }
  return *error = "empty path", false;
}

void merge_overlay(const WrittenFile& overlay, pb::Message* base, Provenance* provenance,
                   const std::vector<std::string>& skip) {
  merge(*overlay.message, overlay.tree, base, "", provenance, skip);
  for (auto& [path, where] : record_provenance(overlay)) {
    const std::string top = path.substr(0, path.find_first_of(".["));
    if (std::find(skip.begin(), skip.end(), top) == skip.end()) (*provenance)[path] = where;
  }
}

void locate(const pb::Message& root, const Provenance& provenance, Diagnostic* d) {
  for (std::string path = canonical_path(root, d->field_path); !path.empty(); path = parent(path)) {
    if (auto it = provenance.find(path); it != provenance.end()) {
      d->file = it->second.file;
      d->line = it->second.line;
      d->column = it->second.column;
      return;
    }
  }
}

}  // namespace desksim::models
