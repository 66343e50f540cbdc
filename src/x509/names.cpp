#include "input/text.hpp"
#include "x509/names.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

#include <mbedtls/asn1.h>
#include <mbedtls/ecp.h>
#include <mbedtls/oid.h>

namespace sso {

namespace {
struct OidName {
  const char* oid;
  const char* name;
};

// Attribute types by OpenSSL's short names (crypto/objects/objects.txt).
constexpr OidName kAttributeNames[] = {
    {"2.5.4.3", "CN"},
    {"2.5.4.4", "SN"},
    {"2.5.4.5", "serialNumber"},
    {"2.5.4.6", "C"},
    {"2.5.4.7", "L"},
    {"2.5.4.8", "ST"},
    {"2.5.4.9", "street"},
    {"2.5.4.10", "O"},
    {"2.5.4.11", "OU"},
    {"2.5.4.12", "title"},
    {"2.5.4.13", "description"},
    {"2.5.4.15", "businessCategory"},
    {"2.5.4.16", "postalAddress"},
    {"2.5.4.17", "postalCode"},
    {"2.5.4.18", "postOfficeBox"},
    {"2.5.4.20", "telephoneNumber"},
    {"2.5.4.41", "name"},
    {"2.5.4.42", "GN"},
    {"2.5.4.43", "initials"},
    {"2.5.4.44", "generationQualifier"},
    {"2.5.4.45", "x500UniqueIdentifier"},
    {"2.5.4.46", "dnQualifier"},
    {"2.5.4.65", "pseudonym"},
    {"2.5.4.97", "organizationIdentifier"},
    {"1.2.840.113549.1.9.1", "emailAddress"},
    {"1.2.840.113549.1.9.2", "unstructuredName"},
    {"0.9.2342.19200300.100.1.1", "UID"},
    {"0.9.2342.19200300.100.1.25", "DC"},
    {"1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"},
    {"1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"},
    {"1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"},
};

constexpr OidName kSignatureNames[] = {
    {"1.2.840.113549.1.1.2", "md2WithRSAEncryption"},
    {"1.2.840.113549.1.1.4", "md5WithRSAEncryption"},
    {"1.2.840.113549.1.1.5", "sha1WithRSAEncryption"},
    {"1.2.840.113549.1.1.10", "rsassaPss"},
    {"1.2.840.113549.1.1.11", "sha256WithRSAEncryption"},
    {"1.2.840.113549.1.1.12", "sha384WithRSAEncryption"},
    {"1.2.840.113549.1.1.13", "sha512WithRSAEncryption"},
    {"1.2.840.113549.1.1.14", "sha224WithRSAEncryption"},
    {"1.3.14.3.2.29", "sha1WithRSA"},
    {"1.2.840.10045.4.1", "ecdsa-with-SHA1"},
    {"1.2.840.10045.4.3.1", "ecdsa-with-SHA224"},
    {"1.2.840.10045.4.3.2", "ecdsa-with-SHA256"},
    {"1.2.840.10045.4.3.3", "ecdsa-with-SHA384"},
    {"1.2.840.10045.4.3.4", "ecdsa-with-SHA512"},
    {"1.2.840.10040.4.3", "dsaWithSHA1"},
    {"2.16.840.1.101.3.4.3.1", "dsa_with_SHA224"},
    {"2.16.840.1.101.3.4.3.2", "dsa_with_SHA256"},
    {"1.3.101.112", "ED25519"},
    {"1.3.101.113", "ED448"},
};

const char* lookup(const OidName* table, std::size_t n, const std::string& oid) {
  for (std::size_t i = 0; i < n; ++i)
    if (oid == table[i].oid) return table[i].name;
  return nullptr;
}

const char kHex[] = "0123456789ABCDEF";

void append_escaped_hex(std::string& out, unsigned char c) {
  out += '\\';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// Bytes per character of ASN.1 string types as OpenSSL reads them; 0 = UTF-8, -1 = not a string.
int char_width(int tag) {
  switch (tag) {
    case MBEDTLS_ASN1_UTF8_STRING: return 0;
    case 18:  // NumericString
    case MBEDTLS_ASN1_PRINTABLE_STRING:
    case MBEDTLS_ASN1_T61_STRING:
    case MBEDTLS_ASN1_IA5_STRING:
    case MBEDTLS_ASN1_UTC_TIME:
    case MBEDTLS_ASN1_GENERALIZED_TIME:
    case 26:  // VisibleString
      return 1;
    case MBEDTLS_ASN1_UNIVERSAL_STRING: return 4;
    case MBEDTLS_ASN1_BMP_STRING: return 2;
    default: return -1;
  }
}

// The value's characters as UTF-8 bytes; false where the string's length does not fit its type.
bool value_as_utf8(const mbedtls_asn1_buf& val, int width, std::string& utf8) {
  if (width <= 1) {
    if (width == 0) {
      utf8.assign(reinterpret_cast<const char*>(val.p), val.len);
    } else {
      for (std::size_t i = 0; i < val.len; ++i) append_utf8(utf8, val.p[i]);
    }
    return true;
  }
  if (val.len % static_cast<std::size_t>(width)) return false;
  for (std::size_t i = 0; i < val.len; i += static_cast<std::size_t>(width)) {
    uint32_t cp = 0;
    for (int k = 0; k < width; ++k) cp = cp << 8 | val.p[i + static_cast<std::size_t>(k)];
    append_utf8(utf8, cp);
  }
  return true;
}

// RFC 2253 escaping as OpenSSL's ESC_2253 | ESC_CTRL | ESC_MSB does it.
void append_rfc2253_value(std::string& out, const std::string& utf8) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const bool first = i == 0, last = i + 1 == utf8.size();
    if (c >= 0x80 || c < 0x20 || c == 0x7f) {
      append_escaped_hex(out, c);
    } else if (std::strchr(",+\"\\<>;", c) || (first && (c == '#' || c == ' ')) || (last && c == ' ')) {
      out += '\\';
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(c);
    }
  }
}

// "#" and the hex of the whole DER encoding (tag, length, value), as OpenSSL's DUMP_DER does.
void append_der_dump(std::string& out, const mbedtls_asn1_buf& val) {
  unsigned char header[8];
  std::size_t n = 0;
  header[n++] = static_cast<unsigned char>(val.tag);
  if (val.len < 0x80) {
    header[n++] = static_cast<unsigned char>(val.len);
  } else {
    std::size_t bytes = 0;
    for (std::size_t l = val.len; l; l >>= 8) ++bytes;
    header[n++] = static_cast<unsigned char>(0x80 | bytes);
    for (std::size_t k = bytes; k-- > 0;) header[n++] = static_cast<unsigned char>(val.len >> (8 * k));
  }
  out += '#';
  for (std::size_t i = 0; i < n; ++i) {
    out += kHex[header[i] >> 4];
    out += kHex[header[i] & 15];
  }
  for (std::size_t i = 0; i < val.len; ++i) {
    out += kHex[val.p[i] >> 4];
    out += kHex[val.p[i] & 15];
  }
}
}  // namespace

// The dotted form of a DER OID (X.690 8.19), written here rather than with mbedTLS's, which uses
// snprintf and so pulls printf into the wasm module.
std::string dotted_oid(const mbedtls_x509_buf& oid) {
  if (oid.len == 0 || oid.len > 64 || (oid.p[oid.len - 1] & 0x80)) return "?";
  std::string out;
  uint64_t value = 0;
  bool first = true;
  for (std::size_t i = 0; i < oid.len; ++i) {
    if (value > (UINT64_MAX >> 7)) return "?";
    value = value << 7 | (oid.p[i] & 0x7f);
    if (oid.p[i] & 0x80) continue;
    if (first) {
      const uint64_t arc = value < 40 ? 0 : value < 80 ? 1 : 2;
      out = std::to_string(arc) + "." + std::to_string(value - arc * 40);
      first = false;
    } else {
      out += "." + std::to_string(value);
    }
    value = 0;
  }
  return out;
}

std::string rfc2253_name(const mbedtls_x509_name* name) {
  struct Ava {
    const mbedtls_asn1_named_data* item;
    bool joined_to_next;  // the next AVA is in the same (multi-valued) RDN
  };
  std::vector<Ava> avas;
  for (const mbedtls_asn1_named_data* n = name; n && n->oid.p; n = n->next)
    avas.push_back({n, n->MBEDTLS_PRIVATE(next_merged) != 0});
  std::string out;
  // OpenSSL's dn_rev prints the AVAs last to first; '+' between AVAs of one RDN.
  for (std::size_t k = avas.size(); k-- > 0;) {
    const mbedtls_asn1_named_data* item = avas[k].item;
    if (k + 1 < avas.size()) out += avas[k].joined_to_next ? "+" : ",";
    const std::string oid = dotted_oid(item->oid);
    const char* short_name = lookup(kAttributeNames, std::size(kAttributeNames), oid);
    out += short_name ? short_name : oid;
    out += '=';
    const int width = char_width(item->val.tag);
    std::string utf8;
    if (!short_name || width < 0 || !value_as_utf8(item->val, width, utf8)) {
      append_der_dump(out, item->val);
    } else {
      append_rfc2253_value(out, utf8);
    }
  }
  return out;
}

std::string signature_algorithm_name(const mbedtls_x509_buf& oid) { return signature_algorithm_name_of(dotted_oid(oid)); }

std::string signature_algorithm_name_of(const std::string& dotted) {
  const char* name = lookup(kSignatureNames, std::size(kSignatureNames), dotted);
  return name ? name : dotted;
}

std::string curve_name(int group) {
  switch (static_cast<mbedtls_ecp_group_id>(group)) {
    case MBEDTLS_ECP_DP_SECP192R1: return "P-192";
    case MBEDTLS_ECP_DP_SECP224R1: return "P-224";
    case MBEDTLS_ECP_DP_SECP256R1: return "P-256";
    case MBEDTLS_ECP_DP_SECP384R1: return "P-384";
    case MBEDTLS_ECP_DP_SECP521R1: return "P-521";
    case MBEDTLS_ECP_DP_SECP256K1: return "secp256k1";
    case MBEDTLS_ECP_DP_BP256R1: return "brainpoolP256r1";
    case MBEDTLS_ECP_DP_BP384R1: return "brainpoolP384r1";
    case MBEDTLS_ECP_DP_BP512R1: return "brainpoolP512r1";
    default: return "";
  }
}

}  // namespace sso
