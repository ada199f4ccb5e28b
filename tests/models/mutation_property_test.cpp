// Property: every input that passes `validate` runs. For every shipped scenario, a few hundred
// mutants (one numeric or enum field set to an extreme value: 0, negative, tiny, huge, infinite,
// NaN, out of range) either fail validation with a located message, or run to the end of a short
// horizon within a time and memory bound with finite results. Each mutant runs in a child process
// with an alarm and an address-space limit, so that an abort, a hang or a runaway is caught and
// named. The mutants are generated from a fixed seed: a failure is reproducible from its message.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <gtest/gtest.h>

#include "models/run/desk_replication.hpp"
#include "models/scenario/scenario_loader.hpp"
#include "models/scenario/scenario_validator.hpp"
#include "tests/models/shortened_scenario.hpp"

namespace desksim {
namespace {

namespace fs = std::filesystem;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

/// One settable numeric or enum value somewhere in the scenario: a field of a message (an element
/// of a repeated field when index >= 0).
struct Slot {
  Message* message;
  const FieldDescriptor* field;
  int index;
  std::string path;
};

void collect(Message* m, const std::string& path, std::vector<Slot>* out) {
  const auto* d = m->GetDescriptor();
  const auto* r = m->GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const std::string p = path.empty() ? f->name() : path + "." + f->name();
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (f->is_repeated()) {
        for (int k = 0; k < r->FieldSize(*m, f); ++k)
          collect(r->MutableRepeatedMessage(m, f, k), p + "[" + std::to_string(k) + "]", out);
      } else if (r->HasField(*m, f)) {
        collect(r->MutableMessage(m, f), p, out);
      }
      continue;
    }
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_STRING || f->cpp_type() == FieldDescriptor::CPPTYPE_BOOL) continue;
    if (f->is_repeated()) {
      for (int k = 0; k < r->FieldSize(*m, f); ++k) out->push_back({m, f, k, p + "[" + std::to_string(k) + "]"});
    } else {
      out->push_back({m, f, -1, p});
    }
  }
}

constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNasty[] = {0.0,   -1.0,  1e-300, 5e-324, 1e-9, 0.5,  1e9, 1e300,
                         1e308, kInf, -kInf,  std::numeric_limits<double>::quiet_NaN(), 2147483647.0, 9.007199254740992e15};

std::string set(const Slot& s, double v) {
  const auto* r = s.message->GetReflection();
  auto clamp_int = [v](double lo, double hi) {
    if (std::isnan(v)) return 0.0;
    return std::min(hi, std::max(lo, std::trunc(v)));
  };
  const bool rep = s.index >= 0;
  switch (s.field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_DOUBLE:
      rep ? r->SetRepeatedDouble(s.message, s.field, s.index, v) : r->SetDouble(s.message, s.field, v);
      return std::to_string(v);
    case FieldDescriptor::CPPTYPE_FLOAT:
      rep ? r->SetRepeatedFloat(s.message, s.field, s.index, static_cast<float>(v))
          : r->SetFloat(s.message, s.field, static_cast<float>(v));
      return std::to_string(v);
    case FieldDescriptor::CPPTYPE_INT32: {
      const auto x = static_cast<std::int32_t>(clamp_int(-2147483648.0, 2147483647.0));
      rep ? r->SetRepeatedInt32(s.message, s.field, s.index, x) : r->SetInt32(s.message, s.field, x);
      return std::to_string(x);
    }
    case FieldDescriptor::CPPTYPE_UINT32: {
      const auto x = static_cast<std::uint32_t>(clamp_int(0, 4294967295.0));
      rep ? r->SetRepeatedUInt32(s.message, s.field, s.index, x) : r->SetUInt32(s.message, s.field, x);
      return std::to_string(x);
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      const auto x = static_cast<std::int64_t>(clamp_int(-9.2e18, 9.2e18));
      rep ? r->SetRepeatedInt64(s.message, s.field, s.index, x) : r->SetInt64(s.message, s.field, x);
      return std::to_string(x);
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      const auto x = static_cast<std::uint64_t>(clamp_int(0, 1.8e19));
      rep ? r->SetRepeatedUInt64(s.message, s.field, s.index, x) : r->SetUInt64(s.message, s.field, x);
      return std::to_string(x);
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int x = static_cast<int>(clamp_int(-1000, 1000));
      rep ? r->SetRepeatedEnumValue(s.message, s.field, s.index, x) : r->SetEnumValue(s.message, s.field, x);
      return "enum " + std::to_string(x);
    }
    default: return "?";
  }
}

bool all_finite(const results::ReplicationResult& r, std::string* which) {
  for (const auto& t : r.tallies())
    for (double v : {t.mean(), t.stddev(), t.min(), t.max(), t.p25(), t.p50(), t.p75(), t.p90(), t.p95(), t.p99()})
      if (t.count() > 0 && !std::isfinite(v)) return *which = t.name(), false;
  for (const auto& a : r.time_averages())
    if (!std::isfinite(a.mean())) return *which = a.name(), false;
  for (const auto& s : r.scalars())
    if (!std::isfinite(s.value())) return *which = s.name(), false;
  for (const auto& p : r.profiles())
    for (double v : p.values())
      if (!std::isfinite(v)) return *which = p.name(), false;
  return true;
}

/// Runs replication 0 in a child with an alarm and a memory limit; "" when it ran to the end with
/// finite results, else what went wrong.
std::string run_bounded(const scenario::Scenario& s) {
  int fds[2];
  if (::pipe(fds) != 0) return "pipe failed";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    ::alarm(20);
    const rlim_t three_gib = rlim_t{3} << 30;
    rlimit limit{three_gib, three_gib};  // address space
    ::setrlimit(RLIMIT_AS, &limit);
    std::string verdict = "ok";
    try {
      const auto r = models::run_replication(s, 1, 0);
      std::string which;
      if (!all_finite(r, &which)) verdict = "non-finite result " + which;
    } catch (const std::exception& e) {
      verdict = std::string("exception: ") + e.what();
    }
    (void)!::write(fds[1], verdict.data(), verdict.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string verdict;
  char buffer[256];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) verdict.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFSIGNALED(status))
    return WTERMSIG(status) == SIGALRM ? "did not finish within 20 s" : "killed by signal " + std::to_string(WTERMSIG(status));
  return verdict == "ok" ? "" : verdict;
}

TEST(MutationProperty, EveryMutantThatValidatesRunsToTheEndWithFiniteResults) {
  constexpr int kMutantsPerScenario = 120;
  std::mt19937_64 rng(20261130);
  std::vector<std::string> failures;
  int validated = 0, refused = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(DESKSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".textproto") continue;
    scenario::Scenario base;
    std::vector<models::Diagnostic> d;
    ASSERT_TRUE(models::load_scenario(entry.path().string(), &base, &d)) << entry.path();
    base = testing::shortened(base, 200, 2000);
    for (int m = 0; m < kMutantsPerScenario; ++m) {
      scenario::Scenario s = base;
      std::vector<Slot> slots;
      collect(&s, "", &slots);
      if (slots.empty()) break;
      const Slot& slot = slots[rng() % slots.size()];
      const double value = kNasty[rng() % std::size(kNasty)];
      const std::string what =
          fs::relative(entry.path(), DESKSIM_SOURCE_DIR).string() + ": " + slot.path + " = " + set(slot, value);
      std::vector<models::Diagnostic> diagnostics;
      models::validate_scenario(s, &diagnostics);
      if (!diagnostics.empty()) {
        ++refused;
        for (const auto& x : diagnostics)
          if (x.field_path.empty() && x.line == 0) failures.push_back(what + ": refused without a location: " + x.message);
        continue;
      }
      ++validated;
      const std::string problem = run_bounded(testing::shortened(s, 200, 2000));
      if (!problem.empty()) failures.push_back(what + ": validated, then " + problem);
    }
  }
  std::string all;
  for (const auto& f : failures) all += f + "\n";
  std::cout << validated << " mutants validated and ran, " << refused << " refused\n";
  EXPECT_TRUE(failures.empty()) << failures.size() << " mutants broke the rule:\n" << all;
}

}  // namespace
}  // namespace desksim
