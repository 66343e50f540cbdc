#include <algorithm>

#include "analyze_steps.hpp"
#include "x509/checks.hpp"
#include "x509/paste.hpp"

namespace sso {

namespace {
std::string numbered(const char* what, std::size_t i, std::size_t n) {
  return std::string(what) + (n > 1 ? " #" + std::to_string(i + 1) : std::string());
}

// Findings for every pasted certificate that cannot be used; the index of the one for Twilio
// (the first that is not a CA, else the first that decodes), or -1.
int read_pasted(const std::vector<DecodedCertificate>& certs, Findings& findings) {
  int first = -1, leaf = -1;
  for (std::size_t i = 0; i < certs.size(); ++i) {
    const DecodedCertificate& d = certs[i];
    const std::string which = numbered("The certificate", i, certs.size());
    if (d.label == "PUBLIC KEY" || d.label == "RSA PUBLIC KEY") {
      findings.add(Code::CertPublicKey,
                   "This is a public key, not a certificate. Twilio's X.509 field needs the whole certificate "
                   "(-----BEGIN CERTIFICATE-----): download it from your identity provider's SAML settings.");
      continue;
    }
    if (d.cert.failure == DecodeFailure::UnknownSignatureAlgorithm) {
      findings.add(Code::CertUnknownSignature, Severity::Error,
                   which + " does not decode: " + *d.cert.error +
                       ". Ask your identity provider for a certificate signed with SHA-256 and RSA or ECDSA.");
      continue;
    }
    if (d.cert.error) {
      findings.add(Code::CertInvalid, which + " does not decode: " + *d.cert.error +
                                          ". Copy it again, whole, from your identity provider.");
      continue;
    }
    if (d.doubleEncoded)
      findings.add(Code::CertDoubleEncoded,
                   which + " is base64 of PEM text (encoded twice); the certificate inside was used.");
    if (first < 0) first = static_cast<int>(i);
    if (leaf < 0 && !d.cert.ca) leaf = static_cast<int>(i);
  }
  return leaf >= 0 ? leaf : first;
}

std::size_t decoded_count(const std::vector<DecodedCertificate>& certs) {
  return static_cast<std::size_t>(
      std::count_if(certs.begin(), certs.end(), [](const DecodedCertificate& d) { return !d.cert.error; }));
}

int index_of(const std::vector<Certificate>& list, const std::string& sha256) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!list[i].error && list[i].sha256 == sha256) return static_cast<int>(i);
  return -1;
}
}  // namespace

void analyze_certificates(const PreparedInput& input, int64_t now, Report& report) {
  const std::vector<DecodedCertificate> certs = certificates_from_paste(input.text());
  for (const DecodedCertificate& d : certs) report.certificates.push_back(d.cert);
  const int chosen = read_pasted(certs, report.findings);
  if (chosen < 0) return;
  const DecodedCertificate& cert = certs[static_cast<std::size_t>(chosen)];
  if (decoded_count(certs) > 1)
    report.findings.add(Code::CertChain, "You pasted " + std::to_string(decoded_count(certs)) +
                                             " certificates; Twilio takes exactly one, the identity provider's own "
                                             "signing certificate. " + certificate_label(cert.cert) +
                                             " was used (the first that is not a CA). Paste only that one.");
  report.twilio.x509Certificate = cert.cert.pem;
  if (!cert.canonicalPem)
    report.findings.add(Code::CertWrapped,
                        input.binary ? "The DER bytes were converted to the PEM text Twilio asks for; paste the value "
                                       "shown, not the file."
                                     : "The certificate was re-wrapped into the PEM Twilio asks for (BEGIN/END "
                                       "lines, 64 columns); paste the value shown, not the original text.");
  check_twilio_certificate(cert.cert, now, report.findings);
}

void check_given_certificate(std::string_view text, const IdentityProvider& idp, int64_t now, Report& report) {
  if (contains_private_key(text)) {
    report.findings.add(Code::InputPrivateKey,
                        "The certificate given is a private key. It was not read and is not shown. Give the "
                        "certificate (-----BEGIN CERTIFICATE-----) instead; if the key was shared by mistake, "
                        "have it replaced.");
    return;
  }
  const std::vector<DecodedCertificate> certs = certificates_from_paste(text);
  for (const DecodedCertificate& d : certs) report.certificates.push_back(d.cert);
  const int chosen = read_pasted(certs, report.findings);
  if (chosen < 0) return;
  const Certificate& given = certs[static_cast<std::size_t>(chosen)].cert;
  const int signing = index_of(idp.signingCertificates, given.sha256);
  const int encryption = index_of(idp.encryptionCertificates, given.sha256);
  const std::string label = certificate_label(given);
  if (signing >= 0) {
    const bool is_twilios = report.twilio.x509Certificate == given.pem;
    report.findings.add(Code::CertInMetadata,
                        "The certificate you gave, " + label + ", is signing certificate #" +
                            std::to_string(signing + 1) + " of the metadata" +
                            (is_twilios ? ", the one to put into Twilio."
                                        : (valid_at(given, now) ? "; another one is listed first and valid, and is the one "
                                                                  "given for Twilio. Either works while both are valid."
                                                                : ", but it is not valid now; use the one given for Twilio.")));
  } else if (encryption >= 0) {
    report.findings.add(Code::CertEncryptionOnly,
                        "The certificate you gave, " + label +
                            ", is the identity provider's encryption certificate, not its signing one. Twilio checks "
                            "signatures, so it needs the signing certificate: use the value given for Twilio.");
  } else {
    report.findings.add(Code::CertNotInMetadata,
                        "The certificate you gave, " + label +
                            ", is not one the metadata publishes. Twilio would reject the IdP's signatures with it. "
                            "Use the signing certificate from the metadata (the value given for Twilio), or check that "
                            "the metadata and the certificate come from the same IdP application.");
  }
}

}  // namespace sso
