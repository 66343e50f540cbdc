#include "cli/xml_arena.hpp"

#include <cstdlib>
#include <mutex>
#include <vector>

#include "cli/huge_pages.hpp"
#include "pugixml.hpp"

namespace sso::cli {
namespace {
constexpr std::size_t kChunk = 16 * kHugePage;
constexpr std::size_t kAlign = 16;

struct Region {
  char* start;
  std::size_t mapped;
};

// The signature is verified on a second thread while the entities are listed: one lock.
std::mutex lock;
std::vector<Region> chunks;   // carved in turn; all kept for reuse
std::vector<Region> singles;  // requests larger than a chunk, each mapped alone
std::size_t current = 0;      // the chunk being carved
std::size_t used = 0;         // bytes carved from it
std::size_t live = 0;         // allocations not yet freed

void* allocate(std::size_t size) {
  const std::lock_guard<std::mutex> hold(lock);
  size = (size + kAlign - 1) / kAlign * kAlign;
  if (size > kChunk / 2) {
    std::size_t mapped = 0;
    char* start = map_huge(size, mapped);
    if (!start) return nullptr;
    singles.push_back({start, mapped});
    ++live;
    return start;
  }
  if (chunks.empty() || used + size > kChunk) {
    if (!chunks.empty()) ++current;
    if (current == chunks.size()) {
      std::size_t mapped = 0;
      char* start = map_huge(kChunk, mapped);
      if (!start) return nullptr;
      chunks.push_back({start, mapped});
    }
    used = 0;
  }
  void* p = chunks[current].start + used;
  used += size;
  ++live;
  return p;
}

void deallocate(void* p) {
  if (!p) return;
  const std::lock_guard<std::mutex> hold(lock);
  for (auto it = singles.begin(); it != singles.end(); ++it)
    if (it->start == p) {
      unmap_huge(it->start, it->mapped);
      singles.erase(it);
      break;
    }
  if (--live == 0) current = 0, used = 0;  // every document freed: start over in the first chunk
}
}  // namespace

void use_xml_arena() {
  std::size_t mapped = 0;
  char* probe = map_huge(1, mapped);
  if (!probe) return;  // no kernel mapping here: pugixml keeps malloc
  unmap_huge(probe, mapped);
  pugi::set_memory_management_functions(allocate, deallocate);
}
}  // namespace sso::cli
