// One X.509 certificate decoded from DER with mbedTLS and described as OpenSSL would.
#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace sso {

// Decodes DER. A certificate that does not decode comes back with `error` set, saying why.
Certificate decode_certificate(std::string_view der);

// Empty when the bytes are one whole DER SEQUENCE; otherwise what is wrong with their framing.
std::string check_der_framing(std::string_view der);

// Canonical PEM: base64 at 64 columns between BEGIN/END CERTIFICATE lines, "\n" line ends.
std::string pem_from_der(std::string_view der);
// The DER bytes of a decoded certificate, back from its canonical PEM.
std::string der_of(const Certificate& cert);

// "2C:07:04:…" (uppercase hex, colons)
std::string sha1_fingerprint(std::string_view der);
std::string sha256_fingerprint(std::string_view der);

// Whether the signature algorithm hashes with SHA-1 or MD5 (OpenSSL names).
bool is_weak_signature(const std::string& algorithm);

}  // namespace sso
