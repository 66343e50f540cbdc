// The Report: everything analyze() found, in the shape of DESIGN.md's schema 1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/findings.hpp"

namespace sso {

enum class InputKind { Metadata, Certificate, Response, Unknown };

// Why a certificate did not decode, for choosing the finding (not in the JSON).
enum class DecodeFailure { None, Malformed, UnknownSignatureAlgorithm, UnsupportedKey };

struct Certificate {
  std::optional<std::string> error;  // set: the bytes did not decode; nothing below is meaningful
  DecodeFailure failure = DecodeFailure::None;
  std::string pem;
  std::string subject;
  std::string issuer;
  std::string serial;
  std::string notBefore;
  std::string notAfter;
  std::string keyType;  // "RSA", "EC", or the key algorithm's dotted OID
  int keyBits = 0;
  std::optional<std::string> curve;
  std::string signatureAlgorithm;
  std::string sha1;
  std::string sha256;
  bool selfSigned = false;
  bool ca = false;
  bool forTwilio = false;  // the one certificate twilio.x509Certificate holds
  int64_t daysLeft = 0;    // whole days from now to notAfter, negative once expired
  // Not in the JSON: the validity as seconds since the epoch, for comparisons with now, and how
  // the certificate was written where it was found.
  int64_t notBeforeEpoch = 0;
  int64_t notAfterEpoch = 0;
  bool doubleEncoded = false;  // base64 of PEM text; the fields are the inner certificate's
  bool canonicalPem = false;   // pasted exactly as Twilio wants it (64-column PEM)
  bool fromDer = false;        // pasted as DER bytes, not text
  std::string pemLabel;        // the PEM label it came under ("CERTIFICATE", "PUBLIC KEY", ...)
};

struct Endpoint {
  std::string binding;
  std::string location;
};

struct Entity {
  std::string entityId;
  std::optional<std::string> name;
  bool idp = false;
  bool sp = false;
  bool saml2 = false;
  std::optional<std::string> signingSha256;
};

struct IdentityProvider {
  std::string entityId;
  std::optional<std::string> vendor;  // who produced the metadata (DESIGN.md's list), if recognised
  std::vector<Endpoint> ssoServices;
  std::vector<Endpoint> sloServices;
  std::vector<std::string> nameIdFormats;
  bool wantAuthnRequestsSigned = false;
  std::optional<std::string> validUntil;
  std::vector<Certificate> signingCertificates;
  std::vector<Certificate> encryptionCertificates;
};

struct TwilioValues {
  std::optional<std::string> friendlyName;
  std::string singleSignOnMethod = "SAML2";  // the form's only method
  std::optional<std::string> x509Certificate;
  std::optional<std::string> identityProviderIssuer;
  std::optional<std::string> singleSignOnUrl;
  std::optional<std::string> defaultRedirectUrl;
  std::vector<std::string> trustedDomains;  // each as Twilio compares it (a host in ASCII, a URL normalised)
};

struct ServiceProvider {
  std::string product;
  std::string acsUrl;
  std::string entityId;
};

// The Twilio product the values are for: its names, and what its IdP must send.
struct ProductInfo {
  std::string product;
  std::string idName;
  std::string idHint;
  std::string idpGuidance;
};

// The IdP-side steps, in the recognised vendor's own labels (generic where unknown).
struct IdpSetupStep {
  std::string where;  // the vendor's label or menu path
  std::string text;   // what to do there
};
struct IdpSetup {
  std::optional<std::string> vendor;
  std::string heading;
  std::vector<IdpSetupStep> steps;
  std::vector<std::string> sources;  // the documentation the labels come from
};

// A SAML response pasted (DESIGN.md, "SAML responses").
struct ResponseStatus {
  std::string code;
  std::optional<std::string> subCode;
  std::optional<std::string> message;
};

struct ResponseSignature {
  std::string element;  // "response" | "assertion"
  std::string referenceId;
  std::optional<bool> verified;
  std::optional<bool> intact;
  std::optional<std::string> reason;
  std::string signatureAlgorithm;
  std::string digestAlgorithm;
  std::optional<std::string> keyInfoSha256;
  std::optional<std::string> verifiedWithSha256;
  std::optional<std::string> canonical;  // the bytes digested, when the digest failed (for the expert)
};

struct SamlAttribute {
  std::string name;
  std::optional<std::string> nameFormat;
  std::optional<std::string> friendlyName;
  std::vector<std::string> values;
};

struct Assertion {
  std::optional<std::string> id;
  std::optional<std::string> issuer;
  bool encrypted = false;
  bool signedByVerified = false;  // read from an element a verified signature covers
  std::optional<std::string> nameId;
  std::optional<std::string> nameIdFormat;
  std::optional<std::string> notBefore;
  std::optional<std::string> notOnOrAfter;
  std::vector<std::string> audiences;
  std::optional<std::string> recipient;
  std::optional<std::string> subjectNotOnOrAfter;
  std::optional<std::string> subjectInResponseTo;
  std::optional<std::string> sessionNotOnOrAfter;
  std::optional<std::string> authnInstant;
  std::vector<SamlAttribute> attributes;
};

// A time of the response, with what it means now ("expired 4 minutes ago").
struct TimelineEntry {
  std::string what;
  std::string at;
  std::string relative;
};

struct SamlResponse {
  std::optional<std::string> id;
  std::optional<std::string> issuer;
  std::optional<std::string> destination;
  std::optional<std::string> inResponseTo;
  std::optional<std::string> issueInstant;
  ResponseStatus status;
  std::vector<ResponseSignature> signatures;
  std::optional<Assertion> assertion;
  std::vector<TimelineEntry> timeline;
  std::string verdict;  // "Twilio will reject this login: 3 reasons." or why it would not
};

// The responses found in an export (HAR, SAML-tracer), and which one is analysed.
struct CapturedResponse {
  std::size_t number = 0;  // 1-based, as --pick takes it
  std::optional<std::string> time;
  std::optional<std::string> url;
  std::optional<std::string> issuer;
  std::optional<std::string> destination;
};
struct Capture {
  std::string format;
  std::vector<CapturedResponse> responses;
  std::size_t picked = 1;
};

// The signature on a metadata document's root (a federation aggregate's, or an IdP's own file).
// verified: with a certificate the admin trusts (null: none given); intact: with its own KeyInfo
// certificate (null: none there). reason: what a failure means, in plain words.
struct MetadataSignature {
  std::optional<bool> verified;
  std::optional<bool> intact;
  std::optional<std::string> reason;
  std::string referenceId;  // "" for the whole document (an empty Reference URI)
  std::string signatureAlgorithm;
  std::string digestAlgorithm;
  std::optional<std::string> keyInfoSha256;
  std::optional<std::string> verifiedWithSha256;
};

// A signing certificate across two versions of an IdP's metadata (or the one in Twilio and the
// current metadata): where it is published, and whether Twilio holds it.
struct RolloverCertificate {
  std::string sha256;
  std::string subject;
  std::string notBefore;
  std::string notAfter;
  int64_t daysLeft = 0;
  bool before = false;  // published in the older version (or: the certificate in Twilio)
  bool after = false;   // published in the current metadata
  bool inTwilio = false;
};

// One change that matters to Twilio between the two versions.
struct RolloverChange {
  std::string what;    // "signingCertificate", "entityId", "singleSignOnUrl", "ssoBinding", "nameIdFormat"
  std::string change;  // "added", "removed", "changed"
  std::optional<std::string> before;
  std::optional<std::string> after;
};

// What an IdP's certificate rollover (or any change of its metadata) means for Twilio, and the plan.
struct Rollover {
  std::string against;  // "metadata" (an older version) or "certificate" (the one in Twilio)
  std::vector<RolloverCertificate> certificates;
  std::vector<RolloverChange> changes;
  std::vector<std::string> plan;  // the steps, in order, with their dates
};

// One entry of the product catalogue a front end offers (so none writes it again).
struct ProductChoice {
  std::string product;
  std::string label;
  std::string idLabel;
  std::string idHint;
};

struct Report {
  InputKind kind = InputKind::Unknown;
  std::size_t bytes = 0;
  std::optional<MetadataSignature> metadataSignature;  // null: the document's root is not signed
  std::vector<Entity> entities;
  std::optional<IdentityProvider> idp;
  std::optional<Rollover> rollover;
  std::vector<Certificate> certificates;
  std::optional<SamlResponse> response;
  std::optional<Capture> capture;
  TwilioValues twilio;
  std::optional<ServiceProvider> serviceProvider;
  std::optional<ProductInfo> product;
  std::optional<IdpSetup> idpSetup;
  std::vector<ProductChoice> products;
  // What a front end must clear and not keep: "input" (the pasted text) or an option's name
  // ("certificate"), when it held a private key.
  std::vector<std::string> discard;
  Findings findings;
};

}  // namespace sso
