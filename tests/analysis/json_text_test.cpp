// json_text() prints exactly what protobuf's converter prints, byte for byte, for results full of
// awkward values: doubles of every magnitude and sign, those that need 17 digits, -0, NaN and the
// infinities; the largest 64-bit integers; empty lists; set and unset nested messages; strings that
// need escaping. Strings beyond ASCII go to protobuf's converter, and come out the same too.
#include "analysis/export/json_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "desksim/results.pb.h"

namespace desksim::analysis {
namespace {

/// Doubles from every corner: a fixed list, then random bit patterns and random decimals.
std::vector<double> awkward_doubles() {
  std::vector<double> v = {0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3.0, 2.0 / 3.0, 8904.0, 1e15, 1e16, 1e17, 123456789012345678.0,
                           1e-5, 0.0001, 1e-300, 5e-324, std::numeric_limits<double>::min(),
                           std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                           std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(), 0.30000000000000004, 100.0 / 7.0};
  std::mt19937_64 bits(7);
  for (int k = 0; k < 4000; ++k) {
    double x;
    const std::uint64_t word = bits();
    std::memcpy(&x, &word, sizeof x);
    v.push_back(x);
    v.push_back(static_cast<double>(word % 1000000) / 1000.0);  // decimals as a model reports them
    v.push_back(std::ldexp(static_cast<double>(word >> 11), -53) * 1e4);
  }
  return v;
}

results::RunResult awkward_run() {
  results::RunResult run;
  run.set_scenario_name("tab\there \"quoted\" back\\slash <html> & / \x01\x1f\x7f\b\f\r\n end");
  run.set_seed(std::numeric_limits<std::uint64_t>::max());
  const std::vector<double> values = awkward_doubles();
  auto* r = run.add_replications();
  r->set_replication(std::numeric_limits<std::uint32_t>::max());
  r->set_fingerprint(0x8000000000000001ull);
  r->set_simulated_hours(8904.0);
  r->mutable_infrastructure();  // set but empty: printed, with its lists
  for (std::size_t k = 0; k < values.size(); k += 10) {
    auto* t = r->add_tallies();
    t->set_name(std::to_string(k));  // (g++ 12 warns falsely on "t" + string here)
    t->set_count(k);
    t->set_mean(values[k]);
    t->set_stddev(values[(k + 1) % values.size()]);
    t->set_p99(values[(k + 2) % values.size()]);
    t->add_fractions()->set_fraction(values[(k + 3) % values.size()]);
  }
  auto* series = r->add_series();
  for (double x : values) series->add_values(x);
  series->add_counts(0);
  series->add_counts(std::numeric_limits<std::uint64_t>::max());
  series->add_period_labels("2025-03");
  r->add_series();  // every list empty
  auto* e = run.add_estimates();
  e->set_name("e");
  e->set_n(-5);
  e->set_headline(true);
  run.mutable_scenario()->set_name("s");
  return run;
}

TEST(JsonText, ByteForByteWhatProtobufPrints) {
  const results::RunResult run = awkward_run();
  const std::string ours = json_text(run);
  const std::string reference = protobuf_json_text(run);
  ASSERT_GT(reference.size(), 100000u);
  if (ours != reference) {
    std::size_t at = 0;
    while (at < ours.size() && at < reference.size() && ours[at] == reference[at]) ++at;
    FAIL() << "differs at byte " << at << ":\n"
           << ours.substr(at > 120 ? at - 120 : 0, 240) << "\n--- protobuf:\n"
           << reference.substr(at > 120 ? at - 120 : 0, 240);
  }
}

TEST(JsonText, AnEmptyMessageAndAComparisonOfRuns) {
  EXPECT_EQ(json_text(results::TimeAverage()), protobuf_json_text(results::TimeAverage()));
  results::Comparison comparison;
  *comparison.mutable_base() = awkward_run();
  comparison.mutable_alternative()->set_scenario_name("alt");
  EXPECT_EQ(json_text(comparison), protobuf_json_text(comparison));
}

TEST(JsonText, StringsBeyondAsciiAreProtobufsToo) {
  results::RunResult run = awkward_run();
  run.set_scenario_name("caf\xc3\xa9 \xe2\x80\xa8 line separator");  // é and U+2028, which protobuf escapes
  EXPECT_EQ(json_text(run), protobuf_json_text(run));
  EXPECT_NE(json_text(run).find("\\u2028"), std::string::npos);
}

}  // namespace
}  // namespace desksim::analysis
