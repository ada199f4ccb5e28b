#include "sim/random/random_stream.hpp"

#include <Random123/philox.h>

namespace desksim::sim {

std::uint64_t stream_id_for(std::string_view name) {
  // FNV-1a 64: offset basis 14695981039346656037, prime 1099511628211.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char byte : name) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t replication, std::uint64_t stream_id)
    : seed_(seed), replication_(replication), stream_id_(stream_id) {}

std::array<std::uint64_t, 4> RandomStream::philox_block(const std::array<std::uint64_t, 4>& counter,
                                                        const std::array<std::uint64_t, 2>& key) {
  r123::Philox4x64_R<10> philox;
  r123::Philox4x64_R<10>::ctr_type ctr = {{counter[0], counter[1], counter[2], counter[3]}};
  r123::Philox4x64_R<10>::key_type k = {{key[0], key[1]}};
  const auto out = philox(ctr, k);
  return {out[0], out[1], out[2], out[3]};
}

void RandomStream::refill() {
  buffer_ = philox_block({replication_, 0, block_hi_, block_lo_}, {seed_, stream_id_});
  pos_ = 0;
  if (++block_lo_ == 0) ++block_hi_;  // 128-bit block index; the carry is only for completeness
}

}  // namespace desksim::sim
