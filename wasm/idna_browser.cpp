// host_to_ascii for the wasm build: the browser's (or Node's) own URL host parser, which applies
// UTS #46 as the WHATWG URL Standard says. This saves libidn2's ~120 KB gzip of wasm; every
// decision about the result is still made in src/ (host.cpp).
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "url/host.hpp"

EM_JS(char*, sso_host_to_ascii_js, (const char* host), {
  let ascii = "";
  try {
    ascii = new URL("http://" + UTF8ToString(host) + "/").hostname;
  } catch (e) {
    ascii = "";
  }
  const size = lengthBytesUTF8(ascii) + 1;
  const out = _malloc(size);
  stringToUTF8(ascii, out, size);
  return out;
});

namespace sso {

std::string host_to_ascii(std::string_view unicode_host) {
  const std::string input(unicode_host);
  char* out = sso_host_to_ascii_js(input.c_str());
  std::string ascii = out ? out : "";
  std::free(out);
  return ascii;
}

}  // namespace sso
