#include "x509/certificate_input.hpp"

#include "x509/paste.hpp"

namespace sso {

namespace {
std::string numbered(const char* what, std::size_t i, std::size_t n) {
  return std::string(what) + (n > 1 ? " #" + std::to_string(i + 1) : std::string());
}
}  // namespace

void read_pasted_certificates(std::string_view text, Report& report) {
  const std::size_t first = report.certificates.size();
  for (Certificate& c : certificates_from_paste(text)) report.certificates.push_back(std::move(c));
  const std::size_t n = report.certificates.size() - first;
  for (std::size_t i = 0; i < n; ++i) {
    const Certificate& c = report.certificates[first + i];
    const std::string which = numbered("The certificate", i, n);
    if (c.pemLabel == "PUBLIC KEY" || c.pemLabel == "RSA PUBLIC KEY") {
      report.findings.add(Code::CertPublicKey,
                          "This is a public key, not a certificate. Twilio's X.509 field needs the whole certificate "
                          "(-----BEGIN CERTIFICATE-----): download it from your identity provider's SAML settings.");
    } else if (c.error && c.failure == DecodeFailure::UnknownSignatureAlgorithm) {
      report.findings.add(Code::CertUnknownSignature, Severity::Error,
                          which + " does not decode: " + *c.error +
                              ". Ask your identity provider for a certificate signed with SHA-256 and RSA or ECDSA.");
    } else if (c.error) {
      report.findings.add(Code::CertInvalid, which + " does not decode: " + *c.error +
                                                 ". Copy it again, whole, from your identity provider.");
    } else if (c.doubleEncoded) {
      report.findings.add(Code::CertDoubleEncoded,
                          which + " is base64 of PEM text (encoded twice); the certificate inside was used.");
    }
  }
}

}  // namespace sso
