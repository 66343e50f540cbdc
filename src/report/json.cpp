#include "report/json.hpp"

#include "report/json_writer.hpp"

namespace sso {

namespace {
const char* kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::Metadata: return "metadata";
    case InputKind::Certificate: return "certificate";
    case InputKind::Response: return "response";
    case InputKind::Unknown: return "unknown";
  }
  return "unknown";
}

void certificate(JsonWriter& w, const Certificate& c) {
  w.begin_object();
  if (c.error) {
    w.key("error").value(*c.error);
    w.end_object();
    return;
  }
  w.key("pem").value(c.pem);
  w.key("subject").value(c.subject);
  w.key("issuer").value(c.issuer);
  w.key("serial").value(c.serial);
  w.key("notBefore").value(c.notBefore);
  w.key("notAfter").value(c.notAfter);
  w.key("keyType").value(c.keyType);
  w.key("keyBits").value(c.keyBits);
  w.key("curve").value(c.curve);
  w.key("signatureAlgorithm").value(c.signatureAlgorithm);
  w.key("sha1").value(c.sha1);
  w.key("sha256").value(c.sha256);
  w.key("selfSigned").value(c.selfSigned);
  w.key("ca").value(c.ca);
  w.key("forTwilio").value(c.forTwilio);
  w.key("daysLeft").value(c.daysLeft);
  w.end_object();
}

void certificates(JsonWriter& w, const std::vector<Certificate>& certs) {
  w.begin_array();
  for (const Certificate& c : certs) certificate(w, c);
  w.end_array();
}

void endpoints(JsonWriter& w, const std::vector<Endpoint>& list) {
  w.begin_array();
  for (const Endpoint& e : list) {
    w.begin_object();
    w.key("binding").value(e.binding);
    w.key("location").value(e.location);
    w.end_object();
  }
  w.end_array();
}

void entities(JsonWriter& w, const std::vector<Entity>& list) {
  w.begin_array();
  for (const Entity& e : list) {
    w.begin_object();
    w.key("entityId").value(e.entityId);
    w.key("name").value(e.name);
    w.key("idp").value(e.idp);
    w.key("sp").value(e.sp);
    w.key("saml2").value(e.saml2);
    w.key("signingSha256").value(e.signingSha256);
    w.end_object();
  }
  w.end_array();
}

void idp(JsonWriter& w, const IdentityProvider& idp) {
  w.begin_object();
  w.key("entityId").value(idp.entityId);
  w.key("vendor").value(idp.vendor);
  w.key("ssoServices");
  endpoints(w, idp.ssoServices);
  w.key("sloServices");
  endpoints(w, idp.sloServices);
  w.key("nameIdFormats").strings(idp.nameIdFormats);
  w.key("wantAuthnRequestsSigned").value(idp.wantAuthnRequestsSigned);
  w.key("validUntil").value(idp.validUntil);
  w.key("signingCertificates");
  certificates(w, idp.signingCertificates);
  w.key("encryptionCertificates");
  certificates(w, idp.encryptionCertificates);
  w.end_object();
}

void optional_bool(JsonWriter& w, const std::optional<bool>& b) {
  if (b) w.value(*b);
  else w.null();
}

void assertion(JsonWriter& w, const Assertion& a) {
  w.begin_object();
  w.key("id").value(a.id);
  w.key("issuer").value(a.issuer);
  w.key("encrypted").value(a.encrypted);
  w.key("signed").value(a.signedByVerified);
  w.key("nameId").value(a.nameId);
  w.key("nameIdFormat").value(a.nameIdFormat);
  w.key("notBefore").value(a.notBefore);
  w.key("notOnOrAfter").value(a.notOnOrAfter);
  w.key("audiences").strings(a.audiences);
  w.key("recipient").value(a.recipient);
  w.key("subjectNotOnOrAfter").value(a.subjectNotOnOrAfter);
  w.key("subjectInResponseTo").value(a.subjectInResponseTo);
  w.key("sessionNotOnOrAfter").value(a.sessionNotOnOrAfter);
  w.key("authnInstant").value(a.authnInstant);
  w.key("attributes").begin_array();
  for (const SamlAttribute& at : a.attributes) {
    w.begin_object();
    w.key("name").value(at.name);
    w.key("nameFormat").value(at.nameFormat);
    w.key("friendlyName").value(at.friendlyName);
    w.key("values").strings(at.values);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void response(JsonWriter& w, const SamlResponse& r) {
  w.begin_object();
  w.key("id").value(r.id);
  w.key("issuer").value(r.issuer);
  w.key("destination").value(r.destination);
  w.key("inResponseTo").value(r.inResponseTo);
  w.key("issueInstant").value(r.issueInstant);
  w.key("status").begin_object();
  w.key("code").value(r.status.code);
  w.key("subCode").value(r.status.subCode);
  w.key("message").value(r.status.message);
  w.end_object();
  w.key("signatures").begin_array();
  for (const ResponseSignature& s : r.signatures) {
    w.begin_object();
    w.key("element").value(s.element);
    w.key("referenceId").value(s.referenceId);
    w.key("verified");
    optional_bool(w, s.verified);
    w.key("intact");
    optional_bool(w, s.intact);
    w.key("reason").value(s.reason);
    w.key("signatureAlgorithm").value(s.signatureAlgorithm);
    w.key("digestAlgorithm").value(s.digestAlgorithm);
    w.key("keyInfoSha256").value(s.keyInfoSha256);
    w.key("verifiedWithSha256").value(s.verifiedWithSha256);
    w.key("canonical").value(s.canonical);
    w.end_object();
  }
  w.end_array();
  w.key("assertion");
  if (r.assertion) assertion(w, *r.assertion);
  else w.null();
  w.key("timeline").begin_array();
  for (const TimelineEntry& t : r.timeline) {
    w.begin_object();
    w.key("what").value(t.what);
    w.key("at").value(t.at);
    w.key("relative").value(t.relative);
    w.end_object();
  }
  w.end_array();
  w.key("verdict").value(r.verdict);
  w.end_object();
}

void capture(JsonWriter& w, const Capture& c) {
  w.begin_object();
  w.key("format").value(c.format);
  w.key("responses").begin_array();
  for (const CapturedResponse& r : c.responses) {
    w.begin_object();
    w.key("number").value(static_cast<uint64_t>(r.number));
    w.key("time").value(r.time);
    w.key("url").value(r.url);
    w.key("issuer").value(r.issuer);
    w.key("destination").value(r.destination);
    w.end_object();
  }
  w.end_array();
  w.key("picked").value(static_cast<uint64_t>(c.picked));
  w.end_object();
}

void metadata_signature(JsonWriter& w, const MetadataSignature& s) {
  w.begin_object();
  w.key("present").value(true);
  w.key("verified");
  if (s.verified) w.value(*s.verified);
  else w.null();
  w.key("intact");
  if (s.intact) w.value(*s.intact);
  else w.null();
  w.key("reason").value(s.reason);
  w.key("referenceId").value(s.referenceId);
  w.key("signatureAlgorithm").value(s.signatureAlgorithm);
  w.key("digestAlgorithm").value(s.digestAlgorithm);
  w.key("keyInfoSha256").value(s.keyInfoSha256);
  w.key("verifiedWithSha256").value(s.verifiedWithSha256);
  w.end_object();
}

void rollover(JsonWriter& w, const Rollover& r) {
  w.begin_object();
  w.key("against").value(r.against);
  w.key("certificates").begin_array();
  for (const RolloverCertificate& c : r.certificates) {
    w.begin_object();
    w.key("sha256").value(c.sha256);
    w.key("subject").value(c.subject);
    w.key("notBefore").value(c.notBefore);
    w.key("notAfter").value(c.notAfter);
    w.key("daysLeft").value(c.daysLeft);
    w.key("before").value(c.before);
    w.key("after").value(c.after);
    w.key("inTwilio").value(c.inTwilio);
    w.end_object();
  }
  w.end_array();
  w.key("changes").begin_array();
  for (const RolloverChange& c : r.changes) {
    w.begin_object();
    w.key("what").value(c.what);
    w.key("change").value(c.change);
    w.key("before").value(c.before);
    w.key("after").value(c.after);
    w.end_object();
  }
  w.end_array();
  w.key("plan").strings(r.plan);
  w.end_object();
}

void twilio(JsonWriter& w, const TwilioValues& t) {
  w.begin_object();
  w.key("friendlyName").value(t.friendlyName);
  w.key("singleSignOnMethod").value(t.singleSignOnMethod);
  w.key("x509Certificate").value(t.x509Certificate);
  w.key("identityProviderIssuer").value(t.identityProviderIssuer);
  w.key("singleSignOnUrl").value(t.singleSignOnUrl);
  w.key("defaultRedirectUrl").value(t.defaultRedirectUrl);
  w.key("trustedDomains").strings(t.trustedDomains);
  w.end_object();
}

void idp_setup(JsonWriter& w, const IdpSetup& setup) {
  w.begin_object();
  w.key("vendor").value(setup.vendor);
  w.key("heading").value(setup.heading);
  w.key("steps").begin_array();
  for (const IdpSetupStep& s : setup.steps) {
    w.begin_object();
    w.key("where").value(s.where);
    w.key("text").value(s.text);
    w.end_object();
  }
  w.end_array();
  w.key("sources").strings(setup.sources);
  w.end_object();
}

void findings(JsonWriter& w, const Findings& list) {
  w.begin_array();
  for (const Finding& f : list.all()) {
    w.begin_object();
    w.key("severity").value(severity_name(f.severity));
    w.key("code").value(f.code);
    w.key("field").value(f.field);
    w.key("message").value(f.message);
    w.key("setting");
    if (f.setting.empty()) w.null();
    else w.value(f.setting);
    w.end_object();
  }
  w.end_array();
}
}  // namespace

std::string report_json(const Report& r, int indent) {
  JsonWriter w(indent);
  w.reserve(4096 + r.entities.size() * 256);  // an entity takes about 220 bytes indented
  w.begin_object();
  w.key("schema").value(kReportSchema);
  w.key("input").begin_object();
  w.key("kind").value(kind_name(r.kind));
  w.key("bytes").value(static_cast<uint64_t>(r.bytes));
  w.end_object();
  w.key("metadataSignature");
  if (r.metadataSignature) metadata_signature(w, *r.metadataSignature);
  else w.null();
  w.key("entities");
  entities(w, r.entities);
  w.key("idp");
  if (r.idp) idp(w, *r.idp);
  else w.null();
  w.key("rollover");
  if (r.rollover) rollover(w, *r.rollover);
  else w.null();
  w.key("certificates");
  certificates(w, r.certificates);
  w.key("response");
  if (r.response) response(w, *r.response);
  else w.null();
  w.key("capture");
  if (r.capture) capture(w, *r.capture);
  else w.null();
  w.key("twilio");
  twilio(w, r.twilio);
  w.key("serviceProvider");
  if (r.serviceProvider) {
    w.begin_object();
    w.key("product").value(r.serviceProvider->product);
    w.key("acsUrl");
    if (r.serviceProvider->acsUrl.empty()) w.null();
    else w.value(r.serviceProvider->acsUrl);
    w.key("entityId").value(r.serviceProvider->entityId);
    w.end_object();
  } else {
    w.null();
  }
  w.key("product");
  if (r.product) {
    w.begin_object();
    w.key("product").value(r.product->product);
    w.key("idName").value(r.product->idName);
    w.key("idHint").value(r.product->idHint);
    w.key("idpGuidance").value(r.product->idpGuidance);
    w.end_object();
  } else {
    w.null();
  }
  w.key("idpSetup");
  if (r.idpSetup) idp_setup(w, *r.idpSetup);
  else w.null();
  w.key("products").begin_array();
  for (const ProductChoice& p : r.products) {
    w.begin_object();
    w.key("product").value(p.product);
    w.key("label").value(p.label);
    w.key("idLabel").value(p.idLabel);
    w.key("idHint").value(p.idHint);
    w.end_object();
  }
  w.end_array();
  w.key("discard").strings(r.discard);
  w.key("findings");
  findings(w, r.findings);
  w.end_object();
  return w.take();
}

}  // namespace sso
