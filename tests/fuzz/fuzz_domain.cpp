// libFuzzer target: host names, the Public Suffix List, and the trusted-domain checks.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyze.hpp"
#include "url/host.hpp"
#include "url/public_suffix.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string why;
  if (const auto host = sso::read_domain(text, why)) (void)sso::is_public_suffix(host->ascii);
  (void)sso::public_suffix_of(text);
  sso::Options options;
  options.now = 1795824000;
  options.trustedDomains = {text, "*." + text, "https://" + text + "/flex"};
  options.issuer = text;
  options.ssoUrl = "https://" + text + "/sso";
  (void)sso::analyze("-----BEGIN CERTIFICATE-----\nMII=\n-----END CERTIFICATE-----", options);
  return 0;
}
