// OpenSSL's names for what mbedTLS decodes: distinguished names as `-nameopt RFC2253` prints
// them, and signature algorithms and curves by OpenSSL's short names.
#pragma once

#include <string>

#include <mbedtls/x509.h>

namespace sso {

std::string rfc2253_name(const mbedtls_x509_name* name);
std::string dotted_oid(const mbedtls_x509_buf& oid);
// OpenSSL's name for a signature algorithm OID; the dotted OID where it has none we know.
std::string signature_algorithm_name(const mbedtls_x509_buf& oid);
std::string signature_algorithm_name_of(const std::string& dotted);
// "P-256", "secp256k1", "brainpoolP256r1"; empty when the group is not one we name.
std::string curve_name(int mbedtls_group_id);

}  // namespace sso
