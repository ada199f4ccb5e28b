// LargeArrayAllocator: what a vector keeps in it survives growth from small blocks (operator new)
// to mapped ones, each block aligned for its type, and a mapped block lies on a huge-page boundary.
#include "sim/kernel/large_array_allocator.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace desksim::sim {
namespace {

struct alignas(64) Record {
  std::uint64_t serial = 0;
  char rest[56] = {};
};

TEST(LargeArrayAllocator, KeepsContentsAndAlignmentFromSmallBlocksToMappedOnes) {
  std::vector<Record, LargeArrayAllocator<Record>> records;
  const std::size_t n = 3 * LargeArrayAllocator<Record>::kHugePage / sizeof(Record);  // 6 MiB
  bool small_seen = false, mapped_seen = false;
  for (std::size_t i = 0; i < n; ++i) {
    records.push_back(Record{i, {}});
    const auto address = reinterpret_cast<std::uintptr_t>(records.data());
    ASSERT_EQ(address % alignof(Record), 0u) << "at " << i;
    if (records.capacity() * sizeof(Record) < LargeArrayAllocator<Record>::kHugePage) {
      small_seen = true;
    } else {
      mapped_seen = true;
      ASSERT_EQ(address % LargeArrayAllocator<Record>::kHugePage, 0u) << "at " << i;
    }
  }
  EXPECT_TRUE(small_seen);
  EXPECT_TRUE(mapped_seen);
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(records[i].serial, i);
  records.clear();
  records.shrink_to_fit();  // a mapped block given back, then a small one
  records.push_back(Record{7, {}});
  EXPECT_EQ(records[0].serial, 7u);
}

}  // namespace
}  // namespace desksim::sim
