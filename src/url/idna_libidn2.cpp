// host_to_ascii for the native build: libidn2 (IDNA2008 with UTS #46 non-transitional mapping;
// xn-- labels must decode and encode back to themselves).
#include <idn2.h>

#include <cstdlib>
#include <string>

#include "url/host.hpp"

namespace sso {

std::string host_to_ascii(std::string_view unicode_host) {
  const std::string input(unicode_host);
  char* output = nullptr;
  if (idn2_to_ascii_8z(input.c_str(), &output, IDN2_NONTRANSITIONAL | IDN2_ALABEL_ROUNDTRIP) != IDN2_OK) return "";
  std::string ascii(output);
  idn2_free(output);
  return ascii;
}

}  // namespace sso
