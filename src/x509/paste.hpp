// Certificates as people paste them: PEM of any width and case, CRLF, text around the armour,
// several blocks, bare base64, base64 of PEM text, DER bytes, an <X509Certificate> element.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace sso {

// The text of a <ds:X509Certificate> element.
Certificate certificate_from_base64(std::string_view base64);

// The SHA-256 fingerprint of a <ds:X509Certificate>'s certificate without decoding its fields: the
// base64 decoded (the inner certificate for base64 of PEM), its DER framing checked, hashed.
// nullopt when the bytes are not a whole DER SEQUENCE. For listing thousands of entities.
std::optional<std::string> sha256_of_base64_certificate(std::string_view base64);

// Everything that looks like a certificate in pasted text (or DER bytes), in order.
std::vector<Certificate> certificates_from_paste(std::string_view text);

// True when the text holds a private key in any form we can see: a PEM block labelled
// "... PRIVATE KEY", an OpenSSH or PuTTY key file, or base64/DER of a PKCS#1, PKCS#8, SEC 1
// or PKCS#12 structure. Such input is refused and never echoed.
bool contains_private_key(std::string_view text);

// The text inside <prefix:X509Certificate>…</prefix:X509Certificate>, or nothing if the text is
// not exactly one such element.
bool unwrap_x509_certificate_element(std::string_view text, std::string_view& inner);

}  // namespace sso
