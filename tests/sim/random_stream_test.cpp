#include "sim/random/random_stream.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace desksim::sim {
namespace {

std::vector<std::uint64_t> words(RandomStream s, int n) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(s.next_u64());
  return out;
}

// Known-answer vectors for philox4x64 with 10 rounds, from Random123's examples/kat_vectors
// (the file is not shipped by Debian's librandom123-dev). Columns: counter[4], key[2], expected[4].
TEST(RandomStreamTest, PhiloxMatchesRandom123KnownAnswers) {
  struct Kat {
    std::array<std::uint64_t, 4> counter;
    std::array<std::uint64_t, 2> key;
    std::array<std::uint64_t, 4> expected;
  };
  const std::uint64_t ones = ~0ULL;
  const Kat kats[] = {
      {{0, 0, 0, 0}, {0, 0}, {0x16554d9eca36314cULL, 0xdb20fe9d672d0fdcULL, 0xd7e772cee186176bULL, 0x7e68b68aec7ba23bULL}},
      {{ones, ones, ones, ones},
       {ones, ones},
       {0x87b092c3013fe90bULL, 0x438c3c67be8d0224ULL, 0x9cc7d7c69cd777b6ULL, 0xa09caebf594f0ba0ULL}},
      {{0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL},
       {0x452821e638d01377ULL, 0xbe5466cf34e90c6cULL},
       {0xa528f45403e61d95ULL, 0x38c72dbd566e9788ULL, 0xa5a1610e72fd18b5ULL, 0x57bd43b5e52b7fe6ULL}},
  };
  for (const Kat& kat : kats) EXPECT_EQ(RandomStream::philox_block(kat.counter, kat.key), kat.expected);
}

// The documented layout: key = (seed, stream_id), counter = (replication, 0, block_hi, block_lo),
// words of a block consumed in order.
TEST(RandomStreamTest, StreamFollowsDocumentedCounterLayout) {
  const std::uint64_t seed = 12345, replication = 7, id = stream_id_for("desk.arrivals");
  RandomStream s(seed, replication, id);
  std::vector<std::uint64_t> expected;
  for (std::uint64_t block = 0; block < 3; ++block) {
    for (std::uint64_t w : RandomStream::philox_block({replication, 0, 0, block}, {seed, id})) expected.push_back(w);
  }
  EXPECT_EQ(words(s, 12), expected);
}

// Regression pin (not an external reference): the first words of one stream, computed by this
// implementation after the KAT above passed. A change here means every simulation result changes.
TEST(RandomStreamTest, FirstWordsOfOneStreamArePinned) {
  RandomStream s(42, 0, stream_id_for("desk.arrivals"));
  const std::vector<std::uint64_t> pinned = {0x5b888453460c2176ULL, 0xff1ce18e3dfcc95eULL, 0xf370c4c75181fff2ULL,
                                                 0xd622ee53c116df1eULL, 0x6eaa8f24a52280c8ULL};
  EXPECT_EQ(words(s, 5), pinned);
}

TEST(RandomStreamTest, SameKeyGivesSameSequence) {
  EXPECT_EQ(words(RandomStream(1, 2, 3), 1001), words(RandomStream(1, 2, 3), 1001));
  RandomStream a(9, 9, 9), b(9, 9, 9);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.uniform(), b.uniform());
}

TEST(RandomStreamTest, DifferentSeedReplicationOrStreamGivesDifferentSequences) {
  const auto base = words(RandomStream(1, 2, 3), 8);
  EXPECT_NE(words(RandomStream(2, 2, 3), 8), base);
  EXPECT_NE(words(RandomStream(1, 3, 3), 8), base);
  EXPECT_NE(words(RandomStream(1, 2, 4), 8), base);
  // Swapping roles must not alias either: seed and stream id are both key words, but in different slots.
  EXPECT_NE(words(RandomStream(3, 2, 1), 8), base);
}

TEST(RandomStreamTest, AccessorsAndDrawCount) {
  RandomStream s(11, 22, 33);
  EXPECT_EQ(s.seed(), 11u);
  EXPECT_EQ(s.replication(), 22u);
  EXPECT_EQ(s.stream_id(), 33u);
  EXPECT_EQ(s.draws(), 0u);
  s.next_u64();
  EXPECT_EQ(s.draws(), 1u);
  for (int i = 0; i < 9; ++i) s.uniform();
  EXPECT_EQ(s.draws(), 10u);
}

TEST(RandomStreamTest, UnitMappingIsStrictlyInsideOpenInterval) {
  EXPECT_EQ(RandomStream::to_open_unit(0), 0x1.0p-53);
  EXPECT_EQ(RandomStream::to_open_unit(~0ULL), 1.0 - 0x1.0p-53);
  EXPECT_LT(RandomStream::to_open_unit(~0ULL), 1.0);
  // Symmetric: u(w) + u(~w) == 1 exactly, so log(1-u) is as safe as log(u).
  for (std::uint64_t w : {0ULL, 1ULL << 12, 0x123456789abcdefULL, ~0ULL >> 1}) {
    EXPECT_EQ(RandomStream::to_open_unit(w) + RandomStream::to_open_unit(~w), 1.0);
  }
}

TEST(RandomStreamTest, UniformMeanAndVarianceOfMillionDraws) {
  RandomStream s(2024, 0, stream_id_for("uniform.moments"));
  const int n = 1'000'000;
  double sum = 0.0, sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum_sq += u * u;
  }
  const double mean = sum / n;
  const double var = (sum_sq - n * mean * mean) / (n - 1);
  // U(0,1): mean 1/2, variance 1/12; standard errors sqrt(var/n) and sqrt((mu4 - var^2)/n), mu4 = 1/80.
  EXPECT_NEAR(mean, 0.5, 5 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(var, 1.0 / 12.0, 5 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
}

// Published FNV-1a 64 test vectors ("", "a", "foobar"), plus a pinned value for a typical name.
TEST(RandomStreamTest, StreamIdIsFnv1a64) {
  EXPECT_EQ(stream_id_for(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(stream_id_for("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(stream_id_for("foobar"), 0x85944171f73967e8ULL);
  EXPECT_EQ(stream_id_for("desk.arrivals"), 0xdd6105ff8b6f19a4ULL);
  EXPECT_NE(stream_id_for("desk.arrivals"), stream_id_for("desk.arrival"));
}

}  // namespace
}  // namespace desksim::sim
