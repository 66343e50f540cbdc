#include "x509/checks.hpp"

#include <algorithm>

#include "x509/certificate.hpp"
#include "clock.hpp"

namespace sso {

namespace {
std::string days(int64_t seconds) {
  const int64_t d = seconds / 86400;
  if (d >= 1) return std::to_string(d) + (d == 1 ? " day" : " days");
  const int64_t h = seconds / 3600;
  return std::to_string(h) + (h == 1 ? " hour" : " hours");
}
}  // namespace

bool valid_at(const Certificate& cert, int64_t now) {
  return !cert.error && cert.notBeforeEpoch <= now && now <= cert.notAfterEpoch;
}

std::string certificate_label(const Certificate& cert) {
  if (cert.error) return "an undecodable certificate";
  return (cert.subject.empty() ? std::string("(empty subject)") : cert.subject) + " (SHA-256 " +
         cert.sha256.substr(0, 11) + "…)";
}

void check_twilio_certificate(const Certificate& cert, int64_t now, Findings& findings) {
  if (cert.error) return;
  if (now > cert.notAfterEpoch) {
    findings.add(Code::CertExpired, "The certificate " + certificate_label(cert) + " expired on " + cert.notAfter +
                                        ", " + days(now - cert.notAfterEpoch) +
                                        " ago. Twilio will reject every login signed with it: get the current signing "
                                        "certificate from your identity provider (download its metadata again).");
  } else if (now < cert.notBeforeEpoch) {
    findings.add(Code::CertNotYetValid, "The certificate " + certificate_label(cert) + " is valid only from " +
                                            cert.notBefore + " (in " + days(cert.notBeforeEpoch - now) +
                                            "). Use the certificate your identity provider signs with today.");
  } else if (cert.notAfterEpoch - now <= kExpiringSoonWarning) {
    const int64_t left = cert.notAfterEpoch - now;
    findings.add(Code::CertExpiringSoon, left <= kExpiringSoonError ? Severity::Error : Severity::Warning,
                 "The certificate " + certificate_label(cert) + " expires on " + cert.notAfter + ", in " + days(left) +
                     ". Plan the rollover now: when the identity provider switches to its new certificate, put the "
                     "new one into Twilio at the same time.");
  }
  if (cert.keyType == "RSA" && cert.keyBits < 2048)
    findings.add(Code::CertWeakKey, "The certificate's RSA key has only " + std::to_string(cert.keyBits) +
                                        " bits; 2048 is the least that is safe today. Ask your identity provider "
                                        "to sign with a 2048-bit (or larger) key.");
  if (is_weak_signature(cert.signatureAlgorithm))
    findings.add(Code::CertWeakSignature,
                 "The certificate itself is signed with " + cert.signatureAlgorithm +
                     ". Twilio only uses its public key to check SAML signatures, so this does not break logins, "
                     "but security scanners may flag it.");
  if (cert.signatureAlgorithm.find('.') != std::string::npos)
    findings.add(Code::CertUnknownSignature,
                 "The certificate is signed with an algorithm this tool does not know (OID " + cert.signatureAlgorithm +
                     "), so its own signature was not checked; it is described from its fields. Twilio only uses its "
                     "public key, so this does not stop logins, but ask your identity provider why it was made so.");
  if (!cert.selfSigned)
    findings.add(Code::CertCaIssued, "The certificate is issued by " + cert.issuer +
                                         ". Twilio uses the key in it as it is and does not check the chain.");
}

int choose_pasted_certificate(const std::vector<Certificate>& certs) {
  int first = -1;
  for (std::size_t i = 0; i < certs.size(); ++i) {
    const Certificate& c = certs[i];
    if (c.error) continue;
    if (!c.ca) return static_cast<int>(i);
    if (first < 0) first = static_cast<int>(i);
  }
  return first;
}

int choose_signing_certificate(const std::vector<Certificate>& certs, int64_t now, Findings& findings) {
  int first_valid = -1, latest = -1;
  for (std::size_t i = 0; i < certs.size(); ++i) {
    const Certificate& c = certs[i];
    if (c.error) continue;
    if (first_valid < 0 && valid_at(c, now)) first_valid = static_cast<int>(i);
    if (latest < 0 || c.notAfterEpoch > certs[static_cast<std::size_t>(latest)].notAfterEpoch)
      latest = static_cast<int>(i);
  }
  const int chosen = first_valid >= 0 ? first_valid : latest;
  std::vector<std::string> distinct;
  for (const Certificate& d : certs)
    if (!d.error && std::find(distinct.begin(), distinct.end(), d.sha256) == distinct.end())
      distinct.push_back(d.sha256);
  if (chosen >= 0 && first_valid < 0 && certs.size() > 1)
    findings.add(Code::CertNoneValid, "None of the " + std::to_string(certs.size()) +
                                          " signing certificates is valid now; the one that expires last is shown. "
                                          "Get current metadata from your identity provider.");
  if (chosen >= 0 && distinct.size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < certs.size(); ++i) {
      const Certificate& c = certs[i];
      list += "\n  " + std::to_string(i + 1) + ". " + certificate_label(c);
      if (!c.error) list += ", valid " + c.notBefore.substr(0, 10) + " to " + c.notAfter.substr(0, 10);
      if (static_cast<int>(i) == chosen) list += "  <- for Twilio";
    }
    findings.add(Code::CertRollover,
                 "The identity provider publishes " + std::to_string(distinct.size()) +
                     " different signing certificates, usually because it is rolling over to a new one. Twilio "
                     "takes one certificate, so the first one valid now is used; when the identity provider "
                     "switches, put the other one into Twilio." + list);
  }
  return chosen;
}

}  // namespace sso
