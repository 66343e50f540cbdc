// analyze() end to end on small inputs written for the case at hand.
#include <doctest/doctest.h>

#include "limits.hpp"
#include "report/json.hpp"
#include "test_support.hpp"

namespace {
sso::Report run(const std::string& text, sso::Options options = test::options_at_manifest_date()) {
  return sso::analyze(text, options);
}

std::string metadata_file(const std::string& name) {
  return test::read_file(test::interop_dir() + "/metadata/" + name);
}

std::string cert_file(const std::string& name) { return test::read_file(test::interop_dir() + "/certs/" + name); }
}  // namespace

TEST_CASE("empty and unknown input") {
  CHECK(test::has_finding(run(""), "input.empty"));
  CHECK(test::has_finding(run(" \n\t "), "input.empty"));
  const sso::Report r = run("hello, world!");
  CHECK(r.kind == sso::InputKind::Unknown);
  CHECK(test::has_finding(r, "input.unknown"));
}

TEST_CASE("an Okta metadata file gives the six values") {
  const sso::Report r = run(metadata_file("okta_dev-513394_crewjam.xml"));
  CHECK(r.kind == sso::InputKind::Metadata);
  CHECK(r.twilio.identityProviderIssuer == "http://www.okta.com/exkppsa1qwuFV4D7z0h7");
  CHECK(r.twilio.singleSignOnUrl ==
        "https://dev-513394.oktapreview.com/app/rstudioincdev513394_dev_1/exkppsa1qwuFV4D7z0h7/sso/saml");
  REQUIRE(r.twilio.x509Certificate);
  CHECK(r.twilio.x509Certificate->rfind("-----BEGIN CERTIFICATE-----\nMIIDpDCCAoygAwIBAgIGAWW0dDUQMA0G", 0) == 0);
  CHECK(r.twilio.x509Certificate->size() > 1000);
  CHECK(r.twilio.friendlyName == "www.okta.com");
  CHECK_FALSE(r.findings.has_error());
}

TEST_CASE("--entity picks another IdP of an aggregate; an unknown one is a finding") {
  const std::string text = metadata_file("aggregate_two_idps_pem_in_base64_python3-saml.xml");
  const sso::Report first = run(text);
  REQUIRE(first.idp);
  CHECK(test::has_finding(first, "metadata.several-idps"));
  sso::Options o = test::options_at_manifest_date();
  o.entity = "https://bar.example.com/access/saml/idp.xml";
  const sso::Report second = run(text, o);
  REQUIRE(second.idp);
  CHECK(second.idp->entityId == o.entity);
  o.entity = "https://nobody.example.com/";
  const sso::Report none = run(text, o);
  CHECK_FALSE(none.idp);
  CHECK(test::has_finding(none, "metadata.entity-not-found"));
}

TEST_CASE("rollover: the first signing certificate valid now goes to Twilio") {
  // Entra publishes two: the first valid 2022-09-28..2025-09-28, the second 2024-05-07..2027-05-07.
  const std::string text = metadata_file("entra_tenant_81c1df79.xml");
  const sso::Report now = run(text);
  REQUIRE(now.idp);
  REQUIRE(now.idp->signingCertificates.size() == 2);
  CHECK(test::has_finding(now, "cert.rollover"));
  CHECK(now.twilio.x509Certificate == now.idp->signingCertificates[1].pem);
  CHECK_FALSE(test::has_finding(now, "cert.expired"));
  sso::Options both_valid;
  both_valid.now = sso::epoch_seconds(2024, 6, 1, 0, 0, 0);
  const sso::Report earlier = run(text, both_valid);
  CHECK(earlier.twilio.x509Certificate == earlier.idp->signingCertificates[0].pem);
  sso::Options none_valid;
  none_valid.now = sso::epoch_seconds(2028, 1, 1, 0, 0, 0);
  const sso::Report later = run(text, none_valid);
  CHECK(test::has_finding(later, "cert.none-valid"));
  CHECK(later.twilio.x509Certificate == later.idp->signingCertificates[1].pem);  // expires last
}

TEST_CASE("expiry thresholds: 30 days a warning, 48 hours an error") {
  const std::string text = metadata_file("okta_dev-513394_crewjam.xml");
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
  const sso::Report r = run(metadata_file("sp_only_no_idpssodescriptor_ruby-saml.xml"));
  CHECK_FALSE(r.idp);
  REQUIRE(test::has_finding(r, "metadata.no-saml2-idp"));
  CHECK(r.findings.all()[0].message.find("service-provider metadata") != std::string::npos);
}

TEST_CASE("XML that is not metadata names its root") {
  const sso::Report r = run("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
  REQUIRE(test::has_finding(r, "metadata.no-saml2-idp"));
  CHECK(r.findings.all()[0].message.find("<html>") != std::string::npos);
}

TEST_CASE("a UTF-8 BOM and UTF-16 are read; invalid UTF-8 is refused") {
  const std::string text = metadata_file("okta_dev-513394_crewjam.xml");
  CHECK(run("\xEF\xBB\xBF" + text).idp);
  std::string utf16 = "\xFF\xFE";
  for (char c : text) {
    utf16 += c;
    utf16 += '\0';
  }
  const sso::Report r16 = run(utf16);
  REQUIRE(r16.idp);
  CHECK(r16.idp->entityId == "http://www.okta.com/exkppsa1qwuFV4D7z0h7");
  CHECK(test::has_finding(r16, "input.utf16"));
  const sso::Report bad = run("<a>\xC3\x28</a>");
  CHECK(test::has_finding(bad, "input.invalid-utf8"));
  CHECK(bad.findings.all()[0].message.find("offset 3") != std::string::npos);
}

TEST_CASE("over the size limit is a finding") {
  const std::string big(sso::limits::kMaxInputBytes + 1, ' ');
  const sso::Report r = run(big);
  CHECK(test::has_finding(r, "input.too-large"));
  CHECK(r.bytes == big.size());
}

TEST_CASE("a certificate file is certificate input, re-wrapped for Twilio") {
  const sso::Report r = run(cert_file("rsa2048_sha256_google_workspace_76col.b64"));
  CHECK(r.kind == sso::InputKind::Certificate);
  REQUIRE(r.certificates.size() == 1);
  CHECK(test::has_finding(r, "cert.rewrapped"));
  CHECK(r.twilio.x509Certificate == r.certificates[0].pem);
}

TEST_CASE("the Report JSON has schema 1 and the contract's keys in order") {
  const std::string json = sso::report_json(run(metadata_file("okta_dev-513394_crewjam.xml")));
  CHECK(json.rfind("{\"schema\":1,\"input\":{\"kind\":\"metadata\",\"bytes\":2316},\"entities\":[", 0) == 0);
  for (const char* key : {"\"idp\":{", "\"certificates\":[]", "\"twilio\":{\"friendlyName\"", "\"serviceProvider\":null",
                          "\"findings\":[", "\"signingSha256\":\"D4:0D"})
    CHECK(json.find(key) != std::string::npos);
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
  CHECK(run(entity("https://IdP.Example.org:8443/idp/shibboleth")).twilio.friendlyName == "idp.example.org");
  CHECK(run(metadata_file("pysaml2_ns0_prefix_four_bindings.xml")).twilio.friendlyName == "Example Co.");
}
