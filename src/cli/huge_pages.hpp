// Memory asked of the kernel directly for the CLI's large buffers, aligned and advised for 2 MB
// pages. Debian's kernel backs memory with huge pages only on advice (transparent_hugepage is
// "madvise"); without them a 23 MB aggregate costs the CLI eight thousand page faults, which
// were half its time. Elsewhere (no Linux), these return nullptr and callers use new[].
#pragma once
#include <cstddef>

namespace sso::cli {
constexpr std::size_t kHugePage = std::size_t{2} << 20;

// At least `bytes` of zeroed memory at a 2 MB boundary; `mapped` is set to the length to give
// back to unmap_huge(). nullptr when the kernel refuses (or on systems without it).
char* map_huge(std::size_t bytes, std::size_t& mapped);
void unmap_huge(char* start, std::size_t mapped);
}  // namespace sso::cli
