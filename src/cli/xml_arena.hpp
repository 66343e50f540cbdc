// Where the CLI's XML documents live: pugixml's memory taken from large chunks advised for 2 MB
// pages (cli/huge_pages.hpp) instead of malloc's 4 KB ones. A chunk is carved front to back and
// reused from the start once every document has been freed; a request larger than a chunk gets
// memory of its own. Only the CLI installs it, for large inputs: the page's wasm and the tests
// keep malloc.
#pragma once

namespace sso::cli {
// Installs the arena as pugixml's allocator for the rest of the process. Call before any
// document exists.
void use_xml_arena();
}  // namespace sso::cli
