// The finding catalogue: every code the helper can report, its severity and the Twilio field it
// concerns. docs/findings.md is generated from this table and checked against it by a test.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sso {

enum class Severity { Error, Warning, Info };

enum class Code {
  InputEmpty,
  InputUnknown,
  InputTooLarge,
  InputPrivateKey,
  InputInvalidUtf8,
  InputUtf16,
  InputOutOfMemory,
  XmlMalformed,
  XmlDoctype,
  XmlTooDeep,
  XmlTooManyAttributes,
  MetadataNoSaml2Idp,
  MetadataSeveralIdps,
  MetadataEntityNotFound,
  MetadataNoSigningCertificate,
  MetadataSsoPostOnly,
  MetadataNoSsoUrl,
  MetadataExpired,
  MetadataBadValidUntil,
  MetadataTooManyEntities,
  MetadataTooManyCertificates,
  MetadataEntityIdWhitespace,
  CertInvalid,
  CertDoubleEncoded,
  CertExpired,
  CertNotYetValid,
  CertExpiringSoon,
  CertWeakKey,
  CertWeakSignature,
  CertUnknownSignature,
  CertRollover,
  CertChain,
  CertEncryptionOnly,
  CertNoneValid,
  CertNotInMetadata,
  CertInMetadata,
  CertCaIssued,
  CertWrapped,
  CertPublicKey,
  TwilioUnknownProduct,
  TwilioBadId,
  TwilioNoId,
  TwilioLegacyMigration,
  TwilioConsoleAcs,
  SsoUrlInvalid,
  SsoUrlMismatch,
  SsoUrlNotHttps,
  SsoUrlUserInfo,
  SsoUrlFragment,
  SsoUrlLocalHost,
  SsoUrlMetadataUrl,
  SsoUrlLogoutUrl,
  SsoUrlTwilioUrl,
  SsoUrlInternational,
  SsoUrlBlockedPort,
  RedirectUrlInvalid,
  RedirectUrlNotHttps,
  RedirectUrlTrusted,
  RedirectUrlUserInfo,
  RedirectUrlBlockedPort,
  RedirectUrlLogoutUrl,
  TrustedDomainInvalid,
  TrustedDomainWildcard,
  TrustedDomainPublicSuffix,
  TrustedDomainHttp,
  TrustedDomainDuplicate,
  TrustedDomainRedirectIncluded,
  TrustedDomainLocalhostMissing,
  TrustedDomainBlockedPort,
  IssuerMismatch,
  IssuerLoginUrl,
  IssuerWhitespace,
  IssuerHttp,
  IssuerPlaceholder,
  IssuerServiceProvider,
  ResponseNoneFound,
  ResponseNotSaml2,
  ResponseUnsigned,
  ResponseMessageUnsigned,
  ResponseAssertionUnsigned,
  ResponseEncrypted,
  ResponseNoAssertion,
  ResponseStatus,
  ResponseIssuerMismatch,
  ResponseAudienceMismatch,
  ResponseRecipientMismatch,
  ResponseDestinationMismatch,
  ResponseExpired,
  ResponseNotYetValid,
  ResponseSessionShort,
  ResponseIdpInitiated,
  ResponseLiveCredential,
  ResponseTooManyAttributes,
  AttributeMissing,
  AttributeNamespaced,
  AttributeRolesInvalid,
  NameIdFormat,
  NameIdComment,
  SignatureInvalid,
  SignatureDigestMismatch,
  SignatureUntrustedKey,
  SignatureWrapping,
  SignatureUnsupported,
  SignatureWeakAlgorithm,
  SignatureNotChecked,
  SignatureCanonicalization,
  MetadataSignatureVerified,
  RolloverCertificateAdded,
  RolloverCertificateRemoved,
  RolloverEntityIdChanged,
  RolloverSsoUrlChanged,
  RolloverBindingsChanged,
  RolloverNameIdFormatsChanged,
  RolloverNoChange,
  RolloverPreviousUnreadable,
  TrustedDomainNotChecked,
};

struct CodeInfo {
  Code code;
  const char* id;  // stable dotted code, e.g. "cert.expired"
  Severity severity;
  const char* field;  // the Twilio field it concerns, "" for the input as a whole
  const char* when;   // one line for docs/findings.md
};

const std::vector<CodeInfo>& finding_catalogue();
const CodeInfo& code_info(Code code);
const char* severity_name(Severity severity);

struct Finding {
  Severity severity;
  std::string code;
  std::string field;
  std::string message;
  // The setting the admin changes to act on it, named as the Options field ("product", "entity",
  // "redirectUrl", …; "" for none): each front end names it in its own terms (a flag, a control).
  std::string setting;
};

// Findings in the order they were found; the Report sorts them errors first when it is assembled.
class Findings {
 public:
  void add(Code code, std::string message);
  void add(Code code, Severity severity, std::string message);
  // With the Twilio field and the setting named here rather than by the catalogue: for a code
  // that means the same on another object (a metadata signature's `signer`, not `certificate`).
  void add(Code code, Severity severity, std::string message, std::string field, std::string setting);
  // With the catalogue's severity and field, and the setting named here: for a value that may come
  // from more than one place (a response's issuer: the one entered, or the metadata's).
  void add_with_setting(Code code, std::string message, std::string setting);
  bool has(Code code) const;
  void append(const Findings& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }
  // `other`'s findings placed before the one at `position` (at the end when it is past it).
  void insert(std::size_t position, const Findings& other) {
    items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(std::min(position, items_.size())), other.items_.begin(),
                  other.items_.end());
  }
  bool has_error() const;
  const std::vector<Finding>& all() const { return items_; }
  void sort_by_severity();

 private:
  std::vector<Finding> items_;
};

// The catalogue as a Markdown table, for docs/findings.md.
std::string findings_markdown();

}  // namespace sso
