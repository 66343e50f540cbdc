#include "cli/huge_pages.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace sso::cli {
#if defined(__linux__)
char* map_huge(std::size_t bytes, std::size_t& mapped) {
  const std::size_t length = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* raw = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  auto* start = static_cast<char*>(raw);
  auto* aligned = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(start) + kHugePage - 1) & ~(kHugePage - 1));
  // Give back what the alignment left over on either side.
  if (aligned > start) munmap(start, static_cast<std::size_t>(aligned - start));
  const std::size_t tail = static_cast<std::size_t>(start + length + kHugePage - (aligned + length));
  if (tail) munmap(aligned + length, tail);
  madvise(aligned, length, MADV_HUGEPAGE);  // advice only: without it the memory still works
  mapped = length;
  return aligned;
}

void unmap_huge(char* start, std::size_t mapped) {
  if (start && mapped) munmap(start, mapped);
}
#else
char* map_huge(std::size_t, std::size_t& mapped) {
  mapped = 0;
  return nullptr;
}

void unmap_huge(char*, std::size_t) {}
#endif
}  // namespace sso::cli
