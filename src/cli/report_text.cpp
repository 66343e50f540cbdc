#include "cli/report_text.hpp"

namespace sso {

namespace {
void field(std::string& out, const char* label, const std::optional<std::string>& value) {
  out += label;
  out += value ? "\n" + *value + "\n\n" : "\n(none)\n\n";
}

std::string indent(const std::string& text, const char* prefix) {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}
void certificates(std::string& out, const char* role, const std::vector<Certificate>& certs) {
  for (std::size_t i = 0; i < certs.size(); ++i) {
    const Certificate& c = certs[i];
    out += "== Certificate " + std::to_string(i + 1) + " (" + role + (c.forTwilio ? ", for Twilio" : "") + ") ==\n";
    if (c.error) {
      out += "does not decode: " + *c.error + "\n\n";
      continue;
    }
    const std::string left = c.daysLeft >= 0 ? std::to_string(c.daysLeft) + " days left"
                                             : "expired " + std::to_string(-c.daysLeft) + " days ago";
    out += "subject    " + c.subject + "\nissuer     " + c.issuer + "\nvalid      " + c.notBefore + " to " +
           c.notAfter + " (" + left + ")\nkey        " + c.keyType + " " + std::to_string(c.keyBits) +
           (c.curve ? " " + *c.curve : std::string()) + "\nsignature  " + c.signatureAlgorithm + "\nSHA-1      " +
           c.sha1 + "\nSHA-256    " + c.sha256 + "\n\n";
  }
}

// The CLI's name for a setting a finding asks the admin to change.
const char* flag_for(const std::string& setting) {
  static const std::pair<const char*, const char*> kFlags[] = {
      {"entity", "--entity"}, {"product", "--product"}, {"twilioId", "--connection-id or --account-sid"},
      {"certificate", "--certificate"}, {"ssoUrl", "--sso-url"}, {"redirectUrl", "--redirect-url"},
      {"trustedDomains", "--trusted-domain"}, {"issuer", "--issuer"}, {"pick", "--pick"},
      {"metadata", "--metadata"},
      {"signer", "--signer"}, {"previousMetadata", "--compare OLD NEW"}};
  for (const auto& [name, flag] : kFlags)
    if (setting == name) return flag;
  return nullptr;
}

// "label   value", values aligned at column 23; nothing when there is no value.
void line(std::string& out, const std::string& label, const std::optional<std::string>& value) {
  if (value) out += label + std::string(label.size() < 22 ? 22 - label.size() : 1, ' ') + *value + "\n";
}

void response_section(std::string& out, const Report& r, bool show_canonical) {
  if (r.capture) {
    out += "== Responses in the " + r.capture->format + " ==\n";
    for (const CapturedResponse& c : r.capture->responses)
      out += (c.number == r.capture->picked ? "* " : "  ") + std::to_string(c.number) + ". " + c.time.value_or("-") + "  " +
             c.issuer.value_or("(no issuer)") + " -> " + c.destination.value_or(c.url.value_or("(no destination)")) + "\n";
    out += "(the one marked * is analysed; choose another with --pick N)\n\n";
  }
  if (!r.response) return;
  const SamlResponse& resp = *r.response;
  out += "== SAML response ==\n" + resp.verdict + "\n\n";
  line(out, "ID", resp.id);
  line(out, "Issuer", resp.issuer);
  line(out, "Destination", resp.destination);
  line(out, "InResponseTo", resp.inResponseTo);
  line(out, "IssueInstant", resp.issueInstant);
  line(out, "Status", resp.status.code + (resp.status.subCode ? " / " + *resp.status.subCode : std::string()));
  line(out, "StatusMessage", resp.status.message);
  for (const ResponseSignature& s : resp.signatures) {
    const std::string verified = !s.verified ? "not checked (no trusted certificate)" : *s.verified ? "verified" : "NOT verified";
    out += "\nSignature on the " + s.element + ": " + verified +
           (s.intact ? std::string(", ") + (*s.intact ? "intact" : "changed or mis-signed") + " by its KeyInfo certificate" : "") + "\n";
    line(out, "  reason", s.reason);
    line(out, "  algorithm", s.signatureAlgorithm + " / " + s.digestAlgorithm);
    line(out, "  KeyInfo SHA-256", s.keyInfoSha256);
    line(out, "  verified with", s.verifiedWithSha256);
    if (show_canonical && s.canonical) out += "  canonical bytes that were hashed:\n" + indent(*s.canonical, "    ") + "\n";
  }
  if (resp.assertion) {
    const Assertion& a = *resp.assertion;
    out += std::string("\nAssertion") + (a.encrypted ? " (encrypted)" : a.signedByVerified ? " (read from the signed element)" : "") + "\n";
    line(out, "  Issuer", a.issuer);
    line(out, "  NameID", a.nameId);
    line(out, "  NameID format", a.nameIdFormat);
    for (const std::string& au : a.audiences) line(out, "  Audience", au);
    line(out, "  Recipient", a.recipient);
    for (const SamlAttribute& at : a.attributes) {
      std::string values;
      for (const std::string& v : at.values) values += (values.empty() ? "" : ", ") + v;
      out += "  attribute " + at.name + " = " + values + "\n";
    }
  }
  if (!resp.timeline.empty()) out += "\nTimes\n";
  for (const TimelineEntry& t : resp.timeline) out += "  " + t.what + "  " + t.at + "  (" + t.relative + ")\n";
  out += "\n";
}
// The metadata's own signature: what it was checked with, and the verdict.
void metadata_signature_section(std::string& out, const Report& r) {
  if (!r.metadataSignature) return;
  const MetadataSignature& s = *r.metadataSignature;
  const char* verdict = s.verified == true    ? "verified with the certificate you trust"
                        : s.verified == false ? "NOT verified with the certificate you trust"
                        : s.intact == true    ? "intact by its own KeyInfo certificate (not verified: give --signer)"
                        : s.intact == false   ? "changed after signing, or signed by another key than its KeyInfo's"
                                              : "not checked";
  out += "== Metadata signature ==\n" + std::string(verdict) + "\n";
  line(out, "  reason", s.reason);
  line(out, "  reference", s.referenceId.empty() ? std::string("\"\" (the whole document)") : "#" + s.referenceId);
  line(out, "  algorithm", s.signatureAlgorithm + " / " + s.digestAlgorithm);
  line(out, "  KeyInfo SHA-256", s.keyInfoSha256);
  line(out, "  verified with", s.verifiedWithSha256);
  out += "\n";
}

// Two versions (or the certificate in Twilio and the metadata): what changed, and the plan.
void rollover_section(std::string& out, const Report& r) {
  if (!r.rollover) return;
  const Rollover& ro = *r.rollover;
  out += ro.against == "metadata" ? "== Compared with the older version ==\n" : "== The certificate in Twilio and this metadata ==\n";
  for (const RolloverCertificate& c : ro.certificates) {
    const std::string where = ro.against == "metadata"
                                  ? (c.before && c.after ? "in both" : c.before ? "no longer published" : "new")
                                  : (c.before ? (c.after ? "in Twilio, still published" : "in Twilio, no longer published")
                                              : "published");
    out += "  " + c.subject + "  " + c.sha256.substr(0, 11) + "…  " + c.notBefore.substr(0, 10) + " to " +
           c.notAfter.substr(0, 10) + "  " + where + (c.inTwilio && ro.against == "metadata" ? ", Twilio's" : "") + "\n";
  }
  for (const RolloverChange& c : ro.changes)
    if (c.what != "signingCertificate")
      out += "  " + c.what + " " + c.change + ": " + c.before.value_or("-") + " -> " + c.after.value_or("-") + "\n";
  out += "Plan:\n";
  for (std::size_t i = 0; i < ro.plan.size(); ++i) out += "  " + std::to_string(i + 1) + ". " + ro.plan[i] + "\n";
  out += "\n";
}

std::string findings_text(const Report& r) {
  std::string out;
  out += "== Findings ==\n";
  if (r.findings.all().empty()) out += "none: the values above are ready to paste.\n";
  for (const Finding& f : r.findings.all()) {
    out += std::string(severity_name(f.severity)) + " " + f.code + (f.field.empty() ? "" : " [" + f.field + "]") + "\n";
    out += indent(f.message, "    ") + "\n";
    if (const char* flag = flag_for(f.setting)) out += std::string("    (set with ") + flag + ")\n";
  }
  return out;
}
}  // namespace

std::string report_text(const Report& r, bool show_canonical) {
  std::string out;
  const TwilioValues& t = r.twilio;
  response_section(out, r, show_canonical);
  if (r.kind == InputKind::Response && !r.idp) return out + findings_text(r);
  out += "== Twilio Single Sign-On form ==\n\n";
  field(out, "FRIENDLY NAME", t.friendlyName);
  field(out, "SINGLE SIGN-ON METHOD", t.singleSignOnMethod);
  field(out, "X.509 CERTIFICATE", t.x509Certificate);
  field(out, "IDENTITY PROVIDER ISSUER", t.identityProviderIssuer);
  field(out, "SINGLE SIGN-ON URL", t.singleSignOnUrl);
  field(out, "DEFAULT REDIRECT URL", t.defaultRedirectUrl);
  out += "TRUSTED DOMAINS\n";
  if (t.trustedDomains.empty()) out += "(none)\n";
  for (const std::string& d : t.trustedDomains) out += d + "\n";
  out += "\n";
  if (r.serviceProvider) {
    out += "== In your identity provider (" + r.serviceProvider->product + ") ==\n\n";
    out += "ACS / Reply / Single sign-on URL\n" +
           (r.serviceProvider->acsUrl.empty() ? std::string("(shown in Twilio Console)") : r.serviceProvider->acsUrl) +
           "\n\nAudience / SP entity ID\n" + r.serviceProvider->entityId + "\n\n";
  }
  if (r.idp) {
    certificates(out, "signing", r.idp->signingCertificates);
    certificates(out, "encryption", r.idp->encryptionCertificates);
  }
  certificates(out, r.kind == InputKind::Certificate ? "pasted" : "given", r.certificates);
  if (r.entities.size() > 1) out += std::to_string(r.entities.size()) + " entities in the document.\n\n";
  metadata_signature_section(out, r);
  rollover_section(out, r);
  return out + findings_text(r);
}

}  // namespace sso
