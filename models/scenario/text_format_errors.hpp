#pragma once
// Reading protobuf text files (scenarios, optimiser options): the parser's errors as Diagnostics
// naming the file, line and column, and the quoting of strings when such files are written.
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/io/tokenizer.h>

#include "models/scenario/diagnostic.hpp"

namespace desksim::models {

/// Collects the text parser's errors and warnings as Diagnostics of `file` (lines and columns from 1).
/// Warnings (e.g. deprecated fields) count as errors: an input file should be unambiguous.
class TextFormatErrors final : public google::protobuf::io::ErrorCollector {
 public:
  TextFormatErrors(std::string file, std::vector<Diagnostic>* out) : file_(std::move(file)), out_(out) {}
  void AddError(int line, int column, const std::string& message) override {
    out_->push_back(Diagnostic{file_, line + 1, column + 1, {}, message});
  }
  void AddWarning(int line, int column, const std::string& message) override { AddError(line, column, message); }

 private:
  std::string file_;
  std::vector<Diagnostic>* out_;
};

/// `s` as a text-format string literal: in double quotes, with `"` and `\` escaped.
inline std::string text_format_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace desksim::models
