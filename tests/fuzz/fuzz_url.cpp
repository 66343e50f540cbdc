// libFuzzer target: the URL reader (uriparser, IDNA, host rules).
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/url_diagnostics.hpp"
#include "url/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sso::read_url(text);
  (void)sso::cli::url_read_json(text);
  return 0;
}
