// Pins the behaviour of every shipped scenario (OMNeT++'s fingerprint tests): replication 0 of each,
// cut short so that the whole table runs in seconds, must reproduce its event-trajectory fingerprint
// and the hash of its serialised results recorded in tests/models/fingerprints.tsv. A change to any
// of them must be deliberate: when it is, rerun with DESKSIM_UPDATE_FINGERPRINTS=1 to rewrite the
// table, and say in the commit why the behaviour changed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "models/scenario/scenario_loader.hpp"
#include "sim/kernel/event_kernel.hpp"
#include "sim/kernel/fingerprint.hpp"
#include "tests/models/service_desk_test_support.hpp"
#include "tests/models/shortened_scenario.hpp"

namespace desksim {
namespace {

namespace fs = std::filesystem;

const fs::path kTable = fs::path(DESKSIM_SOURCE_DIR) / "tests/models/fingerprints.tsv";

using testing::shortened;

std::string hex(std::uint64_t v) {
  std::ostringstream s;
  s << std::hex << v;
  return s.str();
}

/// Hash of the deterministic serialisation of a replication's results.
std::string results_hash(const results::ReplicationResult& r) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    r.SerializeToCodedStream(&coded);
  }
  sim::Fingerprint h;
  for (std::size_t i = 0; i < bytes.size(); i += 8) {
    std::uint64_t word = 0;
    for (std::size_t k = 0; k < 8 && i + k < bytes.size(); ++k)
      word |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i + k])) << (8 * k);
    h.add(word);
  }
  return hex(h.value());
}

/// Every shipped scenario, shortened: "event fingerprint<TAB>results hash" of replication 0.
std::map<std::string, std::string> trajectories() {
  std::map<std::string, std::string> actual;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(DESKSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".textproto") continue;
    const std::string name = fs::relative(entry.path(), DESKSIM_SOURCE_DIR).string();
    const auto run = testing::run(shortened(testing::load(name)), 1, 1);
    EXPECT_EQ(run.replications_size(), 1) << name;
    if (run.replications_size() != 1) continue;
    actual[name] = hex(run.replications(0).fingerprint()) + "\t" + results_hash(run.replications(0));
    // A fingerprint equal to the hash's starting value means nothing was folded in: it pins nothing.
    EXPECT_NE(run.replications(0).fingerprint(), sim::Fingerprint().value()) << name << ": an empty trajectory";
  }
  return actual;
}

TEST(Fingerprints, EveryShippedScenarioReproducesItsPinnedTrajectory) {
  const std::map<std::string, std::string> actual = trajectories();
  ASSERT_GE(actual.size(), 10u);

  if (const char* update = std::getenv("DESKSIM_UPDATE_FINGERPRINTS"); update && std::string(update) == "1") {
    std::ofstream out(kTable);
    out << "# scenario\tevent fingerprint\tresults hash (replication 0, seed 1, shortened: see fingerprint_test.cpp)\n";
    for (const auto& [name, value] : actual) out << name << "\t" << value << "\n";
    GTEST_SKIP() << "rewrote " << kTable;
  }

  std::map<std::string, std::string> pinned;
  std::ifstream in(kTable);
  ASSERT_TRUE(in) << kTable << " is missing: run with DESKSIM_UPDATE_FINGERPRINTS=1";
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    pinned[line.substr(0, tab)] = line.substr(tab + 1);
  }
  for (const auto& [name, value] : actual) {
    const auto it = pinned.find(name);
    if (it == pinned.end()) {
      ADD_FAILURE() << name << " has no pinned fingerprint: run with DESKSIM_UPDATE_FINGERPRINTS=1";
      continue;
    }
    EXPECT_EQ(value, it->second) << name << ": behaviour changed. If deliberate, rerun with "
                                 << "DESKSIM_UPDATE_FINGERPRINTS=1 and say why in the commit.";
  }
  for (const auto& [name, value] : pinned)
    EXPECT_TRUE(actual.count(name)) << name << " is pinned but no longer shipped";
}

// The kernel's prefetch hints (EventHandler::prefetch) are given only with many events pending,
// which no shortened scenario reaches: with the threshold at its least (0 is taken as 1, since a hint
// needs a next event) the next event's handler gets one whenever the heap holds an event, and
// nothing may change.
TEST(Fingerprints, PrefetchHintsChangeNoTrajectory) {
  const std::map<std::string, std::string> usual = trajectories();
  sim::EventKernel::set_prefetch_from_pending(0);
  const std::map<std::string, std::string> hinted = trajectories();
  sim::EventKernel::set_prefetch_from_pending(sim::EventKernel::kPrefetchFromPending);
  ASSERT_GE(usual.size(), 10u);
  EXPECT_EQ(hinted, usual);
}

}  // namespace
}  // namespace desksim
