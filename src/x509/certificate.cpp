#include "x509/certificate.hpp"

#include <cstring>
#include <unordered_map>

#include <mbedtls/asn1.h>
#include <mbedtls/md.h>
#include <mbedtls/oid.h>
#include <mbedtls/pk.h>
#include <mbedtls/sha1.h>
#include <mbedtls/x509_crt.h>

#include "input/base64.hpp"
#include "x509/names.hpp"
#include "x509/sha256.hpp"
#include "x509/unknown_algorithm.hpp"
#include "clock.hpp"

namespace sso {

namespace {
const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::string colon_hex(const unsigned char* digest, std::size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  if (n == 0) return {};
  // Sized once and written through a pointer: appending a character at a time was 3 % of listing
  // the generated 6,000 in wasm (each append checks the string's size and layout).
  std::string out(n * 3 - 1, ':');
  char* p = out.data();
  for (std::size_t i = 0; i < n; ++i, p += 3) {
    p[0] = hex[digest[i] >> 4];
    p[1] = hex[digest[i] & 15];
  }
  return out;
}

}  // namespace

// The outer SEQUENCE must span exactly the bytes given; say how it does not.
std::string check_der_framing(std::string_view der) {
  unsigned char* p = const_cast<unsigned char*>(bytes_of(der));
  const unsigned char* end = p + der.size();
  if (der.empty()) return "no bytes";
  if (der[0] != 0x30) return "the bytes do not start with a DER SEQUENCE (a certificate starts with 0x30)";
  ++p;
  if (p >= end) return "cut short after the first byte";
  std::size_t declared = 0;
  if (*p < 0x80) {
    declared = *p++;
  } else {
    const int n = *p++ & 0x7f;
    if (n == 0 || n > 4) return "the DER length of the outer SEQUENCE is malformed";
    if (end - p < n) return "cut short inside the DER length";
    for (int i = 0; i < n; ++i) declared = declared << 8 | *p++;
  }
  // Sizes of the whole encoding, header included, as OpenSSL's asn1parse counts them.
  const std::size_t header = static_cast<std::size_t>(p - bytes_of(der));
  if (declared > der.size() - header)
    return "DER length mismatch: header says " + std::to_string(declared + header) + " bytes, " +
           std::to_string(der.size()) + " present (truncated or corrupted)";
  if (declared < der.size() - header)
    return std::to_string(der.size() - header - declared) + " bytes follow the end of the certificate";
  return "";
}

namespace {

// Where mbedTLS refuses an algorithm it does not implement, name it from the DER ourselves.
struct Outline {
  std::string signature_oid;
  std::string key_oid;
};

Outline outline(std::string_view der) {
  Outline o;
  unsigned char* p = const_cast<unsigned char*>(bytes_of(der));
  const unsigned char* end = p + der.size();
  std::size_t len;
  auto enter = [&](int tag) { return mbedtls_asn1_get_tag(&p, end, &len, tag) == 0; };
  auto skip = [&](int tag) {
    if (!enter(tag)) return false;
    p += len;
    return true;
  };
  const int seq = MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE;
  if (!enter(seq) || !enter(seq)) return o;  // Certificate, TBSCertificate
  const unsigned char* tbs_end = p + len;
  if (p < tbs_end && *p == (MBEDTLS_ASN1_CONTEXT_SPECIFIC | MBEDTLS_ASN1_CONSTRUCTED | 0)) skip(*p);
  mbedtls_x509_buf oid{};
  if (!skip(MBEDTLS_ASN1_INTEGER) || !enter(seq)) return o;
  const unsigned char* alg_end = p + len;
  if (mbedtls_asn1_get_tag(&p, alg_end, &oid.len, MBEDTLS_ASN1_OID) == 0) {
    oid.p = p;
    o.signature_oid = dotted_oid(oid);
  }
  p = const_cast<unsigned char*>(alg_end);
  if (!skip(seq) || !skip(seq) || !skip(seq) || !enter(seq) || !enter(seq)) return o;  // names, validity, SPKI
  if (mbedtls_asn1_get_tag(&p, end, &oid.len, MBEDTLS_ASN1_OID) == 0) {
    oid.p = p;
    o.key_oid = dotted_oid(oid);
  }
  return o;
}

std::string hex_of(const unsigned char* p, std::size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += hex[p[i] >> 4];
    out += hex[p[i] & 15];
  }
  return out;
}

std::string describe_mbedtls_error(int code, std::string_view der) {
  const int high = -code & 0xFF80;  // mbedTLS adds a module's low-level code to a high-level one
  if (high == -MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG) {
    const std::string oid = outline(der).signature_oid;
    const std::string name = oid.empty() ? "" : signature_algorithm_name_of(oid);
    return "the signature algorithm " + (oid.empty() ? std::string("(unreadable)") : oid) +
           (name != oid && !name.empty() ? " (" + name + ")" : std::string()) + " is not one this tool can check";
  }
  if (high == -MBEDTLS_ERR_PK_UNKNOWN_PK_ALG) {
    const std::string oid = outline(der).key_oid;
    return "the public key algorithm " + (oid.empty() ? std::string("(unreadable)") : oid) +
           " is not supported (RSA and EC keys are)";
  }
  if (high == -MBEDTLS_ERR_PK_UNKNOWN_NAMED_CURVE) return "the key's elliptic curve is not one we know";
  if (high == -MBEDTLS_ERR_PK_INVALID_PUBKEY || high == -MBEDTLS_ERR_PK_KEY_INVALID_FORMAT)
    return "the public key is malformed";
  switch (-high) {
    case MBEDTLS_ERR_X509_INVALID_FORMAT: return "the certificate's structure is malformed";
    case MBEDTLS_ERR_X509_INVALID_VERSION: return "the version field is malformed";
    case MBEDTLS_ERR_X509_UNKNOWN_VERSION: return "the certificate version is not 1, 2 or 3";
    case MBEDTLS_ERR_X509_INVALID_SERIAL: return "the serial number is malformed";
    case MBEDTLS_ERR_X509_INVALID_ALG: return "the algorithm identifier is malformed";
    case MBEDTLS_ERR_X509_INVALID_NAME: return "the subject or issuer name is malformed";
    case MBEDTLS_ERR_X509_INVALID_DATE: return "the validity dates are malformed";
    case MBEDTLS_ERR_X509_INVALID_SIGNATURE: return "the signature field is malformed";
    case MBEDTLS_ERR_X509_INVALID_EXTENSIONS: return "an extension is malformed";
    case MBEDTLS_ERR_X509_SIG_MISMATCH: return "the two signature algorithm fields differ";
    case MBEDTLS_ERR_X509_FEATURE_UNAVAILABLE: return "it uses a feature this tool does not support";
    case MBEDTLS_ERR_X509_ALLOC_FAILED: return "out of memory while decoding";
    default: break;
  }
  const unsigned char err[2] = {static_cast<unsigned char>(-code >> 8), static_cast<unsigned char>(-code)};
  return "it is not a valid X.509 certificate (mbedTLS error -0x" + hex_of(err, 2) + ")";
}

std::string serial_hex(const mbedtls_x509_buf& serial) {
  std::size_t start = 0;
  while (start + 1 < serial.len && serial.p[start] == 0) ++start;  // INTEGER padding
  return hex_of(serial.p + start, serial.len - start);
}

int64_t epoch_of(const mbedtls_x509_time& t) { return epoch_seconds(t.year, t.mon, t.day, t.hour, t.min, t.sec); }

bool signature_verifies_with_own_key(mbedtls_x509_crt& crt) {
  if (crt.issuer_raw.len != crt.subject_raw.len ||
      std::memcmp(crt.issuer_raw.p, crt.subject_raw.p, crt.issuer_raw.len) != 0)
    return false;
  const mbedtls_md_type_t md = crt.MBEDTLS_PRIVATE(sig_md);
  const mbedtls_md_info_t* info = mbedtls_md_info_from_type(md);
  if (!info) return false;
  unsigned char hash[MBEDTLS_MD_MAX_SIZE];
  if (mbedtls_md(info, crt.tbs.p, crt.tbs.len, hash) != 0) return false;
  return mbedtls_pk_verify_ext(crt.MBEDTLS_PRIVATE(sig_pk), crt.MBEDTLS_PRIVATE(sig_opts), &crt.pk, md, hash,
                               mbedtls_md_get_size(info), crt.MBEDTLS_PRIVATE(sig).p,
                               crt.MBEDTLS_PRIVATE(sig).len) == 0;
}
}  // namespace

namespace {
Certificate decode_certificate_uncached(std::string_view der);
}  // namespace

Certificate decode_certificate(std::string_view der) {
  // The page analyses the same text again on every keystroke in its other fields, and the RSA
  // check behind selfSigned is half of a typical analysis: remember the last certificates decoded.
  // The result depends on the bytes alone, so the memo changes speed, never a Report.
  static std::unordered_map<std::string, Certificate> memo;
  if (const auto hit = memo.find(std::string(der)); hit != memo.end()) return hit->second;
  Certificate cert = decode_certificate_uncached(der);
  if (memo.size() >= 64) memo.clear();
  memo.emplace(std::string(der), cert);
  return cert;
}

namespace {
Certificate decode_certificate_uncached(std::string_view der) {
  Certificate cert;
  if (const std::string framing = check_der_framing(der); !framing.empty()) {
    cert.error = framing;
    cert.failure = DecodeFailure::Malformed;
    return cert;
  }
  mbedtls_x509_crt crt;
  mbedtls_x509_crt_init(&crt);
  const int rc = mbedtls_x509_crt_parse_der(&crt, bytes_of(der), der.size());
  if (rc != 0) {
    const int high = -rc & 0xFF80;
    if (high == -MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG) {
      const std::string oid = outline(der).signature_oid;
      if (std::optional<Certificate> described = describe_with_unknown_signature(der, signature_algorithm_name_of(oid))) {
        mbedtls_x509_crt_free(&crt);
        return *described;
      }
    }
    cert.error = describe_mbedtls_error(rc, der);
    cert.failure = high == -MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG ? DecodeFailure::UnknownSignatureAlgorithm
                   : high == -MBEDTLS_ERR_PK_UNKNOWN_PK_ALG  ? DecodeFailure::UnsupportedKey
                                                             : DecodeFailure::Malformed;
    mbedtls_x509_crt_free(&crt);
    return cert;
  }
  cert.pem = pem_from_der(der);
  cert.subject = rfc2253_name(&crt.subject);
  cert.issuer = rfc2253_name(&crt.issuer);
  cert.serial = serial_hex(crt.serial);
  cert.notBeforeEpoch = epoch_of(crt.valid_from);
  cert.notAfterEpoch = epoch_of(crt.valid_to);
  cert.notBefore = iso8601(cert.notBeforeEpoch);
  cert.notAfter = iso8601(cert.notAfterEpoch);
  switch (mbedtls_pk_get_type(&crt.pk)) {
    case MBEDTLS_PK_RSA:
    case MBEDTLS_PK_RSASSA_PSS: cert.keyType = "RSA"; break;
    case MBEDTLS_PK_ECKEY:
    case MBEDTLS_PK_ECKEY_DH:
    case MBEDTLS_PK_ECDSA: {
      cert.keyType = "EC";
      const mbedtls_ecp_keypair* ec = mbedtls_pk_ec(crt.pk);
      if (ec) {
        const std::string name = curve_name(ec->MBEDTLS_PRIVATE(grp).id);
        if (!name.empty()) cert.curve = name;
      }
      break;
    }
    default: cert.keyType = outline(der).key_oid; break;
  }
  cert.keyBits = static_cast<int>(mbedtls_pk_get_bitlen(&crt.pk));
  cert.signatureAlgorithm = signature_algorithm_name(crt.sig_oid);
  cert.sha1 = sha1_fingerprint(der);
  cert.sha256 = sha256_fingerprint(der);
  cert.selfSigned = signature_verifies_with_own_key(crt);
  cert.ca = crt.MBEDTLS_PRIVATE(ca_istrue) != 0;
  mbedtls_x509_crt_free(&crt);
  return cert;
}

}  // namespace

std::string pem_from_der(std::string_view der) {
  const std::string b64 = encode_base64(der);
  std::string pem = "-----BEGIN CERTIFICATE-----\n";
  pem.reserve(b64.size() + b64.size() / 64 + 60);
  for (std::size_t i = 0; i < b64.size(); i += 64) {
    pem.append(b64, i, 64);
    pem += '\n';
  }
  pem += "-----END CERTIFICATE-----";
  return pem;
}

std::string der_of(const Certificate& cert) {
  const std::size_t start = cert.pem.find('\n'), end = cert.pem.rfind("\n-----END");
  if (start == std::string::npos || end == std::string::npos || end < start) return "";
  const Base64Result der = decode_base64(std::string_view(cert.pem).substr(start + 1, end - start - 1));
  return der.ok ? der.bytes : "";
}

std::string sha1_fingerprint(std::string_view der) {
  unsigned char digest[20];
  mbedtls_sha1(bytes_of(der), der.size(), digest);
  return colon_hex(digest, sizeof digest);
}

std::string sha256_fingerprint(std::string_view der) {
  unsigned char digest[32];
  sha256(bytes_of(der), der.size(), digest);
  return colon_hex(digest, sizeof digest);
}

bool is_weak_signature(const std::string& algorithm) {
  return algorithm.rfind("md2", 0) == 0 || algorithm.rfind("md5", 0) == 0 || algorithm.rfind("sha1", 0) == 0 ||
         algorithm == "ecdsa-with-SHA1" || algorithm == "dsaWithSHA1";
}

}  // namespace sso
