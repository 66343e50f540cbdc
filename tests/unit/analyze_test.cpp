// analyze() end to end on small inputs written for the case at hand.
#include <doctest/doctest.h>

#include "limits.hpp"
#include "report/json.hpp"
#include "test_support.hpp"

namespace {
sso::Report run(const std::string& text, sso::Options options = sso::Options{}) {
  return sso::analyze(text, options);
}

std::string okta() { return test::fixture("metadata/okta.xml"); }
constexpr const char* kOktaIssuer = "http://www.okta.com/exk9fx2ytoTwiLio0h8";

std::string idp(const std::string& id) {
  return "<md:EntityDescriptor entityID=\"" + id + "\"><md:IDPSSODescriptor protocolSupportEnumeration=\"" +
         "urn:oasis:names:tc:SAML:2.0:protocol\"><md:SingleSignOnService Binding=\"" +
         "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"" + id + "/sso\"/>" +
         "</md:IDPSSODescriptor></md:EntityDescriptor>";
}
}  // namespace

TEST_CASE("empty and unknown input") {
  CHECK(test::has_finding(run(""), "input.empty"));
  CHECK(test::has_finding(run(" \n\t "), "input.empty"));
  const sso::Report r = run("hello, world!");
  CHECK(r.kind == sso::InputKind::Unknown);
  CHECK(test::has_finding(r, "input.unknown"));
}

TEST_CASE("an Okta metadata file gives the six values") {
  const sso::Report r = run(okta());
  CHECK(r.kind == sso::InputKind::Metadata);
  CHECK(r.twilio.identityProviderIssuer == kOktaIssuer);
  CHECK(r.twilio.singleSignOnUrl ==
        "https://dev-482910.okta.com/app/dev-482910_twilioflex_1/exk9fx2ytoTwiLio0h8/sso/saml");
  REQUIRE(r.twilio.x509Certificate);
  CHECK(r.twilio.x509Certificate->rfind("-----BEGIN CERTIFICATE-----\nMII", 0) == 0);
  CHECK(r.twilio.x509Certificate->size() > 1000);
  CHECK(r.twilio.friendlyName == "Okta");
  CHECK(r.twilio.singleSignOnMethod == "SAML2");
  CHECK(r.idp->vendor == "okta");
  CHECK_FALSE(r.findings.has_error());
}

TEST_CASE("--entity picks another IdP of an aggregate; an unknown one is a finding") {
  const std::string text = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">" +
                           idp("https://foo.example.com/idp") + idp("https://bar.example.com/idp") +
                           "</md:EntitiesDescriptor>";
  const sso::Report first = run(text);
  REQUIRE(first.idp);
  CHECK(first.idp->entityId == "https://foo.example.com/idp");
  CHECK(test::has_finding(first, "metadata.several-idps"));
  sso::Options o = test::options_at_manifest_date();
  o.entity = "https://bar.example.com/idp";
  const sso::Report second = run(text, o);
  REQUIRE(second.idp);
  CHECK(second.idp->entityId == o.entity);
  CHECK(test::message_of(second, "metadata.several-idps").find("the one asked for") != std::string::npos);
  o.entity = "https://nobody.example.com/";
  const sso::Report none = run(text, o);
  CHECK_FALSE(none.idp);
  CHECK(test::has_finding(none, "metadata.entity-not-found"));
}

TEST_CASE("an entity's display name: its first role's mdui:DisplayName where the schema puts Extensions, else its Organization's") {
  const std::string head = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                           "xmlns:mdui=\"urn:oasis:names:tc:SAML:metadata:ui\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">";
  const auto ui = [](const std::string& name) {
    return "<md:Extensions><mdui:UIInfo><mdui:DisplayName xml:lang=\"de\">" + name + " (de)</mdui:DisplayName>" +
           "<mdui:DisplayName xml:lang=\"en\"> " + name + " </mdui:DisplayName></mdui:UIInfo></md:Extensions>";
  };
  const std::string org = "<md:Organization><md:OrganizationName xml:lang=\"en\">o</md:OrganizationName>"
                          "<md:OrganizationDisplayName xml:lang=\"en\">Org</md:OrganizationDisplayName></md:Organization>";
  const auto entity = [](const std::string& id, const std::string& role_children, const std::string& after = "") {
    return "<md:EntityDescriptor entityID=\"" + id + "\"><md:SPSSODescriptor protocolSupportEnumeration=\"" +
           "urn:oasis:names:tc:SAML:2.0:protocol\">" + role_children + "</md:SPSSODescriptor>" + after +
           "</md:EntityDescriptor>";
  };
  const std::string text =
      head + entity("first", ui("First")) + entity("signed", "<ds:Signature/>" + ui("Signed")) +
      entity("misplaced", "<md:KeyDescriptor/>" + ui("Misplaced"), org) + entity("org-only", "", org) +
      entity("none", "") + "</md:EntitiesDescriptor>";
  const sso::Report r = run(text);
  REQUIRE(r.entities.size() == 5);
  CHECK(r.entities[0].name == std::optional<std::string>("First"));  // English, trimmed
  CHECK(r.entities[1].name == std::optional<std::string>("Signed"));  // after the role's ds:Signature
  CHECK(r.entities[2].name == std::optional<std::string>("Org"));     // Extensions out of place: not read
  CHECK(r.entities[3].name == std::optional<std::string>("Org"));
  CHECK_FALSE(r.entities[4].name);
  CHECK(r.entities[0].sp);
  CHECK_FALSE(r.entities[0].idp);
}

TEST_CASE("rollover: the first signing certificate valid now goes to Twilio") {
  // Entra publishes two: the current one, expiring in days, and the next, valid for three years.
  const std::string text = test::fixture("metadata/entra-id.xml");
  const sso::Report now = run(text, sso::Options{});
  REQUIRE(now.idp);
  REQUIRE(now.idp->signingCertificates.size() == 2);
  const sso::Certificate& current = now.idp->signingCertificates[0];
  const sso::Certificate& next = now.idp->signingCertificates[1];
  CHECK(test::has_finding(now, "cert.rollover"));
  CHECK(now.twilio.x509Certificate == current.pem);
  CHECK(current.forTwilio);
  CHECK_FALSE(next.forTwilio);
  CHECK(test::severity_of(now, "cert.expiring-soon") == "warning");
  sso::Options after;
  after.now = current.notAfterEpoch + 86400;
  const sso::Report later = run(text, after);
  CHECK(later.twilio.x509Certificate == next.pem);
  CHECK(later.idp->signingCertificates[0].daysLeft == -1);
  CHECK_FALSE(test::has_finding(later, "cert.expired"));
  sso::Options none_valid;
  none_valid.now = next.notAfterEpoch + 86400;
  const sso::Report last = run(text, none_valid);
  CHECK(test::has_finding(last, "cert.none-valid"));
  CHECK(last.twilio.x509Certificate == next.pem);  // the one that expires last
}

TEST_CASE("expiry thresholds: 30 days a warning, 48 hours an error") {
  const std::string text = okta();
  const sso::Report base = run(text);
  REQUIRE(base.idp);
  const int64_t not_after = base.idp->signingCertificates[0].notAfterEpoch;
  sso::Options o;
  auto severity_at = [&](int64_t now) {
    o.now = now;
    const sso::Report r = run(text, o);
    for (const sso::Finding& f : r.findings.all())
      if (f.code == "cert.expiring-soon" || f.code == "cert.expired") return f.code + ":" + sso::severity_name(f.severity);
    return std::string("none");
  };
  CHECK(severity_at(not_after - 31 * 86400) == "none");
  CHECK(severity_at(not_after - 29 * 86400) == "cert.expiring-soon:warning");
  CHECK(severity_at(not_after - 47 * 3600) == "cert.expiring-soon:error");
  CHECK(severity_at(not_after + 1) == "cert.expired:error");
}

TEST_CASE("SP metadata pasted by mistake says so") {
  const sso::Report r = run(test::fixture("metadata/sp-only.xml"));
  CHECK_FALSE(r.idp);
  CHECK(test::message_of(r, "metadata.no-saml2-idp").find("service-provider metadata") != std::string::npos);
}

TEST_CASE("XML that is not metadata names its root") {
  const sso::Report r = run("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
  CHECK(test::message_of(r, "metadata.no-saml2-idp").find("<html>") != std::string::npos);
}

TEST_CASE("a UTF-8 BOM and UTF-16 are read; invalid UTF-8 is refused") {
  const std::string text = okta();
  CHECK(run("\xEF\xBB\xBF" + text).idp);
  std::string utf16 = "\xFF\xFE";
  for (char c : text) {
    utf16 += c;
    utf16 += '\0';
  }
  const sso::Report r16 = run(utf16);
  REQUIRE(r16.idp);
  CHECK(r16.idp->entityId == kOktaIssuer);
  CHECK(test::has_finding(r16, "input.utf16"));
  const sso::Report bad = run("<a>\xC3\x28</a>");
  CHECK(test::has_finding(bad, "input.invalid-utf8"));
  CHECK(test::message_of(bad, "input.invalid-utf8").find("offset 3") != std::string::npos);
}

TEST_CASE("over the size limit is a finding") {
  const std::string big(sso::limits::kMaxInputBytes + 1, ' ');
  const sso::Report r = run(big);
  CHECK(test::has_finding(r, "input.too-large"));
  CHECK(r.bytes == big.size());
}

TEST_CASE("a certificate file is certificate input, re-wrapped for Twilio") {
  const sso::Report r = run(test::fixture("certs/okta-76col.pem"));
  CHECK(r.kind == sso::InputKind::Certificate);
  REQUIRE(r.certificates.size() == 1);
  CHECK(test::has_finding(r, "cert.rewrapped"));
  CHECK(r.twilio.x509Certificate == r.certificates[0].pem);
}

TEST_CASE("the Report JSON has schema 1 and the contract's keys in order") {
  const std::string text = okta();
  const std::string json = sso::report_json(run(text));
  CHECK(json.rfind("{\"schema\":1,\"input\":{\"kind\":\"metadata\",\"bytes\":" + std::to_string(text.size()) +
                       "},\"metadataSignature\":null,\"entities\":[",
                   0) == 0);
  for (const char* key : {"\"idp\":{\"entityId\"", "\"vendor\":\"okta\"", "\"certificates\":[]",
                          "\"twilio\":{\"friendlyName\"", "\"singleSignOnMethod\":\"SAML2\"", "\"forTwilio\":true",
                          "\"daysLeft\":", "\"serviceProvider\":null", "\"rollover\":null,\"certificates\"", "\"findings\":[", "\"products\":[",
                          "\"idpSetup\":{", "\"discard\":[]", "\"signingSha256\":\""})
    CHECK_MESSAGE(json.find(key) != std::string::npos, key);
}

TEST_CASE("friendly name: the display name, else the entityID's host, else the entityID") {
  const std::string body =
      "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
      "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
      "Location=\"https://idp.example.org/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
  auto entity = [&](const std::string& id) {
    return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + id + "\">" + body;
  };
  CHECK(run(entity("urn:mace:example.org:idp")).twilio.friendlyName == "urn:mace:example.org:idp");
  CHECK(run(entity("https://IdP.Example.org:8443/idp/saml2")).twilio.friendlyName == "idp.example.org");
  const std::string with_name =
      "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.org/\">"
      "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"
      "<md:Organization><md:OrganizationName xml:lang=\"en\">Ex</md:OrganizationName>"
      "<md:OrganizationDisplayName xml:lang=\"en\">Example Co.</md:OrganizationDisplayName></md:Organization>"
      "</md:EntityDescriptor>";
  CHECK(run(with_name).twilio.friendlyName == "Example Co.");
  CHECK(run(test::fixture("metadata/entra-id.xml")).twilio.friendlyName == "Microsoft Entra ID");  // the vendor
  sso::Options named = test::options_at_manifest_date();
  named.friendlyName = "Contoso staff";
  CHECK(run(test::fixture("metadata/entra-id.xml"), named).twilio.friendlyName == "Contoso staff");
}
