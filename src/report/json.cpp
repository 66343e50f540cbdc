#include "report/json.hpp"

#include <nlohmann/json.hpp>

namespace sso {

namespace {
using Json = nlohmann::ordered_json;

Json optional_string(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json certificate_json(const Certificate& c) {
  if (c.error) return Json{{"error", *c.error}};
  return Json{{"pem", c.pem},
              {"subject", c.subject},
              {"issuer", c.issuer},
              {"serial", c.serial},
              {"notBefore", c.notBefore},
              {"notAfter", c.notAfter},
              {"keyType", c.keyType},
              {"keyBits", c.keyBits},
              {"curve", optional_string(c.curve)},
              {"signatureAlgorithm", c.signatureAlgorithm},
              {"sha1", c.sha1},
              {"sha256", c.sha256},
              {"selfSigned", c.selfSigned},
              {"ca", c.ca},
              {"forTwilio", c.forTwilio},
              {"daysLeft", c.daysLeft}};
}

Json certificates_json(const std::vector<Certificate>& certs) {
  Json out = Json::array();
  for (const Certificate& c : certs) out.push_back(certificate_json(c));
  return out;
}

Json endpoints_json(const std::vector<Endpoint>& endpoints) {
  Json out = Json::array();
  for (const Endpoint& e : endpoints) out.push_back(Json{{"binding", e.binding}, {"location", e.location}});
  return out;
}

const char* kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::Metadata: return "metadata";
    case InputKind::Certificate: return "certificate";
    case InputKind::Response: return "response";
    case InputKind::Unknown: return "unknown";
  }
  return "unknown";
}

Json idp_json(const IdentityProvider& idp) {
  return Json{{"entityId", idp.entityId},
              {"vendor", optional_string(idp.vendor)},
              {"ssoServices", endpoints_json(idp.ssoServices)},
              {"sloServices", endpoints_json(idp.sloServices)},
              {"nameIdFormats", idp.nameIdFormats},
              {"wantAuthnRequestsSigned", idp.wantAuthnRequestsSigned},
              {"validUntil", optional_string(idp.validUntil)},
              {"signingCertificates", certificates_json(idp.signingCertificates)},
              {"encryptionCertificates", certificates_json(idp.encryptionCertificates)}};
}
Json response_json(const SamlResponse& r) {
  Json signatures = Json::array();
  for (const ResponseSignature& s : r.signatures) {
    Json j{{"element", s.element},
           {"referenceId", s.referenceId},
           {"verified", s.verified ? Json(*s.verified) : Json(nullptr)},
           {"intact", s.intact ? Json(*s.intact) : Json(nullptr)},
           {"reason", optional_string(s.reason)},
           {"signatureAlgorithm", s.signatureAlgorithm},
           {"digestAlgorithm", s.digestAlgorithm},
           {"keyInfoSha256", optional_string(s.keyInfoSha256)},
           {"verifiedWithSha256", optional_string(s.verifiedWithSha256)},
           {"canonical", optional_string(s.canonical)}};
    signatures.push_back(std::move(j));
  }
  Json assertion(nullptr);
  if (r.assertion) {
    const Assertion& a = *r.assertion;
    Json attributes = Json::array();
    for (const SamlAttribute& at : a.attributes)
      attributes.push_back(Json{{"name", at.name},
                                {"nameFormat", optional_string(at.nameFormat)},
                                {"friendlyName", optional_string(at.friendlyName)},
                                {"values", at.values}});
    assertion = Json{{"id", optional_string(a.id)},
                     {"issuer", optional_string(a.issuer)},
                     {"encrypted", a.encrypted},
                     {"signed", a.signedByVerified},
                     {"nameId", optional_string(a.nameId)},
                     {"nameIdFormat", optional_string(a.nameIdFormat)},
                     {"notBefore", optional_string(a.notBefore)},
                     {"notOnOrAfter", optional_string(a.notOnOrAfter)},
                     {"audiences", a.audiences},
                     {"recipient", optional_string(a.recipient)},
                     {"subjectNotOnOrAfter", optional_string(a.subjectNotOnOrAfter)},
                     {"subjectInResponseTo", optional_string(a.subjectInResponseTo)},
                     {"sessionNotOnOrAfter", optional_string(a.sessionNotOnOrAfter)},
                     {"authnInstant", optional_string(a.authnInstant)},
                     {"attributes", std::move(attributes)}};
  }
  Json timeline = Json::array();
  for (const TimelineEntry& t : r.timeline) timeline.push_back(Json{{"what", t.what}, {"at", t.at}, {"relative", t.relative}});
  return Json{{"id", optional_string(r.id)},
              {"issuer", optional_string(r.issuer)},
              {"destination", optional_string(r.destination)},
              {"inResponseTo", optional_string(r.inResponseTo)},
              {"issueInstant", optional_string(r.issueInstant)},
              {"status", Json{{"code", r.status.code},
                              {"subCode", optional_string(r.status.subCode)},
                              {"message", optional_string(r.status.message)}}},
              {"signatures", std::move(signatures)},
              {"assertion", std::move(assertion)},
              {"timeline", std::move(timeline)},
              {"verdict", r.verdict}};
}

Json capture_json(const Capture& c) {
  Json responses = Json::array();
  for (const CapturedResponse& r : c.responses)
    responses.push_back(Json{{"number", r.number},
                             {"time", optional_string(r.time)},
                             {"url", optional_string(r.url)},
                             {"issuer", optional_string(r.issuer)},
                             {"destination", optional_string(r.destination)}});
  return Json{{"format", c.format}, {"responses", std::move(responses)}, {"picked", c.picked}};
}

Json idp_setup_json(const IdpSetup& setup) {
  Json steps = Json::array();
  for (const IdpSetupStep& s : setup.steps) steps.push_back(Json{{"where", s.where}, {"text", s.text}});
  return Json{{"vendor", optional_string(setup.vendor)},
              {"heading", setup.heading},
              {"steps", std::move(steps)},
              {"sources", setup.sources}};
}
}  // namespace

std::string report_json(const Report& r, int indent) {
  Json entities = Json::array();
  for (const Entity& e : r.entities)
    entities.push_back(Json{{"entityId", e.entityId},
                            {"name", optional_string(e.name)},
                            {"idp", e.idp},
                            {"sp", e.sp},
                            {"saml2", e.saml2},
                            {"signingSha256", optional_string(e.signingSha256)}});
  Json findings = Json::array();
  for (const Finding& f : r.findings.all())
    findings.push_back(Json{{"severity", severity_name(f.severity)},
                            {"code", f.code},
                            {"field", f.field},
                            {"message", f.message},
                            {"setting", f.setting.empty() ? Json(nullptr) : Json(f.setting)}});
  Json products = Json::array();
  for (const ProductChoice& p : r.products)
    products.push_back(Json{{"product", p.product}, {"label", p.label}, {"idLabel", p.idLabel}, {"idHint", p.idHint}});
  const TwilioValues& t = r.twilio;
  Json out{{"schema", kReportSchema},
           {"input", Json{{"kind", kind_name(r.kind)}, {"bytes", r.bytes}}},
           {"entities", std::move(entities)},
           {"idp", r.idp ? idp_json(*r.idp) : Json(nullptr)},
           {"certificates", certificates_json(r.certificates)},
           {"response", r.response ? response_json(*r.response) : Json(nullptr)},
           {"capture", r.capture ? capture_json(*r.capture) : Json(nullptr)},
           {"twilio", Json{{"friendlyName", optional_string(t.friendlyName)},
                           {"singleSignOnMethod", t.singleSignOnMethod},
                           {"x509Certificate", optional_string(t.x509Certificate)},
                           {"identityProviderIssuer", optional_string(t.identityProviderIssuer)},
                           {"singleSignOnUrl", optional_string(t.singleSignOnUrl)},
                           {"defaultRedirectUrl", optional_string(t.defaultRedirectUrl)},
                           {"trustedDomains", t.trustedDomains}}},
           {"serviceProvider", r.serviceProvider ? Json{{"product", r.serviceProvider->product},
                                                        {"acsUrl", r.serviceProvider->acsUrl.empty()
                                                                       ? Json(nullptr)
                                                                       : Json(r.serviceProvider->acsUrl)},
                                                        {"entityId", r.serviceProvider->entityId}}
                                                 : Json(nullptr)},
           {"product", r.product ? Json{{"product", r.product->product},
                                        {"idName", r.product->idName},
                                        {"idHint", r.product->idHint},
                                        {"idpGuidance", r.product->idpGuidance}}
                                 : Json(nullptr)},
           {"idpSetup", r.idpSetup ? idp_setup_json(*r.idpSetup) : Json(nullptr)},
           {"products", std::move(products)},
           {"discard", r.discard},
           {"findings", std::move(findings)}};
  return out.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace sso
