#include "twilio/response_checks.hpp"

#include <algorithm>
#include <cctype>

#include "clock.hpp"
#include "input/text.hpp"
#include "limits.hpp"
#include "twilio/profiles.hpp"

namespace sso {

namespace {
constexpr const char* kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";

std::string last_segment(const std::string& uri) {
  const std::size_t at = uri.find_last_of("/:#");
  return at == std::string::npos ? uri : uri.substr(at + 1);
}

// What a status (or sub-status) code means for the admin, and where to look.
std::string explain_status(const std::string& code) {
  static const std::pair<const char*, const char*> kMeanings[] = {
      {"Requester", "the identity provider says the request was wrong (Twilio's request, or how it reached the IdP)"},
      {"Responder", "the identity provider could not answer (a problem or a policy on its side)"},
      {"VersionMismatch", "the identity provider does not speak this SAML version"},
      {"AuthnFailed", "the user could not be authenticated (wrong password, a failed or cancelled MFA prompt)"},
      {"InvalidAttrNameOrValue", "an attribute name or value was refused"},
      {"InvalidNameIDPolicy", "the identity provider cannot give the NameID format asked for: set the application's "
                              "NameID format to one it supports"},
      {"NoAuthnContext", "the identity provider cannot meet the authentication context asked for"},
      {"NoPassive", "the user is not logged in at the identity provider and the request asked it not to prompt"},
      {"RequestDenied", "the identity provider refused: the user is most often not assigned to the application"},
      {"RequestUnsupported", "the identity provider does not support this request"},
      {"UnknownPrincipal", "the identity provider does not know this user"},
      {"UnsupportedBinding", "the identity provider does not accept the binding used: enable HTTP-Redirect for its "
                             "single sign-on service"},
      {"PartialLogout", "the user was not logged out everywhere"},
  };
  const std::string name = last_segment(code);
  for (const auto& [key, meaning] : kMeanings)
    if (name == key) return meaning;
  return "an unusual status";
}

bool has_signature(const ResponseRead& read, const char* element) {
  return std::any_of(read.signatures.begin(), read.signatures.end(),
                     [&](const SignatureOutcome& s) { return s.element == element; });
}

// Where what the response is checked against came from, as a setting the admin can change: the
// certificate or issuer they entered, else the IdP metadata given with the response (the page's
// metadata pasted before, the CLI's --metadata). Entered values win, as response_analysis reads.
const char* trust_setting(const Options& options) { return options.certificate.empty() ? "metadata" : "certificate"; }
const char* issuer_setting(const Options& options) { return options.issuer ? "issuer" : "metadata"; }

void check_signatures(const Options& options, const ResponseRead& read, Findings& findings) {
  if (!read.wrapping.empty()) {
    std::string list;
    for (const std::string& w : read.wrapping) list += "\n  - " + w;
    findings.add(Code::SignatureWrapping,
                 "This response is shaped so that what a reader takes is not what was signed (signature "
                 "wrapping), so none of its values is taken as signed:" + list);
  }
  bool not_checked = false;
  for (const SignatureOutcome& s : read.signatures) {
    const SignatureCheck& c = s.check;
    const std::string which = "The " + s.element + "'s signature";
    switch (c.refusal) {
      case SignatureCheck::Refusal::Wrapping:
        findings.add(Code::SignatureWrapping, which + " is refused: " + c.reason + ".");
        continue;
      case SignatureCheck::Refusal::Unsupported:
        findings.add(Code::SignatureUnsupported, which + " is refused: " + c.reason +
                                                     ". Set the identity provider to sign with RSA-SHA256 and "
                                                     "exclusive canonicalization (the defaults of most).");
        continue;
      case SignatureCheck::Refusal::Malformed:
        findings.add(Code::SignatureInvalid, which + " cannot be checked: " + c.reason + ".");
        continue;
      case SignatureCheck::Refusal::None: break;
    }
    if (!c.digestMatches)
      findings.add(Code::SignatureDigestMismatch,
                   "The " + s.element + " was changed after it was signed: its canonical bytes no longer hash to "
                   "the DigestValue. Usual causes: the XML was re-formatted (pretty-printed) or edited after "
                   "signing, or a proxy or an identity-provider rule rewrote it; paste the response exactly as the "
                   "browser sent it. The bytes that were hashed are in the Report.");
    if (read.trusted && !c.signedByTrusted) {
      const std::string trusted_by =
          options.certificate.empty() ? "the metadata's signing certificate(s)" : "the certificate(s) you gave";
      if (c.signedByKeyInfo && c.digestMatches)
        findings.add_with_setting(
            Code::SignatureUntrustedKey,
            which + " is intact but signed by another certificate than " + trusted_by +
                (c.keyInfoSha256 ? " (its KeyInfo certificate, SHA-256 " + c.keyInfoSha256->substr(0, 11) + "…)" : "") +
                ". Has the identity provider rolled over to a new certificate? Put the certificate it signs with now "
                "into Twilio's X.509 CERTIFICATE field.",
            trust_setting(options));
      else
        findings.add_with_setting(Code::SignatureInvalid,
                                  which + "'s SignatureValue does not verify with " + trusted_by +
                                      ". Twilio would reject it: check that Twilio has the IdP's current signing "
                                      "certificate.",
                                  trust_setting(options));
    } else if (!read.trusted) {
      not_checked = true;
      if (c.keyInfoSha256 && !c.signedByKeyInfo)
        findings.add(Code::SignatureInvalid, which + "'s SignatureValue does not verify even with its own KeyInfo "
                                                     "certificate: the response was altered or mis-signed.");
    }
    C14nMethod method;
    if (c14n_method_of(c.canonicalization, method) && method != C14nMethod::Exclusive)
      findings.add(Code::SignatureCanonicalization,
                   which + " is made with " + c.canonicalization +
                       " rather than exclusive C14N. It is accepted, but a proxy that adds a namespace declaration "
                       "around the response breaks it; exclusive C14N is what SAML service providers expect.");
    if (c.weakAlgorithm)
      findings.add(Code::SignatureWeakAlgorithm,
                   which + " uses SHA-1 (" + (c.signatureAlgorithm.find("sha1") != std::string::npos ? c.signatureAlgorithm
                                                                                                        : c.digestAlgorithm) +
                       "). Twilio asks for SHA-256: set the signing algorithm to RSA-SHA256 in the identity provider.");
  }
  if (not_checked)
    findings.add(Code::SignatureNotChecked,
                 "No trusted certificate was given, so the signatures were only checked against the certificate "
                 "each carries (which anyone can put there). Give the IdP's metadata or the certificate in Twilio "
                 "to verify them.");
}

void check_signed_parts(const Options& options, const ResponseRead& read, const Report& report, Findings& findings) {
  const bool response_signed = has_signature(read, "response"), assertion_signed = has_signature(read, "assertion");
  if (!response_signed && !assertion_signed) {
    findings.add(Code::ResponseUnsigned, "Neither the Response nor its Assertion is signed. Twilio rejects unsigned "
                                         "responses: set the identity provider to sign the response and the "
                                         "assertion, with SHA-256.");
    return;
  }
  const ProductProfile* profile = find_product(options.product);
  if (!profile) return;
  const bool encrypted = report.response->assertion && report.response->assertion->encrypted;
  if (!response_signed)
    findings.add(Code::ResponseMessageUnsigned, profile->unsignedMessage,
                 std::string("The Response itself is not signed (only its Assertion is). ") +
                     (profile->unsignedMessage == Severity::Error ? "Twilio requires the message to be signed: "
                                                                  : "Twilio's guides ask for both: ") +
                     "set the identity provider to sign the response and the assertion.");
  if (!assertion_signed && !encrypted && report.response->assertion)
    findings.add(Code::ResponseAssertionUnsigned, profile->unsignedAssertion,
                 std::string("The Assertion is not signed (only the Response is). ") +
                     (profile->unsignedAssertion == Severity::Error ? "Twilio requires a signed assertion: "
                                                                    : "Twilio's guides ask for both: ") +
                     "set the identity provider to sign the response and the assertion.");
}

void check_status_and_issuer(const SamlResponse& r, const std::string& expected, const std::string& source,
                             const char* setting, Findings& findings) {
  if (r.status.code != kSuccess) {
    std::string message = "The identity provider did not log the user in: its status is " +
                          (r.status.code.empty() ? std::string("missing") : last_segment(r.status.code)) + " (" +
                          explain_status(r.status.code) + ")";
    if (r.status.subCode) message += ", with " + last_segment(*r.status.subCode) + " (" + explain_status(*r.status.subCode) + ")";
    if (r.status.message) message += ". Its message: \"" + *r.status.message + "\"";
    findings.add(Code::ResponseStatus, message + ". Look at the identity provider's sign-in logs for this user.");
  }
  if (expected.empty()) return;
  auto compare = [&](const std::optional<std::string>& issuer, const char* where) {
    if (issuer && *issuer != expected)
      findings.add_with_setting(Code::ResponseIssuerMismatch,
                                std::string("The ") + where + " Issuer is \"" + *issuer + "\", but " + source +
                                    " is \"" + expected +
                                    "\". Twilio compares them exactly and rejects the login (error 70004): make "
                                    "them the same, in Twilio's IDENTITY PROVIDER ISSUER or in the IdP's issuer "
                                    "setting.",
                                setting);
  };
  compare(r.issuer, "Response's");
  if (r.assertion && !r.assertion->encrypted) compare(r.assertion->issuer, "Assertion's");
}

void check_service_provider(const Assertion* a, const SamlResponse& r, const ServiceProvider& sp, Findings& findings) {
  const std::string where = " (Twilio's " + sp.product + " connection)";
  if (!sp.acsUrl.empty()) {
    if (r.destination && *r.destination != sp.acsUrl)
      findings.add(Code::ResponseDestinationMismatch,
                   "The Response's Destination is " + *r.destination + ", not Twilio's ACS URL " + sp.acsUrl + where +
                       ". Set the ACS (Reply, Single sign-on) URL in the identity provider to it.");
    if (a && a->recipient && *a->recipient != sp.acsUrl)
      findings.add(Code::ResponseRecipientMismatch,
                   "The SubjectConfirmationData Recipient is " + *a->recipient + ", not Twilio's ACS URL " + sp.acsUrl +
                       where + ". Set the ACS (Reply, Single sign-on) URL in the identity provider to it.");
  }
  if (!a) return;
  if (a->audiences.empty()) {
    findings.add(Code::ResponseAudienceMismatch, Severity::Warning,
                 "The assertion names no Audience; Twilio expects " + sp.entityId + where +
                     ". Set the Audience (SP entity ID, Identifier) in the identity provider to it.");
  } else if (std::find(a->audiences.begin(), a->audiences.end(), sp.entityId) == a->audiences.end()) {
    std::string list;
    for (const std::string& au : a->audiences) list += (list.empty() ? "" : ", ") + au;
    findings.add(Code::ResponseAudienceMismatch, "The Audience is " + list + ", not Twilio's entity ID " + sp.entityId +
                                                     where + ". Set the Audience (SP entity ID, Identifier) in the "
                                                             "identity provider to it.");
  }
}

void check_times(const SamlResponse& r, const Assertion& a, int64_t now, Findings& findings) {
  auto at = [](const std::optional<std::string>& t) { return t ? parse_xs_datetime(*t) : std::nullopt; };
  const char* tail = " If you pasted a response from a login some time ago, that alone explains it; if it was "
                     "fresh when the login failed, the identity provider's clock or its assertion lifetime is wrong.";
  for (const auto& [value, what] : {std::pair{at(a.notOnOrAfter), "Conditions NotOnOrAfter"},
                                    std::pair{at(a.subjectNotOnOrAfter), "SubjectConfirmationData NotOnOrAfter"}}) {
    if (value && now >= *value + kClockSkewSeconds) {
      findings.add(Code::ResponseExpired, std::string("The response expired ") + relative_time(*value, now) + " (" +
                                              what + " " + iso8601(*value) + "; " + std::to_string(kClockSkewSeconds) +
                                              " s of clock difference allowed)." + tail);
      break;
    }
  }
  if (const auto before = at(a.notBefore); before && now + kClockSkewSeconds < *before)
    findings.add(Code::ResponseNotYetValid, "The response is valid only from " + iso8601(*before) + ", " +
                                                relative_time(*before, now) + " (Conditions NotBefore; " +
                                                std::to_string(kClockSkewSeconds) +
                                                " s allowed). The identity provider's clock is ahead: correct it.");
  if (!r.inResponseTo && !a.subjectInResponseTo)
    findings.add(Code::ResponseIdpInitiated,
                 "No InResponseTo: this login was started at the identity provider (IdP-initiated), not by Twilio. "
                 "Twilio sends such users to the DEFAULT REDIRECT URL; Console SSO turns it into a login Twilio starts.");
  const auto authn = at(a.authnInstant), session = at(a.sessionNotOnOrAfter);
  if (authn && session && *session - *authn < 3600)
    findings.add(Code::ResponseSessionShort,
                 "The session lasts " + std::to_string((*session - *authn) / 60) +
                     " minutes (SessionNotOnOrAfter minus AuthnInstant). Twilio asks for more than one hour; 8 to 10 "
                     "hours is usual: raise the session lifetime in the identity provider.");
  // A response still valid is a credential: say so, and until when.
  std::optional<int64_t> until;
  for (const auto& t : {at(a.notOnOrAfter), at(a.subjectNotOnOrAfter)})
    if (t && (!until || *t < *until)) until = t;
  if (until && now < *until && r.status.code == kSuccess)
    findings.add(Code::ResponseLiveCredential,
                 "This response is still valid until " + clock_time(*until, now) + ": anyone who has it can log in "
                 "as " + (a.nameId ? *a.nameId : std::string("this user")) + " until then. Never paste it into "
                 "online tools or tickets; this helper sends and keeps nothing.");
}

// Flex reads email, full_name and roles by these plain names.
void check_flex_attributes(const Assertion& a, Findings& findings) {
  struct Wanted {
    const char* name;
    std::vector<std::string> aliases;  // last segments of the claim URIs IdPs send instead
  };
  const Wanted wanted[] = {{"email", {"email", "emailaddress", "mail"}},
                           {"full_name", {"full_name", "fullname", "displayname", "name"}},
                           {"roles", {"roles", "role"}}};
  for (const Wanted& w : wanted) {
    const auto plain = std::find_if(a.attributes.begin(), a.attributes.end(), [&](const SamlAttribute& at) { return at.name == w.name; });
    if (plain != a.attributes.end()) continue;
    const auto namespaced = std::find_if(a.attributes.begin(), a.attributes.end(), [&](const SamlAttribute& at) {
      const std::string last = ascii_lowercase(last_segment(at.name));
      return at.name.find_first_of("/:") != std::string::npos &&
             std::find(w.aliases.begin(), w.aliases.end(), last) != w.aliases.end();
    });
    if (namespaced != a.attributes.end()) {
      findings.add(Code::AttributeNamespaced,
                   "The attribute \"" + namespaced->name + "\" looks like Flex's " + w.name +
                       ", but Flex reads attributes by their plain names: name it \"" + w.name +
                       "\" without a namespace (in Entra ID: clear the claim's Namespace).");
    } else {
      findings.add(Code::AttributeMissing, std::string("The attribute ") + w.name +
                                               " is missing. Flex needs email, full_name and roles (error 45050): add "
                                               "it in the identity provider's attribute settings.");
    }
  }
  const auto roles = std::find_if(a.attributes.begin(), a.attributes.end(), [](const SamlAttribute& at) { return at.name == "roles"; });
  if (roles == a.attributes.end()) return;
  std::vector<std::string> bad;
  std::size_t good = 0;
  for (const std::string& value : roles->values) {
    std::size_t pos = 0;
    while (pos <= value.size()) {
      const std::size_t comma = std::min(value.find(',', pos), value.size());
      const std::string role(trim(std::string_view(value).substr(pos, comma - pos)));
      if (role == "admin" || role == "supervisor" || role == "agent") ++good;
      else if (!role.empty()) bad.push_back(role);
      pos = comma + 1;
    }
  }
  if (!bad.empty() || good == 0) {
    std::string list;
    for (const std::string& b : bad) list += (list.empty() ? "" : ", ") + ("\"" + b + "\"");
    findings.add(Code::AttributeRolesInvalid,
                 (bad.empty() ? std::string("The roles attribute has no value.")
                              : "The roles attribute has " + list + ", which Flex does not know.") +
                     " Flex takes admin, supervisor and agent (lower case), as several values or separated by commas.");
  }
}

void check_name_id(const Options& options, const ResponseRead& read, const Assertion& a, Findings& findings) {
  if (read.commentInNameId)
    findings.add(Code::NameIdComment, "The NameID holds a comment or markup inside its text. No identity provider "
                                      "writes that; it is how a signed name is made to read as another user by "
                                      "readers that stop at the comment (CVE-2017-11428). The whole text was read: \"" +
                                          a.nameId.value_or("") + "\".");
  const ProductProfile* profile = find_product(options.product);
  if (profile && profile->requiredNameIdFormat && a.nameIdFormat != profile->requiredNameIdFormat)
    findings.add(Code::NameIdFormat, "The NameID format is " + a.nameIdFormat.value_or("not given") + "; " +
                                         profile->label + " requires " + profile->requiredNameIdFormat +
                                         ", with the user's email address as the NameID.");
}
}  // namespace

void check_response(const Options& options, const ResponseRead& read, const std::string& expectedIssuer,
                    const std::string& issuerSource, int64_t now, Report& report) {
  Findings& findings = report.findings;
  const SamlResponse& r = *report.response;
  check_signatures(options, read, findings);
  check_signed_parts(options, read, report, findings);
  check_status_and_issuer(r, expectedIssuer, issuerSource, issuer_setting(options), findings);
  const bool encrypted = r.assertion && r.assertion->encrypted;
  if (encrypted)
    findings.add(Code::ResponseEncrypted, "The assertion is encrypted (EncryptedAssertion). Twilio does not decrypt "
                                          "assertions: turn assertion encryption off for Twilio in the identity "
                                          "provider.");
  else if (!r.assertion && r.status.code == kSuccess && read.wrapping.empty())
    findings.add(Code::ResponseNoAssertion, "The response says Success but carries no assertion, so there is no user "
                                            "to log in.");
  const Assertion* a = r.assertion && !encrypted ? &*r.assertion : nullptr;
  if (report.serviceProvider) check_service_provider(a, r, *report.serviceProvider, findings);
  if (!a) return;
  if (read.attributesCapped)
    findings.add(Code::ResponseTooManyAttributes, "The assertion carries more than " + std::to_string(limits::kMaxAttributes) +
                                                      " attributes; only the first were read.");
  check_times(r, *a, now, findings);
  const ProductProfile* profile = find_product(options.product);
  if (profile && profile->flexAttributes && r.status.code == kSuccess) check_flex_attributes(*a, findings);
  check_name_id(options, read, *a, findings);
}

void set_response_verdict(bool signaturesChecked, Report& report) {
  if (!report.response) return;
  const auto errors = static_cast<std::size_t>(std::count_if(
      report.findings.all().begin(), report.findings.all().end(), [](const Finding& f) { return f.severity == Severity::Error; }));
  if (errors > 0)
    report.response->verdict = "Twilio will reject this login: " + std::to_string(errors) +
                               (errors == 1 ? " reason." : " reasons.");
  else if (!signaturesChecked)
    report.response->verdict = "No reason for Twilio to reject this login shows, but its signatures were not verified: "
                               "give the IdP's metadata or certificate to be sure.";
  else
    report.response->verdict = "Nothing here would make Twilio reject this login.";
}

}  // namespace sso
