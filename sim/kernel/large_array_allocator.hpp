#pragma once
// An allocator for the few arrays that grow with the tickets open at once (ticket records, their
// supplier clocks, the event heap), which a run with hundreds of thousands of users reads at random.
// Blocks of 2 MiB or more are mapped on their own and marked for transparent huge pages
// (madvise(MADV_HUGEPAGE)): with 4 KiB pages, tens of megabytes read at random miss the TLB at
// nearly every access, and each miss costs a page walk on top of the cache miss. Linux gives huge
// pages to marked memory only when the system's setting is "madvise" (Debian's default) or
// "always"; otherwise the mark is ignored and nothing else changes. Smaller blocks come from
// operator new, as with std::allocator.
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>

namespace desksim::sim {

template <typename T>
struct LargeArrayAllocator {
  using value_type = T;
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;

  LargeArrayAllocator() = default;
  template <typename U>
  LargeArrayAllocator(const LargeArrayAllocator<U>&) {}

  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes, std::align_val_t{alignof(T)}));
    // Huge pages lie on 2 MiB boundaries: map a page more than needed, keep the aligned part.
    const std::size_t size = mapped(bytes);
    void* p = ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
    const std::size_t head = aligned - start;  // < kHugePage, so some of the extra page is left after
    if (head > 0) ::munmap(p, head);
    ::munmap(reinterpret_cast<void*>(aligned + size), kHugePage - head);
    ::madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // a hint: if refused, pages stay small
    return reinterpret_cast<T*>(aligned);  // aligned for any T
  }
  void deallocate(T* p, std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) {
      ::operator delete(p, std::align_val_t{alignof(T)});
      return;
    }
    ::munmap(p, mapped(bytes));
  }
  bool operator==(const LargeArrayAllocator&) const { return true; }

 private:
  /// A mapping of whole huge pages.
  static std::size_t mapped(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }
};

}  // namespace desksim::sim
