#pragma once
// The checks every scenario validator shares (Ceres style): each failed check appends a Diagnostic
// naming the field path and the exact constraint violated, with the offending value; checking goes
// on, so that every error is listed.
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <google/protobuf/repeated_field.h>

#include "desksim/scenario.pb.h"
#include "models/scenario/diagnostic.hpp"
#include "sim/random/distribution.hpp"

namespace desksim::models {

/// A number as error messages print it.
inline std::string number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

/// "path[i]", the way field paths name an element of a repeated field.
inline std::string at(const std::string& path, int i) { return path + "[" + std::to_string(i) + "]"; }

class FieldChecks {
 public:
  explicit FieldChecks(std::vector<Diagnostic>* out) : out_(out) {}
  std::vector<Diagnostic>* out() { return out_; }
  void fail(const std::string& path, const std::string& message) { out_->push_back(Diagnostic{{}, 0, 0, path, message}); }
  void positive(const std::string& path, double v) {
    if (!(v > 0) || !std::isfinite(v)) fail(path, "must be > 0 (got " + number(v) + ")");
  }
  void non_negative(const std::string& path, double v) {
    if (!(v >= 0) || !std::isfinite(v)) fail(path, "must be >= 0 (got " + number(v) + ")");
  }
  void probability(const std::string& path, double v) {
    if (!(v >= 0 && v <= 1)) fail(path, "must be a probability in [0, 1] (got " + number(v) + ")");
  }
  void name(const std::string& path, const std::string& n, std::set<std::string>* seen) {
    if (n.empty()) fail(path, "required");
    else if (!seen->insert(n).second) fail(path, "duplicate name \"" + n + "\"");
  }
  /// Relative weights: each >= 0, not all 0.
  template <typename Container>
  void weights(const std::string& path, const Container& w, std::size_t expected_size) {
    if (expected_size > 0 && static_cast<std::size_t>(w.size()) != expected_size) {
      fail(path, "must have exactly " + std::to_string(expected_size) + " values (got " + std::to_string(w.size()) + ")");
      return;
    }
    double total = 0;
    for (int i = 0; i < static_cast<int>(w.size()); ++i) {
      if (!(w[i] >= 0) || !std::isfinite(w[i])) fail(at(path, i), "weight must be >= 0 (got " + number(w[i]) + ")");
      else total += w[i];
    }
    if (w.size() > 0 && !(total > 0)) fail(path, "weights must not all be 0");
  }
  void probabilities(const std::string& path, const google::protobuf::RepeatedField<double>& p, int size) {
    if (p.size() != size) {
      fail(path, "must have exactly " + std::to_string(size) + " probabilities (got " + std::to_string(p.size()) + ")");
      return;
    }
    double total = 0;
    for (int i = 0; i < p.size(); ++i) {
      probability(at(path, i), p[i]);
      total += p[i];
    }
    sums_to_one(path, total);
  }
  /// The schema's one rule for "sums to 1": within sim::kProbabilitySumTolerance, so that values
  /// printed to four or five decimals pass; consumers divide by the sum, so the slack biases nothing.
  void sums_to_one(const std::string& path, double total, const std::string& what = "probabilities") {
    if (!sim::sums_to_one(total))
      fail(path, what + " must sum to 1 within " + number(sim::kProbabilitySumTolerance) + " (got " + number(total) + ")");
  }
  /// A row of probabilities that may leave a remainder (e.g. "resolved"): the sum may exceed 1 by the
  /// same tolerance as sums_to_one; consumers then divide by the sum.
  void at_most_one(const std::string& path, double total, const std::string& what) {
    if (!(total <= 1.0 + sim::kProbabilitySumTolerance))
      fail(path, what + " must be <= 1 (within " + number(sim::kProbabilitySumTolerance) + ", got " + number(total) + ")");
  }
  void mix(const std::string& path, const google::protobuf::RepeatedPtrField<scenario::Share>& mix,
           const std::set<std::string>& names, const std::string& what) {
    double total = 0;
    for (int i = 0; i < mix.size(); ++i) {
      if (!names.count(mix[i].name())) fail(at(path, i) + ".name", "no " + what + " named \"" + mix[i].name() + "\"");
      non_negative(at(path, i) + ".weight", mix[i].weight());
      total += mix[i].weight();
    }
    if (!mix.empty() && !(total > 0)) fail(path, "weights must not all be 0");
  }

  void percent(const std::string& path, double v, bool zero_allowed) {
    const bool ok = std::isfinite(v) && v <= 100.0 && (zero_allowed ? v >= 0 : v > 0);
    if (!ok) fail(path, std::string("must be in ") + (zero_allowed ? "[0, 100]" : "(0, 100]") + " percent (got " + number(v) + ")");
  }
  /// Identifier: non-empty, letters/digits/'-'/'_', unique within `seen`.
  void identifier(const std::string& path, const std::string& n, std::set<std::string>* seen) {
    bool ok = !n.empty();
    for (char c : n)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) ok = false;
    if (!ok) fail(path, "required: letters, digits, '-' or '_' (got \"" + n + "\")");
    else if (!seen->insert(n).second) fail(path, "duplicate name \"" + n + "\"");
  }

 private:
  std::vector<Diagnostic>* out_;
};

}  // namespace desksim::models
