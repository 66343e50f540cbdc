#include <algorithm>

#include "analyze_steps.hpp"
#include "clock.hpp"
#include "input/xml_problem.hpp"
#include "limits.hpp"
#include "saml/metadata.hpp"
#include "saml/namespaces.hpp"
#include "url/url.hpp"
#include "x509/checks.hpp"
#include "xml/document.hpp"
#include "xml/names.hpp"

namespace sso {

namespace {
void explain_no_idp(const XmlDocument& doc, const MetadataRead& read, Report& report) {
  const pugi::xml_node root = doc.root();
  const std::string_view ns_uri = namespace_uri(root);
  if (ns_uri != ns::kMetadata || (local_name(root) != "EntityDescriptor" && local_name(root) != "EntitiesDescriptor")) {
    report.findings.add(Code::MetadataNoSaml2Idp,
                        "This XML is not SAML metadata: its root element is <" + std::string(local_name(root)) + ">" +
                            (ns_uri.empty() ? std::string(" with no namespace")
                                            : " in namespace " + std::string(ns_uri)) +
                            ". Paste your identity provider's SAML 2.0 metadata (an EntityDescriptor).");
  } else if (read.samlOneOnlyIdps > 0) {
    report.findings.add(Code::MetadataNoSaml2Idp,
                        "The identity provider here does not list SAML 2.0 in protocolSupportEnumeration (SAML 1.x "
                        "or another protocol only). Twilio needs SAML 2.0: enable it in your identity provider and "
                        "download its metadata again.");
  } else if (read.spDescriptors > 0) {
    report.findings.add(Code::MetadataNoSaml2Idp,
                        "This is service-provider metadata (SPSSODescriptor), not an identity provider's: perhaps "
                        "Twilio's own or another application's. Paste the metadata of your identity provider "
                        "(Okta, Entra ID, Citrix, ADFS, Google, ...).");
  } else {
    report.findings.add(Code::MetadataNoSaml2Idp,
                        "The metadata has no IDPSSODescriptor for SAML 2.0. Paste your identity provider's "
                        "SAML 2.0 metadata.");
  }
}

void report_several_idps(const MetadataRead& read, const Options& options, Report& report) {
  if (read.saml2IdpIds.size() < 2 || !read.idp) return;
  std::string list;
  for (std::size_t i = 0; i < read.saml2IdpIds.size() && i < 10; ++i) list += "\n  " + read.saml2IdpIds[i];
  if (read.saml2IdpIds.size() > 10) list += "\n  ... and " + std::to_string(read.saml2IdpIds.size() - 10) + " more";
  report.findings.add(Code::MetadataSeveralIdps,
                      "This document lists " + std::to_string(read.saml2IdpIds.size()) + " SAML 2.0 identity providers; " +
                          (options.entity.empty() ? "the first, " : "the one asked for, ") + read.idp->entityId +
                          ", was taken. Pick another by its entityID if it is not yours." + list);
}

void report_valid_until(IdentityProvider& idp, int64_t now, Findings& findings) {
  if (!idp.validUntil) return;
  const std::optional<int64_t> until = parse_xs_datetime(*idp.validUntil);
  if (!until) {
    findings.add(Code::MetadataBadValidUntil, "validUntil=\"" + *idp.validUntil +
                                                  "\" is not a date and time of the form 2026-12-01T00:00:00Z.");
    return;
  }
  idp.validUntil = iso8601(*until);
  if (*until < now)
    findings.add(Code::MetadataExpired, "The metadata says it is valid until " + *idp.validUntil +
                                            ", which has passed: it may be stale. Download it again from your "
                                            "identity provider and check that the values below still hold.");
}

void report_undecodable(const std::vector<DecodedCertificate>& certs, bool another_usable, const char* role,
                        Findings& findings) {
  for (std::size_t i = 0; i < certs.size(); ++i) {
    const DecodedCertificate& d = certs[i];
    const std::string which = std::string("The ") + role + " certificate #" + std::to_string(i + 1);
    if (d.doubleEncoded && !d.cert.error)
      findings.add(Code::CertDoubleEncoded,
                   which + " is base64 of PEM text (encoded twice), which strict SAML libraries reject. The "
                           "certificate inside was used; fix the metadata at the identity provider if you can.");
    if (d.cert.error)
      findings.add(d.cert.failure == DecodeFailure::UnknownSignatureAlgorithm ? Code::CertUnknownSignature : Code::CertInvalid,
                   another_usable ? Severity::Warning : Severity::Error,
                   which + " does not decode: " + *d.cert.error + "." +
                       (another_usable ? " Another certificate was usable." : " Copy it again from your identity provider."));
  }
}

void assemble_from_metadata(MetadataRead& read, int64_t now, Report& report) {
  IdentityProvider& idp = *read.idp;
  TwilioValues& twilio = report.twilio;
  if (read.entityIdTrimmed)
    report.findings.add(Code::MetadataEntityIdWhitespace,
                        "The entityID has white space around it; Twilio compares the issuer exactly, so the trimmed "
                        "value is given. Check what your identity provider sends as Issuer.");
  twilio.identityProviderIssuer = idp.entityId;
  for (const Entity& e : report.entities)
    if (e.entityId == idp.entityId && e.name && !twilio.friendlyName) twilio.friendlyName = e.name;
  if (!twilio.friendlyName) {
    // No display name: the entityID's host when it is a URL, else the entityID itself.
    const UrlRead url = read_url(idp.entityId);
    twilio.friendlyName = url.url ? url.url->host.ascii : idp.entityId;
  }

  const char* redirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
  const char* post = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
  for (const Endpoint& e : idp.ssoServices)
    if (e.binding == redirect) {
      twilio.singleSignOnUrl = e.location;
      break;
    }
  if (!twilio.singleSignOnUrl) {
    for (const Endpoint& e : idp.ssoServices)
      if (e.binding == post) {
        twilio.singleSignOnUrl = e.location;
        report.findings.add(Code::MetadataSsoPostOnly,
                            "The identity provider lists no HTTP-Redirect SingleSignOnService; Twilio sends its "
                            "request as HTTP-Redirect, so the HTTP-POST location was used. Most identity providers "
                            "accept both at the same URL; if logins fail, enable HTTP-Redirect at the IdP.");
        break;
      }
  }
  if (!twilio.singleSignOnUrl)
    report.findings.add(Code::MetadataNoSsoUrl,
                        "The identity provider lists no SingleSignOnService with the HTTP-Redirect or HTTP-POST "
                        "binding, so there is no single sign-on URL for Twilio. Enable one of them at the IdP.");

  report_valid_until(idp, now, report.findings);
  if (read.certificatesCapped)
    report.findings.add(Code::MetadataTooManyCertificates,
                        "The descriptor lists more than " + std::to_string(limits::kMaxCertificatesPerDescriptor) +
                            " certificates for one use; only the first were read.");

  const int chosen = choose_signing_certificate(read.signing, now, report.findings);
  report_undecodable(read.signing, chosen >= 0, "signing", report.findings);
  report_undecodable(read.encryption, true, "encryption", report.findings);
  if (chosen >= 0) {
    const Certificate& cert = read.signing[static_cast<std::size_t>(chosen)].cert;
    twilio.x509Certificate = cert.pem;
    check_twilio_certificate(cert, now, report.findings);
  } else if (read.signing.empty()) {
    report.findings.add(Code::MetadataNoSigningCertificate,
                        read.encryption.empty()
                            ? "The identity provider publishes no signing certificate (no KeyDescriptor with "
                              "use=\"signing\" or without use). Get the signing certificate from the IdP's SAML "
                              "settings and paste it here."
                            : "The identity provider publishes only an encryption certificate (use=\"encryption\"). "
                              "Twilio needs the certificate the IdP signs with: get it from the IdP's SAML settings.");
  }
}

}  // namespace

void analyze_metadata(char* text, std::size_t size, const Options& options, int64_t now, Report& report) {
  XmlDocument doc;
  if (const XmlParseResult parsed = doc.parse(text, size); !parsed) {
    report_xml_problem(parsed, report.findings);
    return;
  }
  const std::vector<pugi::xml_node> entities = entity_descriptors(doc.root());
  if (entities.size() > limits::kMaxEntities) {
    report.findings.add(Code::MetadataTooManyEntities,
                        "The document holds " + std::to_string(entities.size()) + " entities, more than the limit of " +
                            std::to_string(limits::kMaxEntities) + ".");
    return;
  }
  MetadataRead read = read_metadata(entities, options.entity);
  report.entities = std::move(read.entities);
  report.idp = read.idp;
  if (!read.idp) {
    if (!options.entity.empty() && !read.saml2IdpIds.empty()) {
      report.findings.add(Code::MetadataEntityNotFound,
                          "No SAML 2.0 identity provider with entityID \"" + options.entity +
                              "\" is in this document; it lists " + std::to_string(read.saml2IdpIds.size()) +
                              ". Check the entityID (it is compared exactly).");
    } else {
      explain_no_idp(doc, read, report);
    }
    return;
  }
  report_several_idps(read, options, report);
  assemble_from_metadata(read, now, report);
  report.idp = read.idp;  // validUntil normalised
  if (!options.certificate.empty()) check_given_certificate(options.certificate, *read.idp, now, report);
}


}  // namespace sso
