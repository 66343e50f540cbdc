#include "report/findings.hpp"

#include <algorithm>

namespace sso {

namespace {
constexpr const char* kCert = "x509Certificate";
constexpr const char* kRedirect = "defaultRedirectUrl";
constexpr const char* kTrusted = "trustedDomains";
constexpr const char* kIssuer = "identityProviderIssuer";
constexpr const char* kSso = "singleSignOnUrl";
}  // namespace

const std::vector<CodeInfo>& finding_catalogue() {
  static const std::vector<CodeInfo> table = {
      {Code::InputEmpty, "input.empty", Severity::Error, "", "nothing but whitespace was given"},
      {Code::InputUnknown, "input.unknown", Severity::Error, "",
       "neither SAML metadata nor a certificate"},
      {Code::InputTooLarge, "input.too-large", Severity::Error, "",
       "the input is over the size limit (docs/limits.md)"},
      {Code::InputPrivateKey, "input.private-key", Severity::Error, "",
       "a private key was pasted; refused, never echoed"},
      {Code::InputInvalidUtf8, "input.invalid-utf8", Severity::Error, "",
       "the text is not valid UTF-8 (with the byte offset)"},
      {Code::InputUtf16, "input.utf16", Severity::Info, "",
       "the text was UTF-16 and was converted to UTF-8 before analysis"},
      {Code::InputOutOfMemory, "input.out-of-memory", Severity::Error, "",
       "the document needs more memory than the helper may use (a limit of the page; the CLI has none)"},
      {Code::XmlMalformed, "xml.malformed", Severity::Error, "",
       "not well-formed or not namespace-valid XML (with line and column)"},
      {Code::XmlDoctype, "xml.doctype", Severity::Error, "",
       "a DOCTYPE or entity declaration: refused before parsing"},
      {Code::XmlTooDeep, "xml.too-deep", Severity::Error, "",
       "elements nested deeper than the limit (docs/limits.md)"},
      {Code::XmlTooManyAttributes, "xml.too-many-attributes", Severity::Error, "",
       "an element with more attributes than the limit (docs/limits.md)"},
      {Code::MetadataNoSaml2Idp, "metadata.no-saml2-idp", Severity::Error, "",
       "no SAML 2.0 IdP in the document (SP metadata, SAML 1 only, ...)"},
      {Code::MetadataSeveralIdps, "metadata.several-idps", Severity::Warning, kIssuer,
       "an aggregate with more than one IdP; which one was taken"},
      {Code::MetadataEntityNotFound, "metadata.entity-not-found", Severity::Error, kIssuer,
       "the entity asked for is not a SAML 2.0 IdP of the document"},
      {Code::MetadataNoSigningCertificate, "metadata.no-signing-certificate", Severity::Error,
       kCert, "the IdP publishes no usable signing certificate"},
      {Code::MetadataSsoPostOnly, "metadata.sso-post-only", Severity::Warning, kSso,
       "no HTTP-Redirect endpoint; the POST one was used"},
      {Code::MetadataNoSsoUrl, "metadata.no-sso-url", Severity::Error, kSso,
       "no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding"},
      {Code::MetadataExpired, "metadata.expired", Severity::Warning, "",
       "the metadata's validUntil has passed: it may be stale"},
      {Code::MetadataBadValidUntil, "metadata.bad-valid-until", Severity::Warning, "",
       "validUntil is not an xs:dateTime"},
      {Code::MetadataTooManyEntities, "metadata.too-many-entities", Severity::Error, "",
       "more EntityDescriptor elements than the limit (docs/limits.md)"},
      {Code::MetadataTooManyCertificates, "metadata.too-many-certificates", Severity::Warning, kCert,
       "more certificates in one descriptor than the limit; the rest were not read"},
      {Code::MetadataEntityIdWhitespace, "metadata.entity-id-whitespace", Severity::Warning, kIssuer,
       "the entityID has white space around it; the trimmed value was used"},
      {Code::CertInvalid, "cert.invalid", Severity::Error, kCert,
       "a certificate's bytes do not decode (what was wrong)"},
      {Code::CertDoubleEncoded, "cert.double-encoded", Severity::Warning, kCert,
       "base64 of PEM text; the inner certificate was used"},
      {Code::CertExpired, "cert.expired", Severity::Error, kCert, "the certificate has expired"},
      {Code::CertNotYetValid, "cert.not-yet-valid", Severity::Error, kCert,
       "the certificate's validity starts in the future"},
      {Code::CertExpiringSoon, "cert.expiring-soon", Severity::Warning, kCert,
       "expires within 30 days (an error within 48 hours)"},
      {Code::CertWeakKey, "cert.weak-key", Severity::Warning, kCert, "RSA key under 2048 bits"},
      {Code::CertWeakSignature, "cert.weak-signature", Severity::Info, kCert,
       "the certificate is signed with SHA-1 or MD5"},
      {Code::CertUnknownSignature, "cert.unknown-signature-algorithm", Severity::Warning, kCert,
       "the certificate's signature algorithm is not one we know"},
      {Code::CertRollover, "cert.rollover", Severity::Info, kCert,
       "several signing certificates; which one goes to Twilio and why"},
      {Code::CertChain, "cert.chain", Severity::Warning, kCert,
       "several certificates were pasted; Twilio takes exactly one"},
      {Code::CertEncryptionOnly, "cert.encryption-only", Severity::Error, kCert,
       "the only certificate offered is for encryption; Twilio needs the signing one"},
      {Code::CertNoneValid, "cert.none-valid", Severity::Error, kCert,
       "no signing certificate is valid now; the least bad one is shown"},
      {Code::CertNotInMetadata, "cert.not-in-metadata", Severity::Error, kCert,
       "the certificate given is not one the metadata publishes for signing"},
      {Code::CertInMetadata, "cert.in-metadata", Severity::Info, kCert,
       "the certificate given is one the metadata publishes (which, and for what)"},
      {Code::CertCaIssued, "cert.ca-issued", Severity::Info, kCert,
       "the certificate is issued by a CA; Twilio checks only the key, not the chain"},
      {Code::CertWrapped, "cert.rewrapped", Severity::Info, kCert,
       "the certificate was re-wrapped into the PEM Twilio asks for"},
      {Code::CertPublicKey, "cert.public-key", Severity::Error, kCert,
       "a bare public key was pasted; Twilio needs the whole certificate"},
      {Code::TwilioUnknownProduct, "twilio.unknown-product", Severity::Error, "",
       "the product is not flex, flex-legacy or console"},
      {Code::TwilioBadId, "twilio.bad-id", Severity::Error, "",
       "the connection id or Account SID is not of the form Twilio uses"},
      {Code::TwilioNoId, "twilio.no-id", Severity::Info, "",
       "no connection id or Account SID given, so no IdP-side values"},
      {Code::TwilioLegacyMigration, "twilio.legacy-migration", Severity::Warning, "",
       "legacy Flex SSO past Twilio's migration date"},
      {Code::TwilioConsoleAcs, "twilio.console-acs", Severity::Info, "",
       "Console SSO: the ACS URL is shown in Twilio Console"},
      {Code::SsoUrlInvalid, "sso-url.invalid", Severity::Error, kSso, "not a URL we accept (with the reason)"},
      {Code::SsoUrlMismatch, "sso-url.mismatch", Severity::Error, kSso,
       "the SSO URL given differs from the metadata's"},
      {Code::SsoUrlNotHttps, "sso-url.not-https", Severity::Error, kSso,
       "the SSO URL is plain http (a warning for localhost, a test IdP)"},
      {Code::SsoUrlUserInfo, "sso-url.user-info", Severity::Error, kSso, "the SSO URL holds a user name or password"},
      {Code::SsoUrlFragment, "sso-url.fragment", Severity::Error, kSso,
       "the SSO URL has a #fragment, which breaks the request Twilio appends"},
      {Code::SsoUrlLocalHost, "sso-url.local-host", Severity::Warning, kSso,
       "the SSO URL's host is localhost or an IP address"},
      {Code::SsoUrlMetadataUrl, "sso-url.metadata-url", Severity::Warning, kSso,
       "the SSO URL looks like the metadata URL"},
      {Code::SsoUrlLogoutUrl, "sso-url.logout-url", Severity::Error, kSso, "the SSO URL is a logout URL"},
      {Code::SsoUrlTwilioUrl, "sso-url.twilio-url", Severity::Error, kSso,
       "a Twilio URL (its ACS) was given as the IdP's SSO URL"},
      {Code::SsoUrlInternational, "sso-url.international", Severity::Info, kSso,
       "the host is international; its ASCII (punycode) form is shown"},
      {Code::SsoUrlBlockedPort, "sso-url.blocked-port", Severity::Error, kSso,
       "a port browsers refuse to open (the Fetch Standard's bad ports, or 0)"},
      {Code::RedirectUrlInvalid, "redirect-url.invalid", Severity::Error, kRedirect,
       "not a URL we accept (with the reason)"},
      {Code::RedirectUrlNotHttps, "redirect-url.not-https", Severity::Error, kRedirect,
       "plain http, and not localhost"},
      {Code::RedirectUrlTrusted, "redirect-url.trusted", Severity::Info, kRedirect,
       "Twilio trusts the default redirect URL's domain without listing it"},
      {Code::RedirectUrlUserInfo, "redirect-url.user-info", Severity::Error, kRedirect,
       "the default redirect URL holds a user name or password"},
      {Code::RedirectUrlBlockedPort, "redirect-url.blocked-port", Severity::Error, kRedirect,
       "a port browsers refuse to open (the Fetch Standard's bad ports, or 0)"},
      {Code::RedirectUrlLogoutUrl, "redirect-url.logout-url", Severity::Warning, kRedirect,
       "the default redirect URL is the IdP's logout URL or looks like one: users are logged out right after login"},
      {Code::TrustedDomainInvalid, "trusted-domain.invalid", Severity::Error, kTrusted,
       "not a host name or URL (empty labels, labels over 63 or names over 253 octets, ...)"},
      {Code::TrustedDomainWildcard, "trusted-domain.wildcard", Severity::Error, kTrusted,
       "a wildcard; enhanced Flex SSO does not support them (legacy did: info there)"},
      {Code::TrustedDomainPublicSuffix, "trusted-domain.public-suffix", Severity::Error, kTrusted,
       "a public suffix (com, co.uk, github.io) or a wildcard over one"},
      {Code::TrustedDomainHttp, "trusted-domain.http", Severity::Error, kTrusted,
       "plain http for a host other than localhost"},
      {Code::TrustedDomainDuplicate, "trusted-domain.duplicate", Severity::Warning, kTrusted,
       "listed twice"},
      {Code::TrustedDomainRedirectIncluded, "trusted-domain.redirect-included", Severity::Info, kTrusted,
       "the default redirect URL's domain is listed, though Twilio includes it anyway"},
      {Code::TrustedDomainLocalhostMissing, "trusted-domain.localhost-missing", Severity::Info, kTrusted,
       "a localhost redirect URL without a localhost trusted URL"},
      {Code::TrustedDomainBlockedPort, "trusted-domain.blocked-port", Severity::Error, kTrusted,
       "a trusted URL on a port browsers refuse to open"},
      {Code::IssuerMismatch, "issuer.mismatch", Severity::Error, kIssuer,
       "the issuer given differs from the metadata's entityID (how: slash, case, scheme, ...)"},
      {Code::IssuerLoginUrl, "issuer.login-url", Severity::Error, kIssuer,
       "the issuer given is one of the metadata's login or logout URLs (without metadata, looks like one: a warning)"},
      {Code::IssuerWhitespace, "issuer.whitespace", Severity::Error, kIssuer,
       "the issuer has white space around it; Twilio compares it exactly"},
      {Code::IssuerHttp, "issuer.http", Severity::Info, kIssuer,
       "the issuer starts with http://; legitimate (Okta's do), copy it exactly"},
      {Code::IssuerPlaceholder, "issuer.placeholder", Severity::Error, kIssuer,
       "the issuer is a placeholder ({tenantid}, <id>: an error) or a label left in place (a warning)"},
      {Code::IssuerServiceProvider, "issuer.service-provider", Severity::Error, kIssuer,
       "the issuer is a service provider's value (Twilio's ACS URL or entity ID)"},
      {Code::ResponseNoneFound, "response.none-found", Severity::Error, "",
       "an export (HAR, SAML-tracer) or POST body without a usable SAMLResponse, or --pick past its end"},
      {Code::ResponseNotSaml2, "response.not-saml2", Severity::Error, "", "a Response that is not SAML 2.0's"},
      {Code::ResponseUnsigned, "response.unsigned", Severity::Error, kCert,
       "no signature on the Response nor on the Assertion"},
      {Code::ResponseMessageUnsigned, "response.message-unsigned", Severity::Error, kCert,
       "the Response itself is unsigned while the product wants it signed (an error for Console, a warning for Flex)"},
      {Code::ResponseAssertionUnsigned, "response.assertion-unsigned", Severity::Error, kCert,
       "the Assertion is unsigned while the product wants it signed (an error for Console, a warning for Flex)"},
      {Code::ResponseEncrypted, "response.encrypted", Severity::Error, "",
       "an EncryptedAssertion: Twilio does not decrypt"},
      {Code::ResponseNoAssertion, "response.no-assertion", Severity::Error, "",
       "a successful response without an assertion"},
      {Code::ResponseStatus, "response.status", Severity::Error, "",
       "the StatusCode is not Success (the sub-status and message explained)"},
      {Code::ResponseIssuerMismatch, "response.issuer-mismatch", Severity::Error, kIssuer,
       "the Issuer differs from the issuer configured in Twilio or the metadata's entityID"},
      {Code::ResponseAudienceMismatch, "response.audience-mismatch", Severity::Error, "",
       "the Audience is not the product's entity ID"},
      {Code::ResponseRecipientMismatch, "response.recipient-mismatch", Severity::Error, "",
       "the SubjectConfirmationData Recipient is not the product's ACS URL"},
      {Code::ResponseDestinationMismatch, "response.destination-mismatch", Severity::Error, "",
       "the Response's Destination is not the product's ACS URL"},
      {Code::ResponseExpired, "response.expired", Severity::Error, "",
       "NotOnOrAfter has passed, beyond the clock skew allowed (180 s)"},
      {Code::ResponseNotYetValid, "response.not-yet-valid", Severity::Error, "",
       "NotBefore is still ahead, beyond the clock skew allowed (180 s)"},
      {Code::ResponseSessionShort, "response.session-short", Severity::Warning, "",
       "SessionNotOnOrAfter under an hour from AuthnInstant"},
      {Code::ResponseIdpInitiated, "response.idp-initiated", Severity::Info, "",
       "no InResponseTo: a login started at the identity provider"},
      {Code::ResponseLiveCredential, "response.live-credential", Severity::Warning, "",
       "the response is still valid: a live credential, not to be pasted into online tools"},
      {Code::ResponseTooManyAttributes, "response.too-many-attributes", Severity::Warning, "",
       "more attributes than the limit (docs/limits.md); the rest were not read"},
      {Code::AttributeMissing, "attribute.missing", Severity::Error, "",
       "Flex's email, full_name or roles attribute is missing (Flex error 45050)"},
      {Code::AttributeNamespaced, "attribute.namespaced", Severity::Error, "",
       "an attribute named by a URI (a claim type) where Flex reads a plain name"},
      {Code::AttributeRolesInvalid, "attribute.roles-invalid", Severity::Error, "",
       "a roles value other than admin, supervisor or agent"},
      {Code::NameIdFormat, "nameid.format", Severity::Error, "",
       "the NameID format is not what the product wants (Console: emailAddress)"},
      {Code::NameIdComment, "nameid.comment", Severity::Error, "",
       "a comment or markup inside the NameID (a reader that stops at it reads another user)"},
      {Code::SignatureInvalid, "signature.invalid", Severity::Error, kCert,
       "the SignatureValue does not verify with the trusted key(s)"},
      {Code::SignatureDigestMismatch, "signature.digest-mismatch", Severity::Error, "",
       "the signed element changed after signing (re-formatted, edited)"},
      {Code::SignatureUntrustedKey, "signature.untrusted-key", Severity::Error, kCert,
       "it verifies with the KeyInfo certificate, which is not a trusted one (rollover?)"},
      {Code::SignatureWrapping, "signature.wrapping", Severity::Error, "",
       "what is read is not what is signed: a Reference elsewhere, duplicate IDs, several assertions, several References"},
      {Code::SignatureUnsupported, "signature.unsupported", Severity::Error, "",
       "an algorithm or transform outside the accepted set, or a metadata signature not first in its document "
       "element (refused, named)"},
      {Code::SignatureWeakAlgorithm, "signature.weak-algorithm", Severity::Warning, "",
       "a SHA-1 digest or signature"},
      {Code::SignatureNotChecked, "signature.not-checked", Severity::Info, kCert,
       "no trusted certificate given: signatures checked against their own KeyInfo certificate only"},
      {Code::SignatureCanonicalization, "signature.canonicalization", Severity::Info, "",
       "signed with inclusive C14N or a WithComments variant (accepted), not exclusive C14N"},
      {Code::MetadataSignatureVerified, "metadata.signature-verified", Severity::Info, "",
       "the metadata's signature verifies with the certificate you trust: unchanged since signed"},
      {Code::RolloverCertificateAdded, "rollover.certificate-added", Severity::Warning, kCert,
       "a signing certificate is published now that was not before (or that Twilio does not hold): plan the switch"},
      {Code::RolloverCertificateRemoved, "rollover.certificate-removed", Severity::Info, kCert,
       "a signing certificate is no longer published (an error when it is the one Twilio holds)"},
      {Code::RolloverEntityIdChanged, "rollover.entity-id-changed", Severity::Error, kIssuer,
       "the entityID changed between the two versions: Twilio's issuer must follow"},
      {Code::RolloverSsoUrlChanged, "rollover.sso-url-changed", Severity::Error, kSso,
       "the SSO URL Twilio uses changed between the two versions"},
      {Code::RolloverBindingsChanged, "rollover.bindings-changed", Severity::Info, "",
       "SSO bindings added or removed"},
      {Code::RolloverNameIdFormatsChanged, "rollover.nameid-formats-changed", Severity::Info, "",
       "NameID formats added or removed"},
      {Code::RolloverNoChange, "rollover.no-change", Severity::Info, "",
       "nothing Twilio uses differs between the two versions"},
      {Code::RolloverPreviousUnreadable, "rollover.previous-unreadable", Severity::Warning, "",
       "the older version of the metadata to compare with holds no readable SAML 2.0 IdP"},
      {Code::TrustedDomainNotChecked, "trusted-domain.not-checked", Severity::Warning, kTrusted,
       "the Public Suffix List could not be loaded, so the trusted domains were not checked against it"},
  };
  return table;
}

const CodeInfo& code_info(Code code) { return finding_catalogue()[static_cast<std::size_t>(code)]; }

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

void Findings::add(Code code, std::string message) {
  add(code, code_info(code).severity, std::move(message));
}

namespace {
// The setting each finding asks the admin to change, where it is one of the front end's own.
const char* setting_of(Code code) {
  switch (code) {
    case Code::MetadataSeveralIdps:
    case Code::MetadataEntityNotFound: return "entity";
    case Code::TwilioUnknownProduct:
    case Code::TwilioLegacyMigration: return "product";
    case Code::TwilioBadId:
    case Code::TwilioNoId: return "twilioId";
    case Code::CertNotInMetadata:
    case Code::CertInMetadata:
    case Code::CertEncryptionOnly: return "certificate";
    case Code::SsoUrlMismatch: return "ssoUrl";
    case Code::RedirectUrlInvalid:
    case Code::RedirectUrlNotHttps:
    case Code::RedirectUrlUserInfo:
    case Code::RedirectUrlBlockedPort:
    case Code::RedirectUrlLogoutUrl: return "redirectUrl";
    case Code::TrustedDomainInvalid:
    case Code::TrustedDomainWildcard:
    case Code::TrustedDomainPublicSuffix:
    case Code::TrustedDomainHttp:
    case Code::TrustedDomainDuplicate:
    case Code::TrustedDomainLocalhostMissing:
    case Code::TrustedDomainBlockedPort: return "trustedDomains";
    case Code::IssuerMismatch:
    case Code::IssuerLoginUrl:
    case Code::IssuerWhitespace: return "issuer";
    case Code::SignatureNotChecked: return "certificate";
    case Code::ResponseNoneFound: return "pick";
    default: return "";
  }
}
}  // namespace

void Findings::add(Code code, Severity severity, std::string message) {
  const CodeInfo& info = code_info(code);
  items_.push_back({severity, info.id, info.field, std::move(message), setting_of(code)});
}

void Findings::add(Code code, Severity severity, std::string message, std::string field, std::string setting) {
  items_.push_back({severity, code_info(code).id, std::move(field), std::move(message), std::move(setting)});
}

void Findings::add_with_setting(Code code, std::string message, std::string setting) {
  const CodeInfo& info = code_info(code);
  items_.push_back({info.severity, info.id, info.field, std::move(message), std::move(setting)});
}

bool Findings::has(Code code) const {
  const std::string id = code_info(code).id;
  return std::any_of(items_.begin(), items_.end(), [&](const Finding& f) { return f.code == id; });
}

bool Findings::has_error() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Finding& f) { return f.severity == Severity::Error; });
}

// Errors, then warnings, then notes, each kind in the order found: three passes over a short list
// (std::stable_sort's merging was 2 KB of the wasm module).
void Findings::sort_by_severity() {
  std::vector<Finding> sorted;
  sorted.reserve(items_.size());
  for (const Severity severity : {Severity::Error, Severity::Warning, Severity::Info})
    for (Finding& f : items_)
      if (f.severity == severity) sorted.push_back(std::move(f));  // (a moved Finding keeps its severity)
  items_ = std::move(sorted);
}

std::string findings_markdown() {
  std::string out =
      "# Findings\n\nEvery finding the helper reports. Codes are stable: scripts may match on "
      "them.\nGenerated from `src/report/findings.cpp` by `twilio-sso --list-findings`; a test checks "
      "that this file matches.\n\n| code | severity | field | when |\n|---|---|---|---|\n";
  for (const CodeInfo& info : finding_catalogue()) {
    out += std::string("| `") + info.id + "` | " + severity_name(info.severity) + " | " +
           (*info.field ? std::string("`") + info.field + "`" : std::string("-")) + " | " +
           info.when + " |\n";
  }
  return out;
}

}  // namespace sso
