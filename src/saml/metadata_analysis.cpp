#include "saml/metadata_analysis.hpp"

#include <algorithm>
#include <functional>

#include "parallel.hpp"

#include "clock.hpp"
#include "input/xml_problem.hpp"
#include "limits.hpp"
#include "saml/metadata.hpp"
#include "saml/metadata_signature.hpp"
#include "saml/namespaces.hpp"
#include "saml/trust.hpp"
#include "saml/vendor.hpp"
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

void report_several_idps(const MetadataRead& read, const std::string& wanted, Report& report) {
  if (read.saml2IdpIds.size() < 2 || !report.idp) return;
  std::string list;
  for (std::size_t i = 0; i < read.saml2IdpIds.size() && i < 10; ++i) list += "\n  " + read.saml2IdpIds[i];
  if (read.saml2IdpIds.size() > 10) list += "\n  ... and " + std::to_string(read.saml2IdpIds.size() - 10) + " more";
  report.findings.add(Code::MetadataSeveralIdps,
                      "This document lists " + std::to_string(read.saml2IdpIds.size()) + " SAML 2.0 identity providers; " +
                          (wanted.empty() ? "the first, " : "the one asked for, ") + report.idp->entityId +
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

void report_undecodable(const std::vector<Certificate>& certs, bool another_usable, const char* role,
                        Findings& findings) {
  for (std::size_t i = 0; i < certs.size(); ++i) {
    const Certificate& d = certs[i];
    const std::string which = std::string("The ") + role + " certificate #" + std::to_string(i + 1);
    if (d.doubleEncoded && !d.error)
      findings.add(Code::CertDoubleEncoded,
                   which + " is base64 of PEM text (encoded twice), which strict SAML libraries reject. The "
                           "certificate inside was used; fix the metadata at the identity provider if you can.");
    if (d.error)
      findings.add(d.failure == DecodeFailure::UnknownSignatureAlgorithm ? Code::CertUnknownSignature : Code::CertInvalid,
                   another_usable ? Severity::Warning : Severity::Error,
                   which + " does not decode: " + *d.error + "." +
                       (another_usable ? " Another certificate was usable." : " Copy it again from your identity provider."));
  }
}

// Findings about the chosen IdP's metadata itself; the Twilio values are chosen later, from the
// Report (twilio/values.cpp).
void report_idp(const MetadataRead& read, int64_t now, Report& report) {
  IdentityProvider& idp = *report.idp;
  if (read.entityIdTrimmed)
    report.findings.add(Code::MetadataEntityIdWhitespace,
                        "The entityID has white space around it; Twilio compares the issuer exactly, so the trimmed "
                        "value is given. Check what your identity provider sends as Issuer.");
  report_valid_until(idp, now, report.findings);
  if (read.certificatesCapped)
    report.findings.add(Code::MetadataTooManyCertificates,
                        "The descriptor lists more than " + std::to_string(limits::kMaxCertificatesPerDescriptor) +
                            " certificates for one use; only the first were read.");
  const bool usable = std::any_of(idp.signingCertificates.begin(), idp.signingCertificates.end(),
                                  [](const Certificate& c) { return !c.error; });
  report_undecodable(idp.signingCertificates, usable, "signing", report.findings);
  report_undecodable(idp.encryptionCertificates, true, "encryption", report.findings);
  if (idp.signingCertificates.empty())
    report.findings.add(Code::MetadataNoSigningCertificate,
                        idp.encryptionCertificates.empty()
                            ? "The identity provider publishes no signing certificate (no KeyDescriptor with "
                              "use=\"signing\" or without use). Get the signing certificate from the IdP's SAML "
                              "settings and paste it here."
                            : "The identity provider publishes only an encryption certificate (use=\"encryption\"). "
                              "Twilio needs the certificate the IdP signs with: get it from the IdP's SAML settings.");
}

}  // namespace

// Every entity listed, and the IdP chosen read into the Report.
static void read_entities(const XmlDocument& doc, const Options& options, int64_t now, Report& report,
                          const std::string& preferred, bool beside) {
  const std::vector<pugi::xml_node>& entities = doc.collected();  // listed while parsing
  if (entities.size() > limits::kMaxEntities) {
    report.findings.add(Code::MetadataTooManyEntities,
                        "The document holds " + std::to_string(entities.size()) + " entities, more than the limit of " +
                            std::to_string(limits::kMaxEntities) + ".");
    return;
  }
  std::string wanted = options.entity;
  if (wanted.empty() && !preferred.empty())
    for (pugi::xml_node e : entities)
      if (const char* id = attribute_value(e, "entityID"); id && preferred == id) wanted = preferred;
  MetadataRead read = read_metadata(entities, wanted, beside);
  report.entities = std::move(read.entities);
  if (!read.idp) {
    if (!wanted.empty() && !read.saml2IdpIds.empty()) {
      report.findings.add(Code::MetadataEntityNotFound,
                          "No SAML 2.0 identity provider with entityID \"" + wanted +
                              "\" is in this document; it lists " + std::to_string(read.saml2IdpIds.size()) +
                              ". Check the entityID (it is compared exactly).");
    } else {
      explain_no_idp(doc, read, report);
    }
    return;
  }
  report.idp = std::move(read.idp);
  if (const std::optional<Vendor> vendor = recognise_vendor(*report.idp)) report.idp->vendor = vendor->id;
  report_several_idps(read, wanted, report);
  report_idp(read, now, report);
}

void analyze_metadata(char* text, std::size_t size, const Options& options, int64_t now, Report& report,
                      const std::string& preferred) {
  // A signed document keeps its white-space text, which its canonical form includes.
  const bool signed_text = signature_first_at_root(std::string_view(text, size));
  if (options.progress) options.progress("parsing", 0);
  XmlDocument doc;
  // The entities are listed by the checks' walk over the tree, not by one of their own.
  if (const XmlParseResult parsed = doc.parse(text, size, {signed_text, ns::kMetadata, "EntityDescriptor"}); !parsed) {
    report_xml_problem(parsed, report.findings);
    return;
  }
  // The signature is checked while the entities are listed: both only read the parsed document.
  // Natively on a second thread (a 30 MB aggregate's digest is a third of its analysis); in wasm,
  // or when progress is told, first. Its findings come first either way.
  std::optional<MetadataSignature> signature;
  Findings signature_findings;
  const std::vector<TrustedCertificate> trusted = trusted_from(options.signer);
  auto verify = [&] {
    std::function<void(double)> progress;
    if (options.progress) progress = [&](double f) { options.progress("verifying the signature", f); };
    signature = check_metadata_signature(doc, size, trusted, progress, signature_findings);
  };
  const std::size_t findings_before = report.findings.all().size();
  {
    // Unsigned at its head, the document is still looked at for a signature elsewhere (a glance
    // at the document element's children), to refuse it by name rather than pass it over.
    ParallelIf verifying(true, signed_text && !options.progress, verify);
    if (options.progress) options.progress("listing the entities", 0);
    // Natively, an unsigned aggregate's second half is listed on the second thread instead.
    read_entities(doc, options, now, report, preferred, !signed_text);
  }
  report.metadataSignature = std::move(signature);
  report.findings.insert(findings_before, signature_findings);
}

}  // namespace sso
