#include "twilio/given_certificate.hpp"

#include "x509/checks.hpp"

namespace sso {

namespace {
int index_of(const std::vector<Certificate>& list, const std::string& sha256) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!list[i].error && list[i].sha256 == sha256) return static_cast<int>(i);
  return -1;
}
}  // namespace

void check_given_certificate(const Report& report, int64_t now, Findings& findings) {
  if (!report.idp) return;
  const int chosen = choose_pasted_certificate(report.certificates);
  if (chosen < 0) return;
  const IdentityProvider& idp = *report.idp;
  const Certificate& given = report.certificates[static_cast<std::size_t>(chosen)];
  const int signing = index_of(idp.signingCertificates, given.sha256);
  const int encryption = index_of(idp.encryptionCertificates, given.sha256);
  const std::string label = certificate_label(given);
  if (signing >= 0) {
    const bool is_twilios = report.twilio.x509Certificate == given.pem;
    findings.add(Code::CertInMetadata,
                 "The certificate you gave, " + label + ", is signing certificate #" + std::to_string(signing + 1) +
                     " of the metadata" +
                     (is_twilios ? ", the one to put into Twilio."
                                 : (valid_at(given, now) ? "; another one is listed first and valid, and is the one "
                                                           "given for Twilio. Either works while both are valid."
                                                         : ", but it is not valid now; use the one given for Twilio.")));
  } else if (encryption >= 0) {
    findings.add(Code::CertEncryptionOnly,
                 "The certificate you gave, " + label +
                     ", is the identity provider's encryption certificate, not its signing one. Twilio checks "
                     "signatures, so it needs the signing certificate: use the value given for Twilio.");
  } else {
    findings.add(Code::CertNotInMetadata,
                 "The certificate you gave, " + label +
                     ", is not one the metadata publishes. Twilio would reject the IdP's signatures with it. Use the "
                     "signing certificate from the metadata (the value given for Twilio), or check that the metadata "
                     "and the certificate come from the same IdP application.");
  }
}

}  // namespace sso
