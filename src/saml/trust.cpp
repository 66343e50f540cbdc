#include "saml/trust.hpp"

#include "x509/certificate.hpp"
#include "x509/paste.hpp"

namespace sso {

std::vector<TrustedCertificate> trusted_from(const std::vector<Certificate>& certificates) {
  std::vector<TrustedCertificate> out;
  for (const Certificate& c : certificates)
    if (!c.error && !c.pem.empty()) out.push_back({der_of(c), c.sha256});
  return out;
}

std::vector<TrustedCertificate> trusted_from(std::string_view pasted) {
  if (pasted.empty()) return {};
  return trusted_from(certificates_from_paste(pasted));
}

}  // namespace sso
