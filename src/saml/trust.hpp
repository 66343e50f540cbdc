// The certificates a signature is verified with: those the admin trusts (pasted, given as a file,
// or the signing certificates of metadata), as the verifier takes them.
#pragma once

#include <string_view>
#include <vector>

#include "report/report.hpp"
#include "xml/signature.hpp"

namespace sso {

// Every certificate of the list that decoded.
std::vector<TrustedCertificate> trusted_from(const std::vector<Certificate>& certificates);
// Every certificate in pasted text (PEM, base64, DER, an <X509Certificate> element) that decodes.
std::vector<TrustedCertificate> trusted_from(std::string_view pasted);

}  // namespace sso
