#include "twilio/values.hpp"

#include <algorithm>
#include <cmath>

#include "saml/vendor.hpp"
#include "twilio/trusted_domains.hpp"
#include "url/url.hpp"
#include "x509/checks.hpp"

namespace sso {

namespace {
constexpr const char* kRedirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
constexpr const char* kPostBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

std::optional<std::string> friendly_name(const Options& options, const Report& report) {
  if (options.friendlyName) return options.friendlyName;
  if (!report.idp) return std::nullopt;
  const std::string& entity_id = report.idp->entityId;
  for (const Entity& e : report.entities)
    if (e.entityId == entity_id && e.name) return e.name;
  if (report.idp->vendor)
    if (const char* name = vendor_name(*report.idp->vendor)) return std::string(name);
  // No display name: the entityID's host when it is a URL, else the entityID itself.
  const UrlRead url = read_url(entity_id);
  return url.url ? url.url->host.ascii : entity_id;
}

std::optional<std::string> single_sign_on_url(const Options& options, const Report& report, Findings& findings) {
  if (!report.idp) return options.ssoUrl;
  for (const Endpoint& e : report.idp->ssoServices)
    if (e.binding == kRedirectBinding) return e.location;
  for (const Endpoint& e : report.idp->ssoServices)
    if (e.binding == kPostBinding) {
      findings.add(Code::MetadataSsoPostOnly,
                   "The identity provider lists no HTTP-Redirect SingleSignOnService; Twilio sends its request as "
                   "HTTP-Redirect, so the HTTP-POST location was used. Most identity providers accept both at the "
                   "same URL; if logins fail, enable HTTP-Redirect at the IdP.");
      return e.location;
    }
  findings.add(Code::MetadataNoSsoUrl,
               "The identity provider lists no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding, so "
               "there is no single sign-on URL for Twilio. Enable one of them at the IdP.");
  return std::nullopt;
}

// Marks the certificate for Twilio and returns it, or nullptr when none can be used.
Certificate* choose_certificate(Report& report, int64_t now) {
  if (report.idp) {
    std::vector<Certificate>& signing = report.idp->signingCertificates;
    const int chosen = choose_signing_certificate(signing, now, report.findings);
    return chosen >= 0 ? &signing[static_cast<std::size_t>(chosen)] : nullptr;
  }
  if (report.kind != InputKind::Certificate) return nullptr;
  std::vector<Certificate>& pasted = report.certificates;
  const int chosen = choose_pasted_certificate(pasted);
  if (chosen < 0) return nullptr;
  Certificate& cert = pasted[static_cast<std::size_t>(chosen)];
  const auto decoded = static_cast<std::size_t>(
      std::count_if(pasted.begin(), pasted.end(), [](const Certificate& c) { return !c.error; }));
  if (decoded > 1)
    report.findings.add(Code::CertChain, "You pasted " + std::to_string(decoded) +
                                             " certificates; Twilio takes exactly one, the identity provider's own "
                                             "signing certificate. " + certificate_label(cert) +
                                             " was used (the first that is not a CA). Paste only that one.");
  if (!cert.canonicalPem)
    report.findings.add(Code::CertWrapped,
                        cert.fromDer
                            ? "The DER bytes were converted to the PEM text Twilio asks for; paste the value shown, "
                              "not the file."
                            : "The certificate was re-wrapped into the PEM Twilio asks for (BEGIN/END lines, 64 "
                              "columns); paste the value shown, not the original text.");
  return &cert;
}

void set_days_left(std::vector<Certificate>& certs, int64_t now) {
  for (Certificate& c : certs)
    if (!c.error)
      c.daysLeft = static_cast<int64_t>(std::floor(static_cast<double>(c.notAfterEpoch - now) / 86400.0));
}
}  // namespace

void assemble_twilio_values(const Options& options, int64_t now, Report& report) {
  TwilioValues& twilio = report.twilio;
  twilio.friendlyName = friendly_name(options, report);
  twilio.identityProviderIssuer = report.idp ? std::optional<std::string>(report.idp->entityId) : options.issuer;
  twilio.singleSignOnUrl = single_sign_on_url(options, report, report.findings);
  twilio.defaultRedirectUrl = options.redirectUrl;
  twilio.trustedDomains.clear();
  for (const std::string& raw : options.trustedDomains) {
    const TrustedEntry entry = read_trusted_entry(raw);
    twilio.trustedDomains.push_back(entry.refusal.empty() ? entry.compared : raw);
  }
  if (Certificate* cert = choose_certificate(report, now)) {
    cert->forTwilio = true;
    twilio.x509Certificate = cert->pem;
    check_twilio_certificate(*cert, now, report.findings);
  }
  if (report.idp) {
    set_days_left(report.idp->signingCertificates, now);
    set_days_left(report.idp->encryptionCertificates, now);
  }
  set_days_left(report.certificates, now);
}

}  // namespace sso
