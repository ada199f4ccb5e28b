#include "analysis/export/json_text.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>

namespace desksim::analysis {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

/// Whether every message type reachable from `type` is one this writer maps exactly like protobuf:
/// no map, no oneof, no bytes, no well-known type (google.protobuf.*, which have their own mappings).
bool plain_types(const Descriptor* type, std::vector<const Descriptor*>* seen) {
  for (const Descriptor* s : *seen)
    if (s == type) return true;
  seen->push_back(type);
  if (type->file()->package() == "google.protobuf" || type->oneof_decl_count() > 0) return false;
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* f = type->field(i);
    if (f->is_map() || f->type() == FieldDescriptor::TYPE_BYTES) return false;
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !plain_types(f->message_type(), seen)) return false;
  }
  return true;
}

class JsonPrinter {
 public:
  explicit JsonPrinter(std::string* out) : out_(*out) {}
  /// A string held a byte beyond ASCII: protobuf escapes some such code points (U+2028, say) as
  /// \uXXXX, so the text is left to protobuf's converter.
  bool beyond_ascii() const { return beyond_ascii_; }

  void message(const Message& m, int depth) {
    const Reflection* r = m.GetReflection();
    const Descriptor* type = m.GetDescriptor();
    bool first = true;
    out_ += '{';
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* f = type->field(i);
      // Every field is printed, except a message field that is not set (protobuf's
      // always_print_primitive_fields prints primitives and lists, not absent messages).
      if (!f->is_repeated() && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !r->HasField(m, f)) continue;
      out_ += first ? "\n" : ",\n";
      first = false;
      indent(depth + 1);
      out_ += '"';
      out_ += f->name();
      out_ += "\": ";
      if (f->is_repeated()) {
        list(m, f, depth + 1);
      } else {
        value(m, f, -1, depth + 1);
      }
    }
    if (!first) {
      out_ += '\n';
      indent(depth);
    }
    out_ += '}';
  }

 private:
  void list(const Message& m, const FieldDescriptor* f, int depth) {
    const int n = m.GetReflection()->FieldSize(m, f);
    out_ += '[';
    for (int k = 0; k < n; ++k) {
      out_ += k ? ",\n" : "\n";
      indent(depth + 1);
      value(m, f, k, depth + 1);
    }
    if (n > 0) {
      out_ += '\n';
      indent(depth);
    }
    out_ += ']';
  }

  /// Field f of m (element k of a repeated field, or the field itself when k < 0).
  void value(const Message& m, const FieldDescriptor* f, int k, int depth) {
    const Reflection* r = m.GetReflection();
    const bool each = k >= 0;
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32: integer(each ? r->GetRepeatedInt32(m, f, k) : r->GetInt32(m, f), false); break;
      case FieldDescriptor::CPPTYPE_UINT32: integer(each ? r->GetRepeatedUInt32(m, f, k) : r->GetUInt32(m, f), false); break;
      case FieldDescriptor::CPPTYPE_INT64: integer(each ? r->GetRepeatedInt64(m, f, k) : r->GetInt64(m, f), true); break;
      case FieldDescriptor::CPPTYPE_UINT64: integer(each ? r->GetRepeatedUInt64(m, f, k) : r->GetUInt64(m, f), true); break;
      case FieldDescriptor::CPPTYPE_DOUBLE: real(each ? r->GetRepeatedDouble(m, f, k) : r->GetDouble(m, f), 15, 17); break;
      case FieldDescriptor::CPPTYPE_FLOAT: real(each ? r->GetRepeatedFloat(m, f, k) : r->GetFloat(m, f), 6, 9); break;
      case FieldDescriptor::CPPTYPE_BOOL: out_ += (each ? r->GetRepeatedBool(m, f, k) : r->GetBool(m, f)) ? "true" : "false"; break;
      case FieldDescriptor::CPPTYPE_ENUM: {
        const int number = each ? r->GetRepeatedEnumValue(m, f, k) : r->GetEnumValue(m, f);
        if (const auto* v = f->enum_type()->FindValueByNumber(number)) {
          string(v->name());
        } else {
          integer(number, false);  // an unknown value prints as its number
        }
        break;
      }
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        string(each ? r->GetRepeatedStringReference(m, f, k, &scratch) : r->GetStringReference(m, f, &scratch));
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE: message(each ? r->GetRepeatedMessage(m, f, k) : r->GetMessage(m, f), depth); break;
    }
  }

  template <typename Integer>
  void integer(Integer v, bool quoted) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    if (quoted) out_ += '"';  // 64-bit integers are strings in proto3 JSON
    out_.append(buffer, end);
    if (quoted) out_ += '"';
  }

  /// protobuf's SimpleDtoa / SimpleFtoa: the shorter precision if it reads back exactly, else the
  /// longer one, as printf's "%.*g" would print them (std::to_chars with a precision is specified
  /// to give printf's text).
  template <typename Real>
  void real(Real v, int short_digits, int long_digits) {
    if (std::isnan(v)) {
      out_ += "\"NaN\"";
      return;
    }
    if (std::isinf(v)) {
      out_ += v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
      return;
    }
    char buffer[40];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, short_digits).ptr;
    Real back{};
    std::from_chars(buffer, end, back);
    if (back != v) end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, long_digits).ptr;
    out_.append(buffer, end);
  }

  /// A JSON string escaped as protobuf escapes ASCII: quotes, backslashes, control characters,
  /// DEL, and '<' and '>' (so that the text is safe inside HTML).
  void string(std::string_view s) {
    for (unsigned char c : s) beyond_ascii_ |= c >= 0x80;
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (unsigned char c : s) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20 || c == 0x7f || c == '<' || c == '>') {
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 15];
          } else {
            out_ += static_cast<char>(c);
          }
      }
    }
    out_ += '"';
  }

  void indent(int depth) { out_.append(static_cast<std::size_t>(depth), ' '); }

  std::string& out_;
  bool beyond_ascii_ = false;
};

}  // namespace

std::string protobuf_json_text(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;  // dashboards see every field, zero or not
  options.preserve_proto_field_names = true;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

std::string json_text(const google::protobuf::Message& message) {
  std::vector<const Descriptor*> seen;
  if (!plain_types(message.GetDescriptor(), &seen)) return protobuf_json_text(message);
  std::string json;
  json.reserve(static_cast<std::size_t>(message.ByteSizeLong()) * 3);
  JsonPrinter printer(&json);
  printer.message(message, 0);
  if (printer.beyond_ascii()) return protobuf_json_text(message);
  json += '\n';
  return json;
}

}  // namespace desksim::analysis
