// libFuzzer target: certificate text in every form, private-key detection, and DER decoding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "x509/certificate.hpp"
#include "x509/paste.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sso::contains_private_key(text);
  (void)sso::certificates_from_paste(text);
  (void)sso::certificate_from_base64(text);
  (void)sso::decode_certificate(text);
  return 0;
}
