#include "x509/unknown_algorithm.hpp"

#include <mbedtls/asn1.h>
#include <mbedtls/pk.h>
#include <mbedtls/x509.h>

#include "clock.hpp"
#include "x509/certificate.hpp"
#include "x509/names.hpp"

// mbedTLS decodes names and times with these; they are part of its library but declared only in
// its internal header (library/x509_internal.h of 3.6).
extern "C" {
int mbedtls_x509_get_name(unsigned char** p, const unsigned char* end, mbedtls_x509_name* cur);
int mbedtls_x509_get_time(unsigned char** p, const unsigned char* end, mbedtls_x509_time* t);
}

namespace sso {

namespace {
constexpr int kSequence = MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE;

// A name of the TBSCertificate as RFC 2253 text; false when it does not decode.
bool read_name(unsigned char*& p, const unsigned char* end, std::string& out) {
  std::size_t len = 0;
  if (mbedtls_asn1_get_tag(&p, end, &len, kSequence) != 0) return false;
  mbedtls_x509_name name{};
  const int rc = mbedtls_x509_get_name(&p, p + len, &name);
  if (rc == 0) out = rfc2253_name(&name);
  mbedtls_asn1_free_named_data_list_shallow(name.next);
  return rc == 0;
}

std::string hex_serial(const unsigned char* p, std::size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  while (n > 1 && *p == 0) ++p, --n;  // INTEGER padding
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += hex[p[i] >> 4];
    out += hex[p[i] & 15];
  }
  return out;
}
}  // namespace

std::optional<Certificate> describe_with_unknown_signature(std::string_view der, const std::string& algorithm) {
  auto* p = reinterpret_cast<unsigned char*>(const_cast<char*>(der.data()));
  const unsigned char* end = p + der.size();
  std::size_t len = 0;
  if (mbedtls_asn1_get_tag(&p, end, &len, kSequence) != 0) return std::nullopt;      // Certificate
  if (mbedtls_asn1_get_tag(&p, end, &len, kSequence) != 0) return std::nullopt;      // TBSCertificate
  const unsigned char* tbs_end = p + len;
  Certificate cert;
  if (p < tbs_end && *p == (MBEDTLS_ASN1_CONTEXT_SPECIFIC | MBEDTLS_ASN1_CONSTRUCTED | 0)) {  // version
    if (mbedtls_asn1_get_tag(&p, tbs_end, &len, *p) != 0) return std::nullopt;
    p += len;
  }
  if (mbedtls_asn1_get_tag(&p, tbs_end, &len, MBEDTLS_ASN1_INTEGER) != 0) return std::nullopt;
  cert.serial = hex_serial(p, len);
  p += len;
  if (mbedtls_asn1_get_tag(&p, tbs_end, &len, kSequence) != 0) return std::nullopt;  // signature algorithm
  p += len;
  if (!read_name(p, tbs_end, cert.issuer)) return std::nullopt;
  if (mbedtls_asn1_get_tag(&p, tbs_end, &len, kSequence) != 0) return std::nullopt;  // validity
  mbedtls_x509_time from{}, to{};
  const unsigned char* validity_end = p + len;
  if (mbedtls_x509_get_time(&p, validity_end, &from) != 0 || mbedtls_x509_get_time(&p, validity_end, &to) != 0)
    return std::nullopt;
  if (!read_name(p, tbs_end, cert.subject)) return std::nullopt;
  mbedtls_pk_context pk;
  mbedtls_pk_init(&pk);
  const bool key_read = mbedtls_pk_parse_subpubkey(&p, tbs_end, &pk) == 0;
  if (key_read) {
    const mbedtls_pk_type_t type = mbedtls_pk_get_type(&pk);
    cert.keyType = type == MBEDTLS_PK_RSA ? "RSA" : "EC";
    cert.keyBits = static_cast<int>(mbedtls_pk_get_bitlen(&pk));
    if (type != MBEDTLS_PK_RSA)
      if (const mbedtls_ecp_keypair* ec = mbedtls_pk_ec(pk)) {
        const std::string name = curve_name(ec->MBEDTLS_PRIVATE(grp).id);
        if (!name.empty()) cert.curve = name;
      }
  }
  mbedtls_pk_free(&pk);
  if (!key_read) return std::nullopt;
  cert.notBeforeEpoch = epoch_seconds(from.year, from.mon, from.day, from.hour, from.min, from.sec);
  cert.notAfterEpoch = epoch_seconds(to.year, to.mon, to.day, to.hour, to.min, to.sec);
  cert.notBefore = iso8601(cert.notBeforeEpoch);
  cert.notAfter = iso8601(cert.notAfterEpoch);
  cert.pem = pem_from_der(der);
  cert.sha1 = sha1_fingerprint(der);
  cert.sha256 = sha256_fingerprint(der);
  cert.signatureAlgorithm = algorithm;
  cert.failure = DecodeFailure::UnknownSignatureAlgorithm;  // described, with its signature unchecked
  return cert;
}

}  // namespace sso
